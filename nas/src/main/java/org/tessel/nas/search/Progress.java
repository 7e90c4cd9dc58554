package org.tessel.nas.search;

import java.time.Duration;
import java.util.Locale;
import org.tessel.nas.eval.CacheStats;

/** Receives a search's progress after every batch (on the search's thread). */
public interface Progress {
  /** Does nothing. */
  Progress NONE = (done, budget, elapsed, cache) -> { };

  /** {@code done} of {@code budget} architectures evaluated after {@code elapsed}. */
  void update(int done, int budget, Duration elapsed, CacheStats cache);

  /**
   * One status line: count, percentage, rate, cache hit rate and the time left at the current
   * rate, e.g. {@code 812/2000 (40.6%) 33.1/s cache 97.1% ETA 0:36}.
   */
  static String line(int done, int budget, Duration elapsed, CacheStats cache) {
    double s = elapsed.toNanos() / 1e9;
    double rate = s > 0 ? done / s : 0;
    String eta = rate > 0 ? clock((long) Math.ceil((budget - done) / rate)) : "?";
    return String.format(Locale.ROOT, "%d/%d (%.1f%%) %.1f/s cache %.1f%% ETA %s", done, budget,
        100.0 * done / budget, rate, 100 * cache.hitRate(), eta);
  }

  /** {@code seconds} as {@code h:mm:ss} or {@code m:ss}. */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long sec = seconds % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }
}
