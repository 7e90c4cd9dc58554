package org.tessel.sim.memory.scalesim;

/**
 * SCALE-Sim's {@code read_buffer.py} (USER bandwidth), as a timing model.
 *
 * <p>The buffer holds a cyclic window of {@code A} lines of the prefetch order ({@link
 * PrefetchLines}), initially lines {@code [0, A)}, fetched before cycle 0: {@code k0 = min(ceil(
 * active / bw), ceil(prefetch matrix / bw))} DRAM rows ending at cycle -1. A demanded address that
 * no line of the window holds makes the window slide by {@code P} lines (cyclically, around the
 * whole order) and costs one prefetch of {@code ceil(prefetch / bw)} DRAM rows issued back to back
 * after the previous one; it slides until a line holds the address. The missed address itself is
 * never fetched, so a demand stepping back across a window boundary pays a full rotation. The
 * row that triggered prefetches is serviced when the last of them completes.
 *
 * <p>Which rows prefetch, and when the prefetches complete, depend only on the address sequence,
 * not on the cycles the rows are serviced at; so the walk runs before the row loop and returns
 * {@link ReadEvents}. Cost: {@code O(SRAM reads * log(lines per address) + prefetches)}.
 */
final class UserReadBuffer {
  private final long activeWords;
  private final long prefetchWords;
  private final int bandwidthWordsPerCycle;
  private final long wordsPerLine;
  private long dramStartCycle;
  private long lastPrefetchCycle;
  private long dramWords;

  UserReadBuffer(long sizeWords, int bandwidthWordsPerCycle) {
    this.activeWords = (sizeWords + 1) / 2;
    this.prefetchWords = sizeWords - activeWords;
    this.bandwidthWordsPerCycle = bandwidthWordsPerCycle;
    this.wordsPerLine = ceilDiv(sizeWords, 100);
  }

  /** Entries per line: {@code ceil(size / 100)}. */
  long wordsPerLine() {
    return wordsPerLine;
  }

  /**
   * Walks {@code stream}'s demand rows against {@code lines} and returns the rows that prefetched.
   *
   * @throws IllegalStateException when the window cannot slide but misses (SRAM of one word)
   */
  ReadEvents walk(Shape s, OperandStream stream, PrefetchLines lines) {
    int bw = bandwidthWordsPerCycle;
    int n = lines.lineCount;
    int a = (int) Math.min(ceilDiv(activeWords, wordsPerLine), n);
    int p = (int) Math.min(ceilDiv(prefetchWords, wordsPerLine), n - a);
    long pfRows = ceilDiv(prefetchWords, bw);
    long step = pfRows + 1;
    long k0 = Math.min(ceilDiv(activeWords, bw), ceilDiv(stream.prefetchMatrixSize(), bw));
    dramStartCycle = -k0;
    long last = -1;
    long prefetches = 0;
    int ws = 0;
    int we = a;
    ReadEvents events = new ReadEvents();
    int[] buf = new int[Math.max(s.rows, s.cols)];
    int first = stream.firstFoldRow();
    for (int q = 0; q < s.folds; q++) {
      long base = q * s.foldRows;
      int end = stream.endFoldRow(q);
      for (int j = first; j < end; j++) {
        int cnt = stream.row(q, j, buf);
        boolean prefetched = false;
        for (int i = 0; i < cnt; i++) {
          int addr = buf[i];
          int slides = 0;
          while (!lines.inWindow(addr, ws, we)) {
            if (p == 0 || ++slides > n + 1) {
              throw new IllegalStateException("SCALE-Sim read buffer: address " + addr
                  + " never enters the window (" + n + " lines, window " + a + ", slide " + p
                  + ")");
            }
            ws = (ws + p) % n;
            we = (ws + a) % n;
            last += step;
            prefetches++;
            prefetched = true;
          }
        }
        if (prefetched) {
          events.add(base + j, last);
        }
      }
    }
    lastPrefetchCycle = last;
    dramWords = k0 * bw + prefetches * pfRows * bw;
    return events;
  }

  /** DRAM start cycle (first row of the initial fill), valid after {@link #walk}. */
  long dramStartCycle() {
    return dramStartCycle;
  }

  /** DRAM stop cycle (the last prefetch's completion), valid after {@link #walk}. */
  long dramStopCycle() {
    return lastPrefetchCycle;
  }

  /** DRAM words read, valid after {@link #walk}. */
  long dramWords() {
    return dramWords;
  }

  static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
