package org.tessel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tessel.nas.eval.CacheStats;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.EvaluationLog;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.objective.AccuracyTable;
import org.tessel.nas.objective.Constraint;
import org.tessel.nas.objective.Metric;
import org.tessel.nas.objective.Scoring;
import org.tessel.nas.report.ParetoSvg;
import org.tessel.nas.report.SearchReport;
import org.tessel.nas.report.Summary;
import org.tessel.nas.search.Search;
import org.tessel.nas.search.SearchResult;
import org.tessel.nas.search.SearchSettings;
import org.tessel.nas.search.StrategyKind;
import org.tessel.nas.space.SearchSpace;
import org.tessel.nas.space.Spaces;
import org.tessel.nas.validate.RankAgreement;
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.Objective;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sched.CandidateSpace;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tessel search}: hardware-aware architecture search; candidates from a space, priced by
 * the layer-adaptive scheduler, scored and ranked.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search a space of networks for the best trade-offs between accuracy (from a table) and"
          + " what the layer-adaptive schedule costs on the hardware: latency, energy,"
          + " reconfigurations, maladaptation, MACs, parameters.",
      "With -p DIR, write DIR/<space>_<hardware>_<strategy>_s<seed>/ with ranked.csv,"
          + " pareto.csv, pareto.svg, search.txt and schedules/ (per-layer schedules).",
      "Evaluations are cached by content in --cache (default ~/.cache/tessel/"
          + "nas-evaluations.log): a killed search run again with the same options resumes"
          + " there and ends with the same result."
    })
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--space", required = true, paramLabel = "NAME|FILE",
      description = "Search space: " + Spaces.NAMES + ", or a space file (YAML).")
  String space;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Hardware: a SCALE-Sim .cfg or a Tessel hardware YAML file.")
  Path config;

  @Option(names = "--hw", paramLabel = "PRESET|FILE",
      description = "Hardware preset (${COMPLETION-CANDIDATES}) or file; default: default.",
      completionCandidates = SimulateCommand.Presets.class)
  String hw;

  @Option(names = "--accuracy", paramLabel = "FILE",
      description = "Accuracy table (CSV keyed by arch_str or arch_index).")
  Path accuracy;

  @Option(names = "--accuracy-column", paramLabel = "NAME",
      description = "The table's accuracy column (default: cifar10_test_acc, or the one"
          + " column whose name holds 'acc').")
  String accuracyColumn;

  @Option(names = "--objectives", paramLabel = "LIST", split = ",",
      description = "What to optimise: accuracy, latency, energy, reconfigurations,"
          + " maladaptation, macs, params (default: accuracy,latency with --accuracy, else"
          + " latency).")
  List<String> objectives;

  @Option(names = "--constraint", paramLabel = "METRIC<=X|METRIC>=X",
      description = "A hard limit, e.g. latency<=2.5 (ms) or accuracy>=90; repeatable.")
  List<String> constraints = new ArrayList<>();

  @Option(names = "--strategy", paramLabel = "NAME",
      description = "exhaustive, random, evolution or nsga2 (default: nsga2 for several"
          + " objectives, else evolution).")
  String strategy;

  @Option(names = "--budget", paramLabel = "N", defaultValue = "1000",
      description = "Distinct architectures to evaluate at most (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(names = "--time-limit", paramLabel = "DURATION",
      description = "Stop after this long, e.g. 90s, 10m, 2h (a time-limited result depends on"
          + " the machine; the budget is reproducible).")
  String timeLimit;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Networks priced at once; the result is the same for any count (default:"
          + " the processors).")
  Integer threads;

  @Option(names = "--population", paramLabel = "N", defaultValue = "64",
      description = "Population of evolution and nsga2 (default: ${DEFAULT-VALUE}).")
  int population;

  @Option(names = "--sample", paramLabel = "N", defaultValue = "16",
      description = "Tournament size of evolution (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(names = "--schedule-objective", paramLabel = "cycles|energy|edp",
      defaultValue = "cycles",
      description = "What the scheduler minimises per network (default: ${DEFAULT-VALUE}).")
  String scheduleObjective;

  @Option(names = "--dataflows", paramLabel = "LIST", split = ",",
      description = "Only these dataflows (one gives a fixed-dataflow search); default: every"
          + " one the hardware runs.")
  List<String> dataflows;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "1",
      description = "Inputs per run (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--cache", paramLabel = "FILE",
      description = "Evaluation log (default: ~/.cache/tessel/nas-evaluations.log).")
  Path cache;

  @Option(names = "--no-cache", description = "Keep evaluations in memory only.")
  boolean noCache;

  @Option(names = "--schedules", paramLabel = "none|front|all", defaultValue = "front",
      description = "Whose per-layer schedules to write with -p (default: ${DEFAULT-VALUE}).")
  String schedules;

  @Option(names = "--mark", paramLabel = "ARCH[=LABEL]",
      description = "Point out an architecture on the plot; repeatable.")
  List<String> marks = new ArrayList<>();

  @Option(names = "--compare", paramLabel = "COLUMN",
      description = "Also print Kendall's tau between Tessel's latency and this column of the"
          + " --accuracy table (e.g. eyeriss_latency_ms_cifar10).")
  String compare;

  @Option(names = {"-p", "--path"}, paramLabel = "DIR",
      description = "Write DIR/<space>_<hardware>_<strategy>_s<seed>/.")
  Path outDir;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "Rows of the front in the summary (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    SearchSetup s = SearchSetup.of(this);
    PrintWriter err = spec.commandLine().getErr();
    SearchProgress progress = new SearchProgress(err, System.console() != null);
    SearchResult r;
    try (EvaluationLog log = noCache ? null : EvaluationLog.open(cachePath())) {
      if (log != null && !quiet && !log.records().isEmpty()) {
        err.printf(Locale.ROOT, "search: cache %s: %d evaluations%s%n", log.file(),
            log.records().size(), log.damaged() > 0 ? ", " + log.damaged()
                + " damaged lines skipped" : "");
        err.flush();
      }
      CachedEvaluator cached = new CachedEvaluator(s.evaluator(), log);
      Search search = new Search(s.space(), cached, s.scoring(), s.table(), s.settings());
      r = search.run(quiet ? org.tessel.nas.search.Progress.NONE : progress);
      progress.finish();
    }
    Path written = null;
    if (outDir != null) {
      written = outDir.resolve(dirName(s));
      SearchReport.write(written, r, about(s), s.xAxis(), s.yAxis(), s.marks(),
          SearchReport.Schedules.valueOf(schedules.toUpperCase(Locale.ROOT)),
          c -> s.evaluator().schedule(s.space().network(c.genome())));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(Summary.of(r, top));
    if (compare != null) {
      out.println(RankAgreement.line(r.history(), s.reference(), s.space()));
    }
    out.println(cacheLine(r.cache(), s.evaluator().layerCache()));
    double secs = r.elapsed().toNanos() / 1e9;
    out.printf(Locale.ROOT, "time: %.1f s (%.1f architectures/s)%n", secs,
        secs > 0 ? r.history().size() / secs : 0);
    if (written != null) {
      out.println("wrote " + written);
    }
    out.flush();
    return ExitCodes.OK;
  }

  Path cachePath() {
    if (cache != null) {
      return cache;
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("tessel").resolve("nas-evaluations.log");
  }

  private String dirName(SearchSetup s) {
    return (s.space().name() + "_" + s.hardware().name() + "_" + s.settings().strategy().key()
        + "_s" + seed).replaceAll("[^A-Za-z0-9._-]", "-");
  }

  private List<String> about(SearchSetup s) {
    List<String> a = new ArrayList<>();
    a.add("space: " + s.space().name() + "; hardware: " + s.hardware().name()
        + "; scheduler: " + scheduleObjective + " over " + s.dataflowNames() + ", batch "
        + batch);
    a.add("budget: " + budget + (timeLimit != null ? ", time limit " + timeLimit : "")
        + (s.table() != null ? "; accuracy: " + s.table().file() + " (" + s.table().column()
            + ")" : ""));
    return a;
  }

  private static String cacheLine(CacheStats c, EvaluationCache layers) {
    return String.format(Locale.ROOT, "cache: networks %d looked up, %.1f%% hit (%d this run,"
        + " %d from the log), %d priced; log %d records, %.1f MB%s; layer candidates %.1f%% hit"
        + " (%d entries)", c.lookups(), 100 * c.hitRate(), c.memoryHits(), c.diskHits(),
        c.misses(), c.logRecords(), c.logBytes() / 1e6, c.logDamaged() > 0 ? " ("
            + c.logDamaged() + " damaged lines skipped)" : "", 100 * layers.hitRate(),
        layers.size());
  }

  /** Everything the options describe, checked: one line per mistake. */
  record SearchSetup(SearchSpace space, HardwareSpec hardware, ScheduleEvaluator evaluator,
      List<String> dataflowNames, Scoring scoring, AccuracyTable table, AccuracyTable reference,
      SearchSettings settings, Metric xAxis, Metric yAxis, List<ParetoSvg.Mark> marks) {

    static SearchSetup of(SearchCommand c) {
      if (c.budget < 1) {
        throw new ConfigException("--budget", 0, "", "must be > 0, was " + c.budget);
      }
      int threads = c.threads != null ? c.threads : Runtime.getRuntime().availableProcessors();
      if (threads < 1) {
        throw new ConfigException("--threads", 0, "", "must be > 0, was " + threads);
      }
      Loads.batch(c.batch);
      if (c.top < 0) {
        throw new ConfigException("--top", 0, "", "must be >= 0, was " + c.top);
      }
      if (!List.of("none", "front", "all").contains(c.schedules)) {
        throw new ConfigException("--schedules", 0, "", "expected none, front or all, was '"
            + c.schedules + "'");
      }
      if (c.noCache && c.cache != null) {
        throw new ConfigException("--cache", 0, "", "give --cache or --no-cache, not both");
      }
      Objective obj = Objective.find(c.scheduleObjective).orElseThrow(() ->
          new ConfigException("--schedule-objective", 0, "", "expected cycles, energy or edp,"
              + " was '" + c.scheduleObjective + "'"));
      SearchSpace space = Spaces.of(c.space);
      List<Metric> objectives = new ArrayList<>();
      List<String> names = c.objectives != null ? c.objectives
          : c.accuracy != null ? List.of("accuracy", "latency") : List.of("latency");
      for (String n : names) {
        Metric m = arg("--objectives", () -> Metric.parse(n));
        if (objectives.contains(m)) {
          throw new ConfigException("--objectives", 0, "", m.key() + " is listed twice");
        }
        objectives.add(m);
      }
      List<Constraint> limits = new ArrayList<>();
      for (String t : c.constraints) {
        limits.add(arg("--constraint", () -> Constraint.parse(t)));
      }
      Scoring scoring = new Scoring(objectives, limits);
      if (scoring.needsAccuracy() && c.accuracy == null) {
        throw new ConfigException("--objectives", 0, "", "accuracy needs an accuracy table"
            + " (--accuracy FILE)");
      }
      if (c.compare != null && c.accuracy == null) {
        throw new ConfigException("--compare", 0, "", "needs the table to read it from"
            + " (--accuracy FILE)");
      }
      StrategyKind kind = c.strategy != null
          ? arg("--strategy", () -> StrategyKind.parse(c.strategy))
          : objectives.size() > 1 ? StrategyKind.NSGA2 : StrategyKind.EVOLUTION;
      if (kind == StrategyKind.EXHAUSTIVE && !space.enumerable()) {
        throw new ConfigException("--strategy", 0, "", "space " + space.name() + " is too large"
            + " for an exhaustive search; use random, evolution or nsga2");
      }
      SearchSettings settings = arg("--population", () -> new SearchSettings(kind, c.budget,
          duration(c.timeLimit), c.seed, threads, c.population, c.sample, 16));
      HardwareSpec hardware = Loads.hardware(c.spec, c.config, c.hw);
      List<Dataflow> chosen = dataflows(hardware, c.dataflows);
      ScheduleEvaluator evaluator = new ScheduleEvaluator(hardware, obj, chosen, c.batch);
      AccuracyTable table = c.accuracy == null ? null
          : AccuracyTable.read(c.accuracy, space, c.accuracyColumn);
      AccuracyTable reference = c.compare == null ? null
          : AccuracyTable.read(c.accuracy, space, c.compare);
      Metric x = objectives.stream().filter(m -> m != Metric.ACCURACY).findFirst()
          .orElse(Metric.LATENCY);
      Metric y = table != null ? Metric.ACCURACY : objectives.stream().filter(m -> m != x)
          .findFirst().orElse(Metric.MACS);
      List<ParetoSvg.Mark> marks = new ArrayList<>();
      for (String m : c.marks) {
        int eq = m.lastIndexOf('=');
        String arch = eq > 0 ? m.substring(0, eq) : m;
        arg("--mark", () -> space.parseArch(arch));
        marks.add(new ParetoSvg.Mark(eq > 0 ? m.substring(eq + 1) : arch, arch));
      }
      List<String> dfNames = new ArrayList<>();
      chosen.forEach(d -> dfNames.add(d.shortName()));
      return new SearchSetup(space, hardware, evaluator, dfNames, scoring, table, reference,
          settings, x, y, marks);
    }

    /** The dataflows of {@code --dataflows} (all the hardware runs when null), in order. */
    static List<Dataflow> dataflows(HardwareSpec hardware, List<String> names) {
      List<Dataflow> supported = CandidateSpace.dataflows(hardware);
      if (names == null) {
        return supported;
      }
      List<Dataflow> chosen = new ArrayList<>();
      for (String name : names) {
        Dataflow d = Dataflows.find(name).orElseThrow(() -> new ConfigException("--dataflows",
            0, "", "expected names from " + Dataflows.names() + ", found '" + name + "'"));
        if (!supported.contains(d)) {
          StringBuilder runs = new StringBuilder();
          supported.forEach(x -> runs.append(runs.length() == 0 ? "" : ", ")
              .append(x.shortName()));
          throw new ConfigException("--dataflows", 0, "", d.shortName() + " does not run on "
              + hardware.name() + " (it runs " + runs + ")");
        }
        if (!chosen.contains(d)) {
          chosen.add(d);
        }
      }
      chosen.sort((a, b) -> Integer.compare(Dataflows.all().indexOf(a),
          Dataflows.all().indexOf(b)));
      return chosen;
    }

    private static <T> T arg(String option, java.util.function.Supplier<T> parse) {
      try {
        return parse.get();
      } catch (IllegalArgumentException e) {
        throw new ConfigException(option, 0, "", e.getMessage());
      }
    }

    static Duration duration(String text) {
      if (text == null) {
        return Duration.ZERO;
      }
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)")
          .matcher(text.trim());
      if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
        throw new ConfigException("--time-limit", 0, "", "expected a positive duration such as"
            + " 90s, 10m or 2h, was '" + text + "'");
      }
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms":
          return Duration.ofMillis(n);
        case "s":
          return Duration.ofSeconds(n);
        case "m":
          return Duration.ofMinutes(n);
        default:
          return Duration.ofHours(n);
      }
    }
  }
}
