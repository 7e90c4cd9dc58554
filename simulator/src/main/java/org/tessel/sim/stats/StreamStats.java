package org.tessel.sim.stats;

/**
 * One access stream of a layer (for example DRAM ifmap reads): when it was active and how many
 * words it moved. Cycles count from the layer's first cycle (0) and can be negative for DRAM
 * prefetches issued before compute starts.
 *
 * @param startCycle first cycle of the stream
 * @param stopCycle last cycle of the stream
 * @param words words moved
 */
public record StreamStats(long startCycle, long stopCycle, long words) {
  /** A stream that never ran. */
  public static final StreamStats NONE = new StreamStats(0, 0, 0);

  /** Words per cycle over the stream's own window, {@code words / (stop - start + 1)}. */
  public double wordsPerCycleOverWindow() {
    long len = stopCycle - startCycle + 1;
    return len <= 0 ? 0 : (double) words / len;
  }
}
