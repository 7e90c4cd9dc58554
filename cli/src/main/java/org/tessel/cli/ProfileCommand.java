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
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.Objective;
import org.tessel.sched.profile.Grid;
import org.tessel.sched.profile.GridFile;
import org.tessel.sched.profile.Param;
import org.tessel.sched.profile.PointResult;
import org.tessel.sched.profile.PointRunner;
import org.tessel.sched.profile.ProfileListener;
import org.tessel.sched.profile.ProfileSpec;
import org.tessel.sched.profile.ProfileSummary;
import org.tessel.sched.profile.Profiler;
import org.tessel.sched.profile.Shards;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tessel profile}: the network scheduled on every point of a grid of hardware parameters;
 * {@code PROFILE.csv} and the Pareto front of latency, energy and on-chip storage.
 */
@Command(
    name = ProfileCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Sweep hardware parameters over a grid, schedule the network on every point (in parallel;"
          + " the output is the same at any --threads) and write DIR/<name>/PROFILE.csv (one row"
          + " per point: parameters, cycles, latency, energy, utilisation, on-chip bytes as the"
          + " area proxy) and pareto.html / pareto.svg (latency vs energy, area as colour).",
      "A PROFILE.csv already there (an interrupted run) is resumed: its points are not computed"
          + " again. Parameters: see docs/profile.md."
    })
class ProfileCommand implements Callable<Integer> {
  /** The subcommand's name, read by {@link Main} without reflection. */
  static final String NAME = "profile";

  private static final int SHOWN = 20;

  @Spec CommandSpec spec;

  @Mixin NetworkOptions networkOptions;

  @Mixin HardwareOptions hardwareOptions;

  @Mixin ForceOption forceOption;

  @Option(
      names = "--sweep",
      paramLabel = "NAME=VALUES",
      description =
          "A parameter and its values: a,b,c or start:stop:step or start:stop:*factor"
              + " (e.g. array.size=8:64:*2, sram.eachKiB=32,64,128). Repeat for more axes; the"
              + " grid is their product, the first given outermost.")
  List<String> sweeps = new ArrayList<>();

  @Option(
      names = "--grid",
      paramLabel = "FILE",
      description =
          "Axes from a file: YAML (name: values per line) or CSV (a header of names,"
              + " one row per point); before the --sweep axes.")
  @Nullable Path gridFile;

  @Option(
      names = "--objective",
      paramLabel = "cycles|energy|edp",
      defaultValue = "cycles",
      description = "What each point's schedule minimises (default: ${DEFAULT-VALUE}).")
  String objective;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "1",
      description = "Inputs per run (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Points run at once (default: the processors, here ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Output folder name (default: <network>_<hardware>).")
  @Nullable String name;

  @Option(
      names = {"-p", "--path"},
      required = true,
      paramLabel = "DIR",
      description = "Write DIR/<name>/PROFILE.csv, pareto.html and pareto.svg.")
  Path outDir;

  @Option(names = "--no-progress", description = "No progress bar on stderr.")
  boolean noProgress;

  @Mixin ClusterOptions clusterOptions;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description =
          "Compute only slice K (from 0) of N of the grid, into"
              + " DIR/<name>/shards/PROFILE.K-of-N.csv (resumable); `tessel merge profile` with the"
              + " same options then writes what the whole sweep writes. For batch schedulers.")
  @Nullable String shard;

  /** Set by {@code tessel merge profile}: join the shards instead of computing. */
  boolean merge;

  /**
   * The sweep these options describe.
   *
   * @throws ConfigException for a mistake in an option or an input file
   */
  ProfileSpec profileSpec() {
    batch = Loads.batch(batch);
    Objective obj = Loads.objective("--objective", objective);
    Grid.Builder grid = new Grid.Builder();
    if (gridFile != null) {
      GridFile.read(gridFile, grid);
    }
    for (String s : sweeps) {
      grid.sweep(s);
    }
    HardwareSpec base = hardwareOptions.load(spec);
    Network network = networkOptions.load();
    return new ProfileSpec(network, base, obj, batch, grid.build());
  }

  /** The options that define the rows, with the input files they name, for cluster members. */
  List<String> jobArgs(Map<String, byte[]> files) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "-t",
                ClusterRun.ship(files, "t", networkOptions.topology),
                "-i",
                networkOptions.inputType));
    ClusterRun.ship(a, files, hardwareOptions);
    if (gridFile != null) {
      a.add("--grid");
      a.add(ClusterRun.ship(files, "grid", gridFile));
    }
    for (String s : sweeps) {
      a.add("--sweep");
      a.add(s);
    }
    a.addAll(List.of("--objective", objective, "--batch", Integer.toString(batch)));
    return a;
  }

  @Override
  public Integer call() throws IOException {
    Loads.threads(threads);
    ProfileSpec ps = profileSpec();
    Loads.report(spec, hardwareOptions.notes, networkOptions.notes);
    Shard slice = Shard.parse(shard);
    clusterOptions.check();
    if (merge && (slice != null || clusterOptions.on())) {
      throw new ConfigException(
          "merge",
          0,
          "",
          "give the unsharded command's options, without" + " --shard and --cluster");
    }
    Network network = ps.network();
    HardwareSpec base = ps.hardware();
    String folder = name != null ? name : safe(network.name() + "_" + base.name());
    if (folder.isBlank() || folder.contains("/") || folder.equals(".") || folder.equals("..")) {
      throw new ConfigException("--name", 0, "", "not a folder name: '" + folder + "'");
    }
    PrintWriter err = spec.commandLine().getErr();
    Path dir = outDir.resolve(folder);
    int points = ps.grid().size();
    ProgressBar bar =
        noProgress || points <= 1
            ? null
            : new ProgressBar(err, Terminal.interactive(), System::nanoTime);
    ProfileListener progress = bar == null ? ProfileListener.NONE : bar;
    PointRunner runner = null;
    if (merge) {
      Shards.merge(ps, dir);
      runner =
          (work, todo, sink) -> {
            throw new ConfigException(
                Profiler.CSV, 0, "", "the shards lack " + todo.size() + " points");
          };
    }
    ClusterRun cluster =
        clusterOptions.on() && !merge
            ? ClusterRun.join(clusterOptions, threads, "coordinator", err)
            : null;
    long t0 = System.nanoTime();
    ProfileSummary s;
    try {
      if (cluster != null) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        runner = cluster.profileRunner(jobArgs(files), files);
        if (bar != null) {
          bar.extra(cluster::membersLine);
        }
      }
      if (slice != null) {
        int computed =
            Shards.run(
                ps,
                new EvaluationCache(),
                dir,
                slice.index(),
                slice.count(),
                runner != null ? runner : new Profiler(ps, threads).localRunner(),
                progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        err.printf(
            Locale.ROOT,
            "profile: shard %d/%d: %d points computed in %.2f s%n",
            slice.index(),
            slice.count(),
            computed,
            seconds);
        err.flush();
        spec.commandLine()
            .getOut()
            .println("wrote " + Shards.file(dir, slice.index(), slice.count()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
      }
      s =
          new Profiler(ps, threads)
              .run(
                  dir,
                  progress,
                  forceOption.policy(networkOptions.topology, hardwareOptions.file(), gridFile),
                  runner);
      if (cluster != null) {
        cluster.report();
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (s.computed() == 0) {
      err.printf(Locale.ROOT, "profile: all %d points were already in PROFILE.csv%n", points);
    } else {
      err.printf(
          Locale.ROOT,
          "profile: %d points computed in %.2f s, %.1f points/s on %d"
              + " threads; %d took the schedule of a point differing only in clock or unused"
              + " bandwidth; evaluation cache: %.1f%% hits of %d lookups, %d entries%n",
          s.computed(),
          seconds,
          s.computed() / Math.max(seconds, 1e-9),
          threads,
          s.sharedSchedules(),
          100 * s.cacheHitRate(),
          s.cacheHits() + s.cacheMisses(),
          s.cacheEntries());
    }
    err.flush();
    print(spec.commandLine().getOut(), ps, s);
    return ExitCodes.OK;
  }

  private static void print(PrintWriter w, ProfileSpec ps, ProfileSummary s) {
    w.printf(
        Locale.ROOT,
        "%s on %s: %d points (%d computed, %d reused), %d infeasible, %d on"
            + " the Pareto front (latency, energy, on-chip storage)%n",
        ps.network().name(),
        ps.hardware().name(),
        s.results().size(),
        s.computed(),
        s.reused(),
        s.infeasible(),
        s.front().size());
    List<String> head = new ArrayList<>();
    for (Param p : ps.grid().params()) {
      head.add(p.key());
    }
    head.addAll(List.of("cycles", "latency ms", "energy uJ", "on-chip KiB", "dataflows"));
    List<List<String>> table = new ArrayList<>();
    table.add(head);
    for (int k = 0; k < Math.min(SHOWN, s.front().size()); k++) {
      PointResult r = s.results().get(s.front().get(k));
      List<String> row = new ArrayList<>(r.values());
      row.add(Long.toString(r.cycles()));
      row.add(String.format(Locale.ROOT, "%.4f", r.latencyMs()));
      row.add(String.format(Locale.ROOT, "%.3f", r.energyPj() / 1e6));
      row.add(String.format(Locale.ROOT, "%.1f", r.onChipBytes() / 1024.0));
      row.add(r.dataflows());
      table.add(row);
    }
    int[] width = new int[head.size()];
    for (List<String> row : table) {
      for (int c = 0; c < row.size(); c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    for (List<String> row : table) {
      StringBuilder sb = new StringBuilder(" ");
      for (int c = 0; c < row.size(); c++) {
        boolean text = c == row.size() - 1;
        String v = row.get(c);
        sb.append(' ').append(text ? v : " ".repeat(width[c] - v.length()) + v);
      }
      w.println(sb.toString().stripTrailing());
    }
    if (s.front().size() > SHOWN) {
      w.printf(
          Locale.ROOT, "  ... and %d more on the front (pareto.html)%n", s.front().size() - SHOWN);
    }
    w.println("wrote " + s.csv() + ", " + s.html().getFileName() + ", " + s.svg().getFileName());
    w.flush();
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
