package org.tessel.nas.search;

import java.time.Duration;
import org.tessel.nas.eval.CacheStats;

/** Receives a search's progress after every batch (on the search's thread). */
public interface Progress {
  /** Does nothing. */
  Progress NONE = (done, budget, elapsed, cache) -> {};

  /** {@code done} of {@code budget} architectures evaluated after {@code elapsed}. */
  void update(int done, int budget, Duration elapsed, CacheStats cache);
}
