package org.tessel.cli.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A benchmark method the benchmarks jar holds, with its parameters' default values.
 *
 * @param name the full name ({@code org.tessel.bench.EyerissBenchmark.alexnetConv})
 * @param params each parameter's values, in JMH's order
 */
public record Benchmark(String name, Map<String, List<String>> params) {
  /** Copies the parameters, keeping their order. */
  public Benchmark {
    Objects.requireNonNull(name, "name");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    params = Collections.unmodifiableMap(copy);
  }

  /** How many parameter combinations a run measures. */
  public int combinations() {
    int n = 1;
    for (List<String> v : params.values()) {
      n *= Math.max(1, v.size());
    }
    return n;
  }
}
