package org.tessel.nas.objective;

import java.util.List;
import org.tessel.nas.eval.Metrics;

/**
 * The objectives a search optimises and the constraints it must meet.
 *
 * @param objectives at least one, no repeats; the first is what single-objective strategies
 *     optimise, the rest break its ties in that order
 * @param constraints hard limits (may be empty)
 */
public record Scoring(List<Metric> objectives, List<Constraint> constraints) {
  /** Validates and copies. */
  public Scoring {
    objectives = List.copyOf(objectives);
    constraints = List.copyOf(constraints);
    if (objectives.isEmpty()) {
      throw new IllegalArgumentException("at least one objective is needed");
    }
    if (objectives.stream().distinct().count() != objectives.size()) {
      throw new IllegalArgumentException("an objective is listed twice: " + objectives);
    }
  }

  /** Whether some objective or constraint needs accuracy. */
  public boolean needsAccuracy() {
    return objectives.contains(Metric.ACCURACY)
        || constraints.stream().anyMatch(c -> c.metric() == Metric.ACCURACY);
  }

  /** The objectives' values for a network, each turned so that lower is better. */
  public double[] costs(Metrics m, double accuracy) {
    double[] c = new double[objectives.size()];
    for (int i = 0; i < c.length; i++) {
      Metric o = objectives.get(i);
      c[i] =
          m.runs() || o == Metric.MACS || o == Metric.PARAMS || o == Metric.ACCURACY
              ? o.cost(o.of(m, accuracy))
              : Double.POSITIVE_INFINITY;
    }
    return c;
  }

  /**
   * The sum of the relative constraint violations (0: feasible); infinite for a network that cannot
   * run.
   */
  public double violation(Metrics m, double accuracy) {
    if (!m.runs()) {
      return Double.POSITIVE_INFINITY;
    }
    double v = 0;
    for (Constraint c : constraints) {
      v += c.violation(c.metric().of(m, accuracy));
    }
    return v;
  }
}
