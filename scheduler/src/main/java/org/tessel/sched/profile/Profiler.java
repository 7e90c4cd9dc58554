package org.tessel.sched.profile;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.tessel.sched.EvaluationCache;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.output.OutputFile;
import org.tessel.sim.output.OutputPolicy;
import org.tessel.sim.output.RunFolder;

/**
 * Runs a sweep: schedules the network on every point of the grid that {@code PROFILE.csv} does not
 * hold yet, on {@code threads} threads (each point single-threaded, all sharing one {@link
 * EvaluationCache}), appending each row in grid order as soon as it and the rows before it are
 * done; then writes the Pareto plot.
 *
 * <p>A point on which some layer fits no dataflow and tiling is a row with {@code feasible=false}
 * and the reason. Every output depends only on the inputs: not on the thread count, not on whether
 * the run was interrupted and resumed.
 */
public final class Profiler {
  /** The results file. */
  public static final String CSV = "PROFILE.csv";

  /** The plot and front table. */
  public static final String HTML = "pareto.html";

  /** The plot alone. */
  public static final String SVG = "pareto.svg";

  private final ProfileSpec spec;
  private final int threads;
  private final EvaluationCache cache;

  /** A profiler of {@code spec} on {@code threads} threads sharing {@code cache}. */
  public Profiler(ProfileSpec spec, int threads, EvaluationCache cache) {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads: must be > 0, was " + threads);
    }
    this.spec = spec;
    this.threads = threads;
    this.cache = cache;
  }

  /** A profiler of {@code spec} on {@code threads} threads with a cache of its own. */
  public Profiler(ProfileSpec spec, int threads) {
    this(spec, threads, new EvaluationCache());
  }

  /** Runs points on this profiler's threads (the runner {@link #run} uses by default). */
  public PointRunner localRunner() {
    return this::compute;
  }

  /** The evaluation cache the points share. */
  public EvaluationCache cache() {
    return cache;
  }

  /**
   * Runs the sweep into {@code dir}: {@code PROFILE.csv} (resumed if present), {@code pareto.html}
   * and {@code pareto.svg}.
   *
   * <p>The plots are drawn from the finished {@code PROFILE.csv}, so they are removed as soon as
   * this run has the file open and written again, each atomically, at the end: an interrupted run
   * leaves the rows written so far and no plot, never a plot of other rows.
   *
   * @throws ConfigException for a grid that makes no valid hardware, a {@code PROFILE.csv} of other
   *     inputs (then every file is left alone), or when no point is feasible (then {@code
   *     PROFILE.csv}, even one resumed from an interrupted run of the same sweep, and the
   *     directories this run created are removed; the message gives the first point's reason, in
   *     grid order)
   * @throws IOException when a file cannot be written
   */
  public ProfileSummary run(Path dir, ProfileListener listener) throws IOException {
    return run(dir, listener, OutputPolicy.DEFAULT);
  }

  /**
   * As {@link #run(Path, ProfileListener)}, replacing files only as {@code policy} allows: the
   * plots are replaced when Tessel wrote them (listed in the folder's {@link RunFolder#MANIFEST})
   * or the policy forces; {@code PROFILE.csv} is resumed only when its header is this sweep's.
   * Other files in {@code dir} are never touched.
   */
  public ProfileSummary run(Path dir, ProfileListener listener, OutputPolicy policy)
      throws IOException {
    return run(dir, listener, policy, null);
  }

  /**
   * As {@link #run(Path, ProfileListener, OutputPolicy)}, computing the points with {@code runner}
   * (null: on this profiler's threads).
   *
   * @throws ConfigException as {@link #run(Path, ProfileListener)}
   * @throws IOException when a file cannot be written
   */
  public ProfileSummary run(
      Path dir, ProfileListener listener, OutputPolicy policy, @Nullable PointRunner runner)
      throws IOException {
    policy.check(dir.resolve(CSV));
    RunFolder.checkFiles(dir, policy, List.of(HTML, SVG));
    List<Point> points = spec.grid().points();
    ProfileWork work = new ProfileWork(spec, cache); // checks every point's hardware first
    List<String> header = ProfileCsv.header(spec);
    Path csv = dir.resolve(CSV);
    Path svg = dir.resolve(SVG);
    Path html = dir.resolve(HTML);
    Path created = RunFolder.firstMissing(dir);
    long hits = cache.hits();
    long misses = cache.misses();
    int n = points.size();
    String[] rows = new String[n];
    boolean[] known = new boolean[n];
    int reused;
    long shared;
    try (CsvLog log = CsvLog.open(csv, header, points)) {
      // plots of an earlier run would describe other rows until this run draws them again
      Files.deleteIfExists(html);
      Files.deleteIfExists(svg);
      log.known()
          .forEach(
              (i, row) -> {
                rows[i] = row;
                known[i] = true;
              });
      reused = log.known().size();
      listener.started(n, reused);
      List<Integer> todo = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!known[i]) {
          todo.add(i);
        }
      }
      Emitter emitter = new Emitter(rows, known, log, listener, reused);
      try {
        shared =
            todo.isEmpty()
                ? 0
                : (runner != null ? runner : (PointRunner) this::compute)
                    .run(work, todo, emitter::done);
      } finally {
        emitter.close();
      }
      log.finish(content(header, rows));
    }
    List<PointResult> results = new ArrayList<>(n);
    int infeasible = 0;
    for (int i = 0; i < n; i++) {
      PointResult r =
          ProfileCsv.parse(
              rows[i], spec.grid().params().size(), csv.toString(), header.size() + i + 1);
      infeasible += r.feasible() ? 0 : 1;
      results.add(r);
    }
    if (infeasible == n) {
      Files.deleteIfExists(csv);
      RunFolder.removeCreated(dir, created);
      Point first = points.get(0);
      throw new ConfigException(
          spec.network().name(),
          0,
          "",
          "no point of the sweep fits ("
              + n
              + " of "
              + n
              + " infeasible); "
              + (first.params().isEmpty() ? "base hardware" : first.label())
              + ": "
              + results.get(0).reason());
    }
    RunFolder.record(dir, policy, List.of(CSV, HTML, SVG));
    OutputFile.write(
        svg,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ParetoPlot.svg(spec, results),
        policy);
    OutputFile.write(html, ParetoPlot.html(spec, results), policy);
    return new ProfileSummary(
        results,
        ParetoPlot.front(results),
        reused,
        n - reused,
        infeasible,
        shared,
        cache.hits() - hits,
        cache.misses() - misses,
        cache.size(),
        csv,
        html,
        svg);
  }

  /** The file's content: {@code header}, then {@code rows}, each with a line end. */
  private static String content(List<String> header, String[] rows) {
    StringBuilder content = new StringBuilder();
    header.forEach(h -> content.append(h).append('\n'));
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == null) {
        throw new IllegalStateException("point " + i + " was not computed");
      }
      content.append(rows[i]).append('\n');
    }
    return content.toString();
  }

  /**
   * Computes the points {@code todo}; returns how many shared another point's schedule. One task
   * per distinct simulated hardware, in order of first appearance, evaluates all of its points, so
   * threads never wait on each other's schedules and rows can still be written in grid order.
   */
  private long compute(ProfileWork work, List<Integer> todo, PointRunner.RowSink sink)
      throws IOException {
    List<List<Integer>> groups = work.groups(todo);
    if (threads == 1 || groups.size() <= 1) {
      for (int i : todo) {
        sink.done(i, work.row(i));
      }
      return work.shared();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, groups.size()),
            r -> {
              Thread t = new Thread(r, "tessel-profile");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (List<Integer> group : groups) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i : group) {
                    sink.done(i, work.row(i));
                  }
                  return null;
                }));
      }
      for (Future<Void> f : futures) {
        f.get();
      }
      return work.shared();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("sweep interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new UncheckedIOException(new IOException(cause));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Collects rows as points finish and appends them in grid order. */
  private static final class Emitter {
    private final String[] rows;
    private final boolean[] known;
    private final CsvLog log;
    private final ProfileListener listener;
    private int done;
    private int next;
    private boolean closed;

    Emitter(String[] rows, boolean[] known, CsvLog log, ProfileListener listener, int reused) {
      this.rows = rows;
      this.known = known;
      this.log = log;
      this.listener = listener;
      this.done = reused;
    }

    synchronized void done(int index, String row) throws IOException {
      if (closed || rows[index] != null) {
        return;
      }
      rows[index] = row;
      done++;
      while (next < rows.length && rows[next] != null) {
        if (!known[next]) {
          log.append(rows[next]);
        }
        next++;
      }
      listener.pointDone(done, rows.length);
    }

    synchronized void close() {
      closed = true;
    }
  }
}
