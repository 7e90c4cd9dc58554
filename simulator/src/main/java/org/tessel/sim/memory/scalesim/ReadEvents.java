package org.tessel.sim.memory.scalesim;

import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * The demand rows at which a USER read buffer had to prefetch, with the cycle at which the last
 * of those prefetches completed (the row is serviced then); rows ascend. Primitive arrays only.
 */
final class ReadEvents {
  /** No events (CALC read buffers never stall). */
  static final ReadEvents NONE = new ReadEvents();

  private final LongArrayList rows = new LongArrayList();
  private final LongArrayList cycles = new LongArrayList();

  void add(long row, long cycle) {
    rows.add(row);
    cycles.add(cycle);
  }

  int size() {
    return rows.size();
  }

  long row(int i) {
    return rows.getLong(i);
  }

  long cycle(int i) {
    return cycles.getLong(i);
  }
}
