package org.tessel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.tessel.nas.eval.CacheStats;
import org.tessel.nas.search.Progress;

/**
 * A search's progress on stderr: on a terminal one line redrawn in place at most five times a
 * second, otherwise a line per tenth of the budget (and at least every 10 s): architectures
 * evaluated, rate, cache hit rate and the time left at the current rate.
 */
final class SearchProgress implements Progress {
  private final PrintWriter err;
  private final boolean terminal;
  private long lastNanos;
  private int lastTenth;
  private java.util.function.Supplier<String> extra;

  SearchProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** Appends what {@code more} says to every line (the cluster's members and rates). */
  void extra(java.util.function.Supplier<String> more) {
    this.extra = more;
  }

  private String more() {
    String m = extra == null ? "" : extra.get();
    return m.isEmpty() ? "" : "  " + m;
  }

  @Override
  public void update(int done, int budget, Duration elapsed, CacheStats cache) {
    long now = elapsed.toNanos();
    int tenth = (int) (10L * done / budget);
    boolean last = done >= budget;
    if (terminal) {
      if (!last && now - lastNanos < 200_000_000L) {
        return;
      }
      err.print("\rsearch: " + Progress.line(done, budget, elapsed, cache) + more() + "   ");
    } else {
      if (!last && tenth == lastTenth && now - lastNanos < 10_000_000_000L) {
        return;
      }
      err.println("search: " + Progress.line(done, budget, elapsed, cache) + more());
    }
    lastNanos = now;
    lastTenth = tenth;
    err.flush();
  }

  /** Ends a line redrawn in place. */
  void finish() {
    if (terminal) {
      err.println();
      err.flush();
    }
  }
}
