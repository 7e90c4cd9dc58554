package org.tessel.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to run the benchmarks: JMH's forks, iterations, iteration time, threads and profilers.
 *
 * @param forks forked JVMs per benchmark (0: run in the benchmark JVM itself)
 * @param warmupIterations warm-up iterations per fork
 * @param measurementIterations measured iterations per fork
 * @param iterationTimeMs the length of each warm-up and measured iteration
 * @param threads worker threads
 * @param profilers JMH profilers ({@code gc}, {@code stack}), possibly with options
 */
public record BenchSettings(
    int forks,
    int warmupIterations,
    int measurementIterations,
    long iterationTimeMs,
    int threads,
    List<String> profilers) {
  /**
   * The defaults, for a 2-core machine that also compiles: one fork, 3 warm-up and 5 measured
   * iterations of 1 s, one thread (about 9 s per parameter combination).
   */
  public static final BenchSettings DEFAULTS = new BenchSettings(1, 3, 5, 1000, 1, List.of());

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException when a count is out of range
   */
  public BenchSettings {
    atLeast("forks", forks, 0);
    atLeast("warmupIterations", warmupIterations, 0);
    atLeast("measurementIterations", measurementIterations, 1);
    atLeast("iterationTimeMs", iterationTimeMs, 1);
    atLeast("threads", threads, 1);
    profilers = List.copyOf(profilers);
  }

  private static void atLeast(String field, long v, long min) {
    if (v < min) {
      throw new IllegalArgumentException(field + ": must be >= " + min + ", was " + v);
    }
  }

  /**
   * The arguments of {@code java -jar benchmarks.jar}: exactly the named benchmarks (anchored,
   * quoted regular expressions, so a name never matches another), these settings, fail on the first
   * error, and JSON results to {@code resultFile}.
   */
  public List<String> jmhArgs(List<String> benchmarks, Path resultFile) {
    Objects.requireNonNull(resultFile, "resultFile");
    List<String> a = new ArrayList<>();
    for (String b : benchmarks) {
      a.add("^" + Pattern.quote(b) + "$");
    }
    a.addAll(
        List.of(
            "-f",
            String.valueOf(forks),
            "-wi",
            String.valueOf(warmupIterations),
            "-w",
            iterationTimeMs + "ms",
            "-i",
            String.valueOf(measurementIterations),
            "-r",
            iterationTimeMs + "ms",
            "-t",
            String.valueOf(threads)));
    for (String p : profilers) {
      a.add("-prof");
      a.add(p);
    }
    a.addAll(List.of("-foe", "true", "-rf", "json", "-rff", resultFile.toString()));
    return a;
  }

  /** Roughly how long {@code runs} parameter combinations take, in seconds, JVM starts included. */
  public double estimatedSeconds(int runs) {
    double iterations = (warmupIterations + measurementIterations) * iterationTimeMs / 1000.0;
    int f = Math.max(forks, 1);
    return runs * f * (iterations + 1) + 1;
  }

  /** {@code 1 fork, 3 warm-up + 5 measured iterations of 1 s, 1 thread}. */
  public String describe() {
    String time =
        iterationTimeMs % 1000 == 0 ? (iterationTimeMs / 1000) + " s" : iterationTimeMs + " ms";
    return (forks == 0 ? "no fork" : forks + (forks == 1 ? " fork" : " forks"))
        + ", "
        + warmupIterations
        + " warm-up + "
        + measurementIterations
        + " measured iterations of "
        + time
        + ", "
        + threads
        + (threads == 1 ? " thread" : " threads")
        + (profilers.isEmpty() ? "" : ", profilers " + String.join(" ", profilers));
  }
}
