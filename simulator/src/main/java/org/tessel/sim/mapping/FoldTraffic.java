package org.tessel.sim.mapping;

/**
 * DRAM traffic per fold: the words that must arrive before fold {@code k} may start, and the words
 * fold {@code k} leaves to write back. Implementations hold precomputed primitive arrays or closed
 * forms; they are queried from the event loop and must not allocate.
 */
public interface FoldTraffic {
  /** Ifmap words fetched from DRAM before fold {@code k}. */
  long ifmapFillWords(int k);

  /** Filter words fetched from DRAM before fold {@code k}. */
  long filterFillWords(int k);

  /** Ofmap words written to DRAM after fold {@code k}. */
  long ofmapDrainWords(int k);

  /**
   * The first fold {@code i} in {@code [from, limit)} whose words (ifmap, filter or ofmap) may
   * differ from those of fold {@code i - period}, or {@code limit} when none does: the folds from
   * {@code from} on repeat the pattern of the {@code period} folds before them up to there. An
   * answer may come early (a fold reported that in fact repeats) but never late. This default
   * compares fold by fold; implementations with a closed form answer in constant time.
   *
   * @param from first fold to compare ({@code >= period})
   * @param period folds per repetition ({@code > 0})
   * @param limit end of the folds of interest
   */
  default int periodicUntil(int from, int period, int limit) {
    for (int i = from; i < limit; i++) {
      int j = i - period;
      if (ifmapFillWords(i) != ifmapFillWords(j)
          || filterFillWords(i) != filterFillWords(j)
          || ofmapDrainWords(i) != ofmapDrainWords(j)) {
        return i;
      }
    }
    return Math.max(from, limit);
  }

  /**
   * Folds per repetition of the traffic's own innermost pattern (row stationary: the filter groups
   * of a channel group, whose first pass loads the group's ifmap rows), or 1 when it has none to
   * tell. A hint only: the runner also looks for repeated stretches this many folds apart, and
   * {@link #periodicUntil} still vouches for every one it skips.
   */
  default int period() {
    return 1;
  }

  /** No DRAM traffic at all (everything on chip). */
  FoldTraffic NONE =
      new FoldTraffic() {
        @Override
        public long ifmapFillWords(int k) {
          return 0;
        }

        @Override
        public long filterFillWords(int k) {
          return 0;
        }

        @Override
        public long ofmapDrainWords(int k) {
          return 0;
        }

        @Override
        public int periodicUntil(int from, int period, int limit) {
          return Math.max(from, limit);
        }
      };
}
