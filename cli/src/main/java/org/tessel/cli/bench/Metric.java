package org.tessel.cli.bench;

import java.util.Objects;

/**
 * One JMH metric of a benchmark run: the score, its error (the half-width of JMH's 99.9 %
 * confidence interval; NaN when there were too few measurements) and the unit.
 *
 * @param score the mean over the measurement iterations
 * @param error the score's error, or NaN
 * @param unit JMH's unit ({@code ops/s}, {@code ms/op}, {@code B/op})
 * @param count the number of measurements (iterations over all forks)
 */
public record Metric(double score, double error, String unit, int count) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when the score is NaN or the count negative
   */
  public Metric {
    Objects.requireNonNull(unit, "unit");
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score: must be a number, was NaN");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count: must be >= 0, was " + count);
    }
  }
}
