package org.tessel.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.tessel.sched.profile.ProfileListener;

/**
 * A sweep's progress on stderr: on a terminal one bar redrawn in place at most ten times a second,
 * otherwise a plain line per tenth of the points (and at least every 10 s). Both give points done,
 * the rate and the estimated time left, from points computed by this run (rows reused from the
 * file are not counted in the rate).
 */
final class ProgressBar implements ProfileListener {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier nanos;
  private long start;
  private long lastDraw;
  private int reused;
  private int lastTenth;
  private Supplier<String> extra;

  ProgressBar(PrintWriter err, boolean terminal, LongSupplier nanos) {
    this.err = err;
    this.terminal = terminal;
    this.nanos = nanos;
  }

  /** Appends what {@code more} says to every line (the cluster's members and rates). */
  void extra(Supplier<String> more) {
    this.extra = more;
  }

  @Override
  public void started(int points, int reused) {
    this.reused = reused;
    start = nanos.getAsLong();
    lastDraw = start;
    if (reused > 0) {
      err.printf(Locale.ROOT, "profile: resuming, %d of %d points already in PROFILE.csv%n",
          reused, points);
      err.flush();
    }
  }

  @Override
  public void pointDone(int done, int points) {
    long now = nanos.getAsLong();
    int tenth = (int) (10L * done / points);
    if (terminal) {
      if (done < points && now - lastDraw < 100_000_000L) {
        return;
      }
      err.print("\r" + line(done, points, now) + (done == points ? "\n" : ""));
    } else {
      if (done < points && tenth == lastTenth && now - lastDraw < 10_000_000_000L) {
        return;
      }
      err.println("profile: " + line(done, points, now));
    }
    lastTenth = tenth;
    lastDraw = now;
    err.flush();
  }

  /** {@code [#####-----] 512/1000  51%  38.2 points/s  ETA 0:13}. */
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
      sb.append(done < points ? "  ETA " + clock((points - done) / rate) : "  in "
          + clock(seconds));
    }
    String more = extra == null ? "" : extra.get();
    if (!more.isEmpty()) {
      sb.append("  ").append(more);
    }
    return sb.toString();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
