package org.tessel.sim.memory.scalesim;

import java.util.Arrays;

/**
 * SCALE-Sim's {@code read_buffer_estimate_bw.py} (CALC bandwidth): never stalls; it only yields
 * the DRAM columns, the words it would have fetched and over which window.
 *
 * <p>Distinct new addresses fill sets of {@code items = floor(size / 100)} words (at least 1 here;
 * SCALE-Sim divides by zero below 100 words); 50 sets are active. When the set after the active
 * ones fills, the window moves by 50 sets and a prefetch of {@code 50 * items} words is booked:
 * the first one over the {@code ceil(50 * items / 10)} cycles before the first demand, each later
 * one from the end of the previous one to the cycle of the demand that filled the set. An address
 * already in the window or in the set being filled is a hit. At the end the words of the sets not
 * yet booked are added.
 *
 * <p>Cost: one pass over the demand addresses, {@code O(SRAM reads)}, an int per address.
 */
final class EstimateReadBuffer {
  private static final int ACTIVE_SETS = 50;
  private static final int PREFETCH_SETS = 50;
  private static final long DEFAULT_WORDS_PER_CYCLE = 10;

  private final long items;
  private long startCycle;
  private long stopCycle;
  private long words;

  EstimateReadBuffer(long sizeWords) {
    this.items = Math.max(1, sizeWords / 100);
  }

  /** Walks {@code stream}'s demand; {@code loop} gives each row's service cycle. */
  void walk(Shape s, OperandStream stream, int space, RowLoop loop) {
    int[] latest = new int[space];
    Arrays.fill(latest, -1);
    int[] buf = new int[Math.max(s.rows, s.cols)];
    long curId = 0;
    long curCount = 0;
    long rbStart = 0;
    long rbEnd = ACTIVE_SETS - 1;
    long pfStart = -1;
    boolean crossed = false;
    long lastS = -2;
    long lastE = -1;
    long firstCycle = Long.MIN_VALUE;
    boolean haveTrace = false;
    long traceFirst = 0;
    long traceLast = 0;
    long reads = 0;
    int first = stream.firstFoldRow();
    for (int q = 0; q < s.folds; q++) {
      long base = q * s.foldRows;
      int end = stream.endFoldRow(q);
      for (int j = first; j < end; j++) {
        int cnt = stream.row(q, j, buf);
        if (cnt == 0) {
          continue;
        }
        long row = base + j;
        if (firstCycle == Long.MIN_VALUE) {
          firstCycle = loop.cycleOf(row);
        }
        for (int i = 0; i < cnt; i++) {
          int a = buf[i];
          if (latest[a] >= rbStart) {
            continue;
          }
          latest[a] = (int) curId;
          if (++curCount < items) {
            continue;
          }
          curCount = 0;
          curId++;
          if (curId != rbEnd + 1) {
            continue;
          }
          if (!crossed) {
            lastE = firstCycle - 2;
            long cn = UserReadBuffer.ceilDiv(PREFETCH_SETS * items, DEFAULT_WORDS_PER_CYCLE);
            lastS = lastE - cn + 1;
            reads += ACTIVE_SETS * items;
            pfStart = rbEnd + 1;
            crossed = true;
          } else {
            reads += PREFETCH_SETS * items;
            pfStart += PREFETCH_SETS;
          }
          if (!haveTrace) {
            traceFirst = lastS + 1;
            haveTrace = true;
          }
          traceLast = lastE + 1;
          rbStart += PREFETCH_SETS;
          rbEnd += PREFETCH_SETS;
          lastS = lastE + 1;
          lastE = loop.cycleOf(row);
        }
      }
    }
    // complete_all_prefetches()
    long pending = curId * items + curCount;
    if (curCount == 0) {
      curId--;
    }
    if (!crossed) {
      lastE = -2;
      long cn = UserReadBuffer.ceilDiv((curId + 1) * items, DEFAULT_WORDS_PER_CYCLE);
      lastS = lastE - cn + 1;
      reads += pending;
    } else {
      reads += pending - pfStart * items;
    }
    if (!haveTrace) {
      traceFirst = lastS + 1;
    }
    traceLast = lastE + 1;
    startCycle = traceFirst;
    stopCycle = traceLast;
    words = reads;
  }

  long dramStartCycle() {
    return startCycle;
  }

  long dramStopCycle() {
    return stopCycle;
  }

  long dramWords() {
    return words;
  }
}
