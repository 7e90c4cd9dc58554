package org.tessel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.tessel.cli.bench.BenchSettings;
import org.tessel.cli.bench.Benchmark;
import org.tessel.cli.bench.BenchmarkList;
import org.tessel.cli.bench.BenchmarksJar;
import org.tessel.cli.bench.JmhResult;
import org.tessel.cli.bench.JmhResults;
import org.tessel.cli.bench.ResultTable;
import org.tessel.sim.output.OutputFile;
import org.tessel.sim.output.OutputPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code tessel bench}: runs the JMH benchmarks of {@code benchmarks/target/benchmarks.jar} in a
 * child JVM and prints their results as a table. Numbers are taken as text and checked here, so
 * that a bad value gives one line and exit code 2 (picocli would print the whole usage).
 */
@Command(
    name = BenchCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Run the JMH benchmarks (all, or those whose name matches a PATTERN, a regular expression"
          + " searched in the full name as JMH does) in a child JVM and print a table: benchmark,"
          + " parameters, mode, count, score, error, units and the secondary counters (simulated"
          + " cycles and engine events per second). JMH's progress goes to stderr.",
      "Needs benchmarks/target/benchmarks.jar ("
          + BenchmarksJar.BUILD_COMMAND
          + "). Exit code"
          + " 3 when it is missing, 1 when a benchmark fails."
    })
final class BenchCommand implements Callable<Integer> {
  /** The subcommand's name, read by {@link Main} without reflection. */
  static final String NAME = "bench";

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATTERN",
      arity = "0..*",
      description = "Regular expressions selecting benchmarks (default: all).")
  List<String> patterns = new ArrayList<>();

  @Option(
      names = "--forks",
      paramLabel = "N",
      description = "Forked JVMs per benchmark, 0 to run in the benchmark JVM (default: 1).")
  String forks = "1";

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description = "Warm-up iterations per fork (default: 3).")
  String warmup = "3";

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "Measured iterations per fork (default: 5).")
  String iterations = "5";

  @Option(
      names = "--time",
      paramLabel = "S",
      description = "Seconds per warm-up and measured iteration, decimals allowed (default: 1).")
  String time = "1";

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: 1).")
  String threads = "1";

  @Option(
      names = "--prof",
      paramLabel = "PROFILER",
      description = "A JMH profiler, e.g. gc (repeatable); its figures become columns.")
  List<String> profilers = new ArrayList<>();

  @Option(names = "--json", paramLabel = "FILE", description = "Also keep JMH's JSON results.")
  @Nullable Path json;

  @Option(names = "--list", description = "List the selected benchmarks and their parameters.")
  boolean list;

  @Option(
      names = "--jar",
      paramLabel = "FILE",
      description =
          "The benchmarks jar (default: benchmarks/target/benchmarks.jar of this"
              + " repository, found beside tessel.jar or below the current directory).")
  @Nullable Path jar;

  @Unmatched List<String> unmatched = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    try {
      return run();
    } catch (BadFlag e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("tessel: " + e.getMessage() + " (see 'tessel bench --help')");
      err.flush();
      return ExitCodes.USAGE;
    }
  }

  /**
   * A bad flag or pattern. Not a picocli {@code ParameterException}: picocli would answer that with
   * the whole usage text.
   */
  static final class BadFlag extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadFlag(String message) {
      super(message);
    }
  }

  private int run() throws IOException, InterruptedException {
    BenchSettings settings = settings();
    List<Pattern> selection = patterns();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> candidates =
        jar != null ? List.of(jar) : BenchmarksJar.candidates(codeSource(), Path.of(""));
    Optional<BenchmarksJar> found = BenchmarksJar.locate(candidates);
    if (found.isEmpty()) {
      err.println(
          "tessel: benchmarks jar not found ("
              + String.join(" or ", candidates.stream().map(Path::toString).toList())
              + "); build it from the repository"
              + " root with: "
              + BenchmarksJar.BUILD_COMMAND);
      err.flush();
      return ExitCodes.CONFIG;
    }
    BenchmarksJar benchmarks = found.get();
    Optional<Path> newer = benchmarks.newerSource();
    if (newer.isPresent()) {
      err.println(
          "bench: warning: "
              + newer.get()
              + " is newer than "
              + benchmarks.jar()
              + ", which may measure older code; rebuild with: "
              + BenchmarksJar.BUILD_COMMAND);
    }
    List<Benchmark> all;
    try {
      all = benchmarks.list();
    } catch (IOException e) {
      err.println("tessel: cannot list the benchmarks: " + e.getMessage());
      err.flush();
      return ExitCodes.UNEXPECTED;
    }
    List<Benchmark> selected = BenchmarkList.select(all, selection);
    if (selected.isEmpty()) {
      throw new BadFlag(
          "no benchmark matches "
              + String.join(" ", patterns)
              + "; there are: "
              + String.join(", ", all.stream().map(Benchmark::name).toList()));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      for (Benchmark b : selected) {
        out.println(b.name());
        b.params().forEach((k, v) -> out.println("  " + k + " = " + String.join(", ", v)));
      }
      out.flush();
      return ExitCodes.OK;
    }
    int runs = selected.stream().mapToInt(Benchmark::combinations).sum();
    err.println(
        String.format(
            Locale.ROOT,
            "bench: %d benchmark%s, %d parameter combination%s," + " %s: about %.0f s (%s)",
            selected.size(),
            selected.size() == 1 ? "" : "s",
            runs,
            runs == 1 ? "" : "s",
            settings.describe(),
            settings.estimatedSeconds(runs),
            benchmarks.jar()));
    err.flush();
    Path results = Files.createTempFile("tessel-bench-", ".json");
    try {
      List<String> names = selected.stream().map(Benchmark::name).toList();
      int code =
          benchmarks.run(
              settings.jmhArgs(names, results),
              line -> {
                err.println(line);
                err.flush();
              });
      if (code != 0) {
        err.println(
            "tessel: the benchmark JVM exited with code " + code + " (its output is" + " above)");
        err.flush();
        return ExitCodes.UNEXPECTED;
      }
      String text = Files.readString(results);
      List<JmhResult> rows = JmhResults.parse(text, results.toString());
      out.print(ResultTable.format(rows));
      out.flush();
      if (json != null) {
        OutputFile.write(json, text, OutputPolicy.DEFAULT);
        err.println("bench: wrote " + json);
        err.flush();
      }
      return ExitCodes.OK;
    } finally {
      Files.deleteIfExists(results);
    }
  }

  /** The settings from the flags; a bad value is a usage error. */
  BenchSettings settings() {
    if (!unmatched.isEmpty()) {
      throw new BadFlag("unknown option '" + unmatched.get(0) + "'");
    }
    double seconds = number("--time", time);
    if (!(seconds > 0) || Double.isInfinite(seconds) || Math.round(seconds * 1000) < 1) {
      throw new BadFlag("--time: expected seconds > 0 (at least 0.001), was '" + time + "'");
    }
    return new BenchSettings(
        integer("--forks", forks, 0),
        integer("--warmup", warmup, 0),
        integer("--iterations", iterations, 1),
        Math.round(seconds * 1000),
        integer("--threads", threads, 1),
        profilers);
  }

  private List<Pattern> patterns() {
    List<Pattern> out = new ArrayList<>();
    for (String p : patterns) {
      try {
        out.add(Pattern.compile(p));
      } catch (PatternSyntaxException e) {
        throw new BadFlag("PATTERN '" + p + "' is not a regular expression: " + e.getDescription());
      }
    }
    return out;
  }

  private static int integer(String flag, String text, int min) {
    int v;
    try {
      v = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new BadFlag(flag + ": expected an integer >= " + min + ", was '" + text + "'");
    }
    if (v < min) {
      throw new BadFlag(flag + ": expected an integer >= " + min + ", was " + v);
    }
    return v;
  }

  private static double number(String flag, String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new BadFlag(flag + ": expected a number, was '" + text + "'");
    }
  }

  /** The jar or class directory this command runs from, or null. */
  private static @Nullable Path codeSource() {
    try {
      var src = BenchCommand.class.getProtectionDomain().getCodeSource();
      return src == null ? null : Path.of(src.getLocation().toURI());
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return null;
    }
  }
}
