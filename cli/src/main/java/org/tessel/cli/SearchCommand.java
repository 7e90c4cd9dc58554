package org.tessel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tessel.nas.eval.CacheStats;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.EvaluationLog;
import org.tessel.nas.rank.RankAgreement;
import org.tessel.nas.report.SearchReport;
import org.tessel.nas.report.Summary;
import org.tessel.nas.search.Search;
import org.tessel.nas.search.SearchResult;
import org.tessel.nas.search.SearchShards;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.Spaces;
import org.tessel.sched.EvaluationCache;
import org.tessel.sim.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tessel search}: hardware-aware architecture search; candidates from a space, priced by the
 * layer-adaptive scheduler, scored and ranked.
 */
@Command(
    name = SearchCommand.NAME,
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
class SearchCommand implements Callable<Integer> {
  /** The subcommand's name, read by {@link Main} without reflection. */
  static final String NAME = "search";

  @Spec CommandSpec spec;

  @Option(
      names = "--space",
      required = true,
      paramLabel = "NAME|FILE",
      description =
          "Search space: "
              + Spaces.NAMES
              + ", a space file (YAML), or an ONNX"
              + " model (.onnx: a space of that one network).")
  String space;

  @Mixin OnnxOptions onnx;

  @Mixin HardwareOptions hardwareOptions;

  @Mixin ForceOption forceOption;

  @Option(
      names = "--accuracy",
      paramLabel = "FILE",
      description = "Accuracy table (CSV keyed by arch_str or arch_index).")
  @Nullable Path accuracy;

  @Option(
      names = "--accuracy-column",
      paramLabel = "NAME",
      description =
          "The table's accuracy column (default: cifar10_test_acc, or the one"
              + " column whose name holds 'acc').")
  @Nullable String accuracyColumn;

  @Option(
      names = "--objectives",
      paramLabel = "LIST",
      split = ",",
      description =
          "What to optimise: accuracy, latency, energy, reconfigurations,"
              + " maladaptation, macs, params (default: accuracy,latency with --accuracy, else"
              + " latency).")
  @Nullable List<String> objectives;

  @Option(
      names = "--constraint",
      paramLabel = "METRIC<=X|METRIC>=X",
      description = "A hard limit, e.g. latency<=2.5 (ms) or accuracy>=90; repeatable.")
  List<String> constraints = new ArrayList<>();

  @Option(
      names = "--strategy",
      paramLabel = "NAME",
      description =
          "exhaustive, random, evolution or nsga2 (default: nsga2 for several"
              + " objectives, else evolution).")
  @Nullable String strategy;

  @Option(
      names = "--budget",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Distinct architectures to evaluate at most (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(
      names = "--time-limit",
      paramLabel = "DURATION",
      description =
          "Stop after this long, e.g. 90s, 10m, 2h (a time-limited result depends on"
              + " the machine; the budget is reproducible).")
  @Nullable String timeLimit;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Networks priced at once; the result is the same for any count (default:"
              + " the processors).")
  @Nullable Integer threads;

  @Option(
      names = "--population",
      paramLabel = "N",
      defaultValue = "64",
      description = "Population of evolution and nsga2 (default: ${DEFAULT-VALUE}).")
  int population;

  @Option(
      names = "--sample",
      paramLabel = "N",
      defaultValue = "16",
      description = "Tournament size of evolution (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(
      names = "--schedule-objective",
      paramLabel = "cycles|energy|edp",
      defaultValue = "cycles",
      description = "What the scheduler minimises per network (default: ${DEFAULT-VALUE}).")
  String scheduleObjective;

  @Option(
      names = "--dataflows",
      paramLabel = "LIST",
      split = ",",
      description =
          "Only these dataflows (one gives a fixed-dataflow search); default: every"
              + " one the hardware runs.")
  @Nullable List<String> dataflows;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "1",
      description = "Inputs per run (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--cache",
      paramLabel = "FILE",
      description = "Evaluation log (default: ~/.cache/tessel/nas-evaluations.log).")
  @Nullable Path cache;

  @Option(names = "--no-cache", description = "Keep evaluations in memory only.")
  boolean noCache;

  @Option(
      names = "--schedules",
      paramLabel = "none|front|all",
      defaultValue = "front",
      description = "Whose per-layer schedules to write with -p (default: ${DEFAULT-VALUE}).")
  String schedules;

  @Option(
      names = "--mark",
      paramLabel = "ARCH[=LABEL]",
      description = "Point out an architecture on the plot; repeatable.")
  List<String> marks = new ArrayList<>();

  @Option(
      names = "--compare",
      paramLabel = "COLUMN",
      description =
          "Also print Kendall's tau between Tessel's latency and this column of the"
              + " --accuracy table (e.g. eyeriss_latency_ms_cifar10).")
  @Nullable String compare;

  @Option(
      names = {"-p", "--path"},
      paramLabel = "DIR",
      description = "Write DIR/<space>_<hardware>_<strategy>_s<seed>/.")
  @Nullable Path outDir;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Rows of the front in the summary (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on stderr.")
  boolean quiet;

  @Mixin ClusterOptions clusterOptions;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description =
          "Exhaustive and random strategies: price only slice K (from 0) of N of the"
              + " architectures the search proposes, into DIR/<search>/shards/evaluations.K-of-N.log"
              + " (resumable); `tessel merge search` with the same options then writes what the"
              + " whole search writes. For batch schedulers.")
  @Nullable String shard;

  /** Set by {@code tessel merge search}: answer from the shards' logs instead of pricing. */
  boolean merge;

  /** The options that define a network's price, with the files they name, for members. */
  List<String> jobArgs(Map<String, byte[]> files) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--space",
                java.nio.file.Files.isRegularFile(Path.of(space))
                    ? ClusterRun.ship(files, "space", Path.of(space))
                    : space));
    ClusterRun.ship(a, files, hardwareOptions);
    a.addAll(
        List.of(
            "--objectives",
            "latency",
            "--schedule-objective",
            scheduleObjective,
            "--batch",
            Integer.toString(batch)));
    if (dataflows != null) {
      a.add("--dataflows");
      a.add(String.join(",", dataflows));
    }
    return a;
  }

  @Override
  public Integer call() throws IOException {
    SearchSetup s = SearchSetup.of(this);
    Shard slice = Shard.parse(shard);
    clusterOptions.check();
    if (merge && (slice != null || clusterOptions.on())) {
      throw new ConfigException(
          "merge",
          0,
          "",
          "give the unsharded command's options, without" + " --shard and --cluster");
    }
    if (slice != null && clusterOptions.on()) {
      throw new ConfigException(
          "--shard", 0, "", "a search shard runs without --cluster (use" + " one or the other)");
    }
    if ((slice != null || merge) && outDir == null) {
      throw new ConfigException(
          merge ? "merge" : "--shard", 0, "", "needs -p DIR (where the" + " shards are)");
    }
    List<Genome> proposals = null;
    if (slice != null) {
      try {
        proposals =
            new Search(
                    s.space(),
                    new CachedEvaluator(s.evaluator(), null),
                    s.scoring(),
                    s.table(),
                    s.settings())
                .proposals();
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--shard", 0, "", ConfigException.messageOf(e));
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar progress = ProgressBar.search(err, Terminal.interactive());
    org.tessel.nas.search.Progress shown = quiet ? org.tessel.nas.search.Progress.NONE : progress;
    if (slice != null && proposals != null) { // proposals are made for every shard
      return shard(s, slice, proposals, shown, progress);
    }
    SearchResult r;
    ClusterRun cluster = null;
    try (EvaluationLog log = noCache || merge ? null : EvaluationLog.open(cachePath())) {
      if (log != null && !quiet && !log.records().isEmpty()) {
        err.printf(
            Locale.ROOT,
            "search: cache %s: %d evaluations%s%n",
            log.file(),
            log.records().size(),
            log.damaged() > 0 ? ", " + log.damaged() + " damaged lines skipped" : "");
        err.flush();
      }
      CachedEvaluator cached =
          new CachedEvaluator(
              merge
                  ? SearchShards.fromShards(outDir().resolve(dirName(s)), s.evaluator())
                  : s.evaluator(),
              log);
      if (merge) {
        SearchShards.preload(outDir().resolve(dirName(s)), cached);
      }
      Search search = new Search(s.space(), cached, s.scoring(), s.table(), s.settings());
      org.tessel.nas.search.Pricer pricer = null;
      if (clusterOptions.on() && !merge) {
        cluster = ClusterRun.join(clusterOptions, s.settings().threads(), "coordinator", err);
        Map<String, byte[]> files = new LinkedHashMap<>();
        pricer = cluster.pricer(jobArgs(files), files, s.space(), cached, s.evaluator());
        progress.extra(cluster::membersLine);
      }
      r = search.run(shown, pricer);
      progress.finish();
      if (cluster != null) {
        cluster.report();
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
    Path written = null;
    if (outDir != null) {
      written = outDir.resolve(dirName(s));
      String title =
          s.space().name()
              + " on "
              + s.hardware().name()
              + ": "
              + s.yAxis().key()
              + " against "
              + s.xAxis().key();
      SearchReport.write(
          written,
          r,
          new SearchReport.Options(
              about(s),
              title,
              s.xAxis(),
              s.yAxis(),
              s.marks(),
              SearchReport.Schedules.valueOf(schedules.toUpperCase(Locale.ROOT))),
          c -> s.evaluator().schedule(s.space().network(c.genome())),
          forceOption.policy(
              hardwareOptions.file(), accuracy, Path.of(space), noCache ? null : cachePath()));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(Summary.of(r, top));
    org.tessel.nas.objective.AccuracyTable reference =
        s.reference(); // there exactly when --compare is given
    if (compare != null && reference != null) {
      out.println(RankAgreement.line(r.history(), reference, s.space()));
    }
    out.println(cacheLine(r.cache(), s.evaluator().layerCache()));
    double secs = r.elapsed().toNanos() / 1e9;
    out.printf(
        Locale.ROOT,
        "time: %.1f s (%.1f architectures/s)%n",
        secs,
        secs > 0 ? r.history().size() / secs : 0);
    if (written != null) {
      out.println("wrote " + written);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Prices slice {@code slice} of {@code proposals} into the shard's log. */
  private int shard(
      SearchSetup s,
      Shard slice,
      List<Genome> proposals,
      org.tessel.nas.search.Progress shown,
      ProgressBar progress)
      throws IOException {
    Path dir = outDir().resolve(dirName(s));
    int from = (int) ((long) proposals.size() * slice.index() / slice.count());
    int to = (int) ((long) proposals.size() * (slice.index() + 1) / slice.count());
    long t0 = System.nanoTime();
    Path file = SearchShards.file(dir, slice.index(), slice.count());
    try (EvaluationLog log = EvaluationLog.open(file)) {
      CachedEvaluator cached = new CachedEvaluator(s.evaluator(), log);
      new Search(s.space(), cached, s.scoring(), s.table(), s.settings())
          .priceAll(proposals.subList(from, to), 64, shown);
      progress.finish();
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          Locale.ROOT,
          "search: shard %d/%d: architectures %d-%d of %d, %d priced now in" + " %.2f s%n",
          slice.index(),
          slice.count(),
          from,
          to - 1,
          proposals.size(),
          cached.stats().misses(),
          (System.nanoTime() - t0) / 1e9);
      err.flush();
    }
    spec.commandLine().getOut().println("wrote " + file);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  Path cachePath() {
    if (cache != null) {
      return cache;
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("tessel").resolve("nas-evaluations.log");
  }

  private String dirName(SearchSetup s) {
    return (s.space().name()
            + "_"
            + s.hardware().name()
            + "_"
            + s.settings().strategy().key()
            + "_s"
            + seed)
        .replaceAll("[^A-Za-z0-9._-]", "-");
  }

  private List<String> about(SearchSetup s) {
    List<String> a = new ArrayList<>();
    a.add(
        "space: "
            + s.space().name()
            + "; hardware: "
            + s.hardware().name()
            + "; scheduler: "
            + scheduleObjective
            + " over "
            + s.dataflowNames()
            + ", batch "
            + batch);
    a.add(
        "budget: "
            + budget
            + (timeLimit != null ? ", time limit " + timeLimit : "")
            + (s.table() != null
                ? "; accuracy: " + s.table().file() + " (" + s.table().column() + ")"
                : ""));
    return a;
  }

  private String cacheLine(CacheStats c, EvaluationCache layers) {
    String log =
        noCache
            ? "no log"
            : String.format(
                Locale.ROOT,
                "log %d records, %.1f MB%s",
                c.logRecords(),
                c.logBytes() / 1e6,
                c.logDamaged() > 0 ? " (" + c.logDamaged() + " damaged lines skipped)" : "");
    return String.format(
        Locale.ROOT,
        "cache: networks %d looked up, %.1f%% hit (%d this run,"
            + " %d from the log), %d priced; %s; layer candidates %.1f%% hit (%d entries)",
        c.lookups(),
        100 * c.hitRate(),
        c.memoryHits(),
        c.diskHits(),
        c.misses(),
        log,
        100 * layers.hitRate(),
        layers.size());
  }

  /** {@code -p DIR}, which a shard or a merge needs (checked before either runs). */
  private Path outDir() {
    if (outDir == null) {
      throw new IllegalStateException("-p DIR was checked");
    }
    return outDir;
  }
}
