package org.tessel.sim.layer;

import java.util.Arrays;

/**
 * What {@link LayerRunner} remembers of the ends of its recent folds, to find a stretch its future
 * repeats: a direct-mapped table from the runner's relative state (filled by the runner) and a salt
 * to the fold, the cycle and the per-port transfer counts at which it last had that state. A newer
 * fold with the same hash takes the slot, so a match is the latest earlier fold with that state and
 * salt: with salt 0 the shortest repetition; salted with the fold's position in the inputs' own
 * period, the latest one a whole number of those periods back. Preallocated: nothing is allocated
 * per fold.
 */
final class Repeats {
  /** Longs in a state. */
  static final int STATE = 17;

  private static final int SLOTS = 256;

  private final long[] states = new long[SLOTS * STATE];
  private final long[] hashes = new long[SLOTS];
  private final long[] folds = new long[SLOTS];
  private final long[] cycles = new long[SLOTS];
  private final long[] starts = new long[SLOTS * 3];
  private int slot;
  private long hash;

  Repeats() {
    clear();
  }

  /** Forgets every state (a new run). */
  void clear() {
    Arrays.fill(folds, -1);
  }

  /** The slot of an earlier fold that ended with {@code state} and {@code salt}, or -1. */
  int find(long[] state, long salt) {
    long h = 0x9E3779B97F4A7C15L ^ salt * 0x94D049BB133111EBL;
    for (long v : state) {
      h = (h ^ v) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    hash = h;
    slot = (int) (h & (SLOTS - 1));
    if (folds[slot] < 0 || hashes[slot] != h) {
      return -1;
    }
    return Arrays.equals(states, slot * STATE, slot * STATE + STATE, state, 0, STATE) ? slot : -1;
  }

  /**
   * Records {@code state} (looked up last by {@link #find}, with the same salt) as reached at the
   * end of fold {@code fold}, at {@code cycle}, with {@code portStarts} positive-word transfers per
   * port so far.
   */
  void store(long[] state, long fold, long cycle, long[] portStarts) {
    hashes[slot] = hash;
    folds[slot] = fold;
    cycles[slot] = cycle;
    System.arraycopy(state, 0, states, slot * STATE, STATE);
    System.arraycopy(portStarts, 0, starts, slot * 3, 3);
  }

  /** The folds done when the state in {@code s} was stored. */
  long fold(int s) {
    return folds[s];
  }

  /** The cycle at which the state in {@code s} was stored. */
  long cycle(int s) {
    return cycles[s];
  }

  /** Positive-word transfers port {@code p} had started when the state in {@code s} was stored. */
  long starts(int s, int p) {
    return starts[s * 3 + p];
  }
}
