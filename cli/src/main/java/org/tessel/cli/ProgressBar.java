package org.tessel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.tessel.nas.eval.CacheStats;
import org.tessel.nas.search.Progress;
import org.tessel.sched.profile.ProfileListener;

/**
 * Progress on stderr, for a profile sweep and for a search alike: on a terminal one line redrawn in
 * place (at most ten times a second for a sweep, five for a search), otherwise a plain line per
 * tenth of the work (and at least every 10 s). A sweep shows a bar, points done, the rate and the
 * estimated time left, from points computed by this run (rows reused from the file are not counted
 * in the rate); a search shows architectures evaluated, rate, cache hit rate and the time left at
 * the current rate.
 */
final class ProgressBar implements ProfileListener, Progress {
  private static final int WIDTH = 30;
  private static final long PLAIN_EVERY_NANOS = 10_000_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier nanos;
  private final String name;
  private final long redrawNanos;
  private long start;
  private long lastDraw;
  private int reused;
  private int lastTenth;
  private boolean lineOpen;
  private java.util.function.@Nullable Supplier<String> extra;

  /** A profile sweep's progress; {@code nanos} is the clock. */
  ProgressBar(PrintWriter err, boolean terminal, LongSupplier nanos) {
    this(err, terminal, nanos, "profile", 100_000_000L);
  }

  private ProgressBar(
      PrintWriter err, boolean terminal, LongSupplier nanos, String name, long redrawNanos) {
    this.err = err;
    this.terminal = terminal;
    this.nanos = nanos;
    this.name = name;
    this.redrawNanos = redrawNanos;
  }

  /** A search's progress; the search reports its own elapsed time. */
  static ProgressBar search(PrintWriter err, boolean terminal) {
    return new ProgressBar(err, terminal, () -> 0L, "search", 200_000_000L);
  }

  @Override
  public void started(int points, int reused) {
    this.reused = reused;
    start = nanos.getAsLong();
    lastDraw = start;
    if (reused > 0) {
      err.printf(
          Locale.ROOT,
          "profile: resuming, %d of %d points already in PROFILE.csv%n",
          reused,
          points);
      err.flush();
    }
  }

  @Override
  public void pointDone(int done, int points) {
    long now = nanos.getAsLong();
    if (due(done, points, now)) {
      // a sweep's bar on a terminal carries no name
      show(
          terminal ? line(done, points, now) : name + ": " + line(done, points, now),
          done >= points);
    }
  }

  @Override
  public void update(int done, int budget, Duration elapsed, CacheStats cache) {
    if (due(done, budget, elapsed.toNanos())) {
      show(
          name + ": " + searchLine(done, budget, elapsed, cache) + (terminal ? "   " : ""),
          done >= budget);
    }
  }

  /** Ends a line redrawn in place, if one is open. */
  void finish() {
    if (lineOpen) {
      err.println();
      err.flush();
      lineOpen = false;
    }
  }

  /**
   * Whether to draw at {@code now}: always the last update; on a terminal once the redraw interval
   * has passed; otherwise at each new tenth of {@code total} or once 10 s have passed.
   */
  private boolean due(int done, int total, long now) {
    int tenth = (int) (10L * done / total);
    if (done < total
        && now - lastDraw < (terminal ? redrawNanos : PLAIN_EVERY_NANOS)
        && (terminal || tenth == lastTenth)) {
      return false;
    }
    lastTenth = tenth;
    lastDraw = now;
    return true;
  }

  /** Appends what {@code more} says to every line (the cluster's members and rates). */
  void extra(java.util.function.Supplier<String> more) {
    this.extra = more;
  }

  private void show(String line, boolean last) {
    String more = extra == null ? "" : extra.get();
    String text = more.isEmpty() ? line : line + "  " + more;
    if (terminal) {
      err.print("\r" + text);
      lineOpen = true;
      if (last) {
        finish();
      }
    } else {
      err.println(text);
    }
    err.flush();
  }

  /** {@code [#####-----] 512/1000 51% 38.2 points/s ETA 0:13}. */
  String line(int done, int points, long now) {
    int filled = (int) ((long) WIDTH * done / points);
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < WIDTH; i++) {
      sb.append(i < filled ? '#' : '-');
    }
    sb.append(String.format(Locale.ROOT, "] %d/%d %3d%%", done, points, 100L * done / points));
    double seconds = (now - start) / 1e9;
    int computed = done - reused;
    if (computed > 0 && seconds > 0) {
      double rate = computed / seconds;
      sb.append(String.format(Locale.ROOT, "  %.1f points/s", rate));
      sb.append(
          done < points
              ? "  ETA " + clock(Math.round((points - done) / rate))
              : "  in " + clock(Math.round(seconds)));
    }
    return sb.toString();
  }

  /**
   * One search status line: count, percentage, rate, cache hit rate and the time left at the
   * current rate, e.g. {@code 812/2000 (40.6%) 33.1/s cache 97.1% ETA 0:36}.
   */
  static String searchLine(int done, int budget, Duration elapsed, CacheStats cache) {
    double s = elapsed.toNanos() / 1e9;
    double rate = s > 0 ? done / s : 0;
    String eta = rate > 0 ? clock((long) Math.ceil((budget - done) / rate)) : "?";
    return String.format(
        Locale.ROOT,
        "%d/%d (%.1f%%) %.1f/s cache %.1f%% ETA %s",
        done,
        budget,
        100.0 * done / budget,
        rate,
        100 * cache.hitRate(),
        eta);
  }

  /** {@code seconds} as {@code h:mm:ss} or {@code m:ss}. */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long sec = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }
}
