package org.tessel.sim.memory.scalesim;

/**
 * Where SCALE-Sim v2 (scale-sim-v2 22f88b1) and v3 (scale-sim-v3 fab89b7) differ in the memory
 * system, for the paths Tessel models (no custom layout, no Ramulator trace, no sparsity).
 */
enum ScaleSimVersion {
  /** SCALE-Sim v2. */
  V2,
  /** SCALE-Sim v3. */
  V3;

  /**
   * The cycle at which a read buffer answers a demand row serviced at {@code cycle} whose misses
   * made {@code n >= 1} prefetches, the last completing at {@code last}, each {@code step} cycles
   * after the one before ({@code read_buffer.py} {@code service_reads}: {@code offset} starts at
   * the hit latency 1 and moves after every prefetch by {@code pot = completion - (cycle +
   * offset)}).
   *
   * <p>v2 adds {@code pot} when it is positive: the row waits for its last prefetch, never less
   * than the hit latency. v3, on the path without a custom layout, adds {@code pot} always and then
   * once more when it is positive (the line v2 removed in 22f88b1, "removing double counting of
   * stall cycles"): a late prefetch's wait counts twice, and an early one moves the answer back to
   * the prefetch's completion.
   */
  long readAnswer(long cycle, long last, long n, long step) {
    if (this == V2) {
      return Math.max(cycle + 1, last);
    }
    long x = cycle + 1;
    for (long completion = last - (n - 1) * step; completion <= last; completion += step) {
      long pot = completion - x;
      x = pot > 0 ? x + 2 * pot : completion;
    }
    return x;
  }
}
