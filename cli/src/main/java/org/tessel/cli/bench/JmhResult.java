package org.tessel.cli.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a JMH result file: a benchmark method at one combination of its parameters.
 *
 * @param benchmark the full name ({@code org.tessel.bench.EyerissBenchmark.alexnetConv})
 * @param mode JMH's mode ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss})
 * @param threads worker threads
 * @param forks measured forks
 * @param params the parameter values, in JMH's order
 * @param primary the score
 * @param secondary the secondary metrics (auxiliary counters, profilers), in JMH's order
 */
public record JmhResult(
    String benchmark,
    String mode,
    int threads,
    int forks,
    Map<String, String> params,
    Metric primary,
    Map<String, Metric> secondary) {
  /** Copies the maps, keeping their order. */
  public JmhResult {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(primary, "primary");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
  }

  /** The class and method ({@code EyerissBenchmark.alexnetConv}), without the package. */
  public String shortName() {
    int method = benchmark.lastIndexOf('.');
    int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
    return benchmark.substring(cls + 1);
  }
}
