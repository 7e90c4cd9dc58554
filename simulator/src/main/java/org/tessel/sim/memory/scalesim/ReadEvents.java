package org.tessel.sim.memory.scalesim;

import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * The demand rows at which a USER read buffer had to prefetch, with the cycle at which the last of
 * those prefetches completed and how many there were (a row's prefetches run back to back, {@link
 * #stepCycles} apart); rows ascend. Primitive arrays only.
 */
final class ReadEvents {
  /** No events (CALC read buffers never stall). */
  static final ReadEvents NONE = new ReadEvents(1);

  private final long stepCycles;
  private final LongArrayList rows = new LongArrayList();
  private final LongArrayList cycles = new LongArrayList();
  private final LongArrayList counts = new LongArrayList();

  /** Events of a buffer whose consecutive prefetches complete {@code stepCycles} apart. */
  ReadEvents(long stepCycles) {
    this.stepCycles = stepCycles;
  }

  void add(long row, long cycle, long prefetches) {
    rows.add(row);
    cycles.add(cycle);
    counts.add(prefetches);
  }

  int size() {
    return rows.size();
  }

  long row(int i) {
    return rows.getLong(i);
  }

  /** Completion of the last prefetch of event {@code i}. */
  long cycle(int i) {
    return cycles.getLong(i);
  }

  /** Prefetches of event {@code i} (at least 1). */
  long prefetches(int i) {
    return counts.getLong(i);
  }

  /** Cycles between the completions of two consecutive prefetches. */
  long stepCycles() {
    return stepCycles;
  }
}
