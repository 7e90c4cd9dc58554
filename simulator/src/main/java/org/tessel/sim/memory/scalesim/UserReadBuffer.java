package org.tessel.sim.memory.scalesim;

import static org.tessel.sim.util.IntMath.ceilDiv;

/**
 * SCALE-Sim's {@code read_buffer.py} (USER bandwidth), as a timing model.
 *
 * <p>The buffer holds a cyclic window of {@code A} lines of the prefetch order ({@link
 * PrefetchLines}), initially lines {@code [0, A)}, fetched before cycle 0: {@code k0 = min(ceil(
 * active / bw), ceil(prefetch matrix / bw))} DRAM rows ending at cycle -1. A demanded address that
 * no line of the window holds makes the window slide by {@code P} lines (cyclically, around the
 * whole order) and costs one prefetch of {@code ceil(prefetch / bw)} DRAM rows issued back to back
 * after the previous one; it slides until a line holds the address. The missed address itself is
 * never fetched, so a demand stepping back across a window boundary pays a full rotation. When the
 * row that triggered prefetches is serviced depends on the version ({@link
 * ScaleSimVersion#readAnswer}); the walk records the last completion and the count.
 *
 * <p>Which rows prefetch, and when the prefetches complete, depend only on the address sequence,
 * not on the cycles the rows are serviced at; so the walk runs before the row loop and returns
 * {@link ReadEvents}.
 *
 * <p>The window is a range of prefetch-matrix cells ({@link PrefetchLines}) and every demanded
 * entry is a cell of that matrix, so an entry whose own cell lies in the window hits; a fold or a
 * demand row whose cells all lie in it is passed over with two comparisons. Only an entry outside
 * the window looks further: first at the entry with its address at the pixel shift that gave the
 * last such hit (the window trails or leads the demand by a steady amount), then at all entries
 * with its address (found by arithmetic, at most {@code kernelH * kernelW} for the ifmap, none for
 * the filter), and slides the window until one of them is inside. Cost: {@code O(folds + demand
 * rows not inside the window + entries outside it * kernelH * kernelW + slides)}, nothing per
 * address.
 */
final class UserReadBuffer {
  private final long activeWords;
  private final long prefetchWords;
  private final int bandwidthWordsPerCycle;
  private final long wordsPerLine;
  private long dramStartCycle;
  private long lastPrefetchCycle;
  private long dramWords;
  // walk state (the stream, its lines and the window are the walk's own)
  private int n;
  private int a;
  private int p;
  private int ws;
  private long step;
  private long last;
  private long prefetches;
  private int[] occA = {};
  private int[] occB = {};
  private long[] occCell = {};
  private int[] occI = {};
  private int[] occJ = {};

  /** Whether another entry gave a hit yet, at pixel shift {@code (shiftI, shiftJ)}. */
  private boolean shifted;

  private int shiftI;
  private int shiftJ;

  /** What that shift adds to the arguments {@code (a, b)} of an entry. */
  private int shiftA;

  private int shiftB;

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
    n = lines.lineCount;
    a = (int) Math.min(ceilDiv(activeWords, wordsPerLine), n);
    p = (int) Math.min(ceilDiv(prefetchWords, wordsPerLine), n - a);
    long pfRows = ceilDiv(prefetchWords, bw);
    step = pfRows + 1;
    long k0 = Math.min(ceilDiv(activeWords, bw), ceilDiv(stream.prefetchMatrixSize(), bw));
    dramStartCycle = -k0;
    last = -1;
    prefetches = 0;
    ws = 0;
    Window w = new Window(lines);
    w.set(0, a);
    int cap = stream.maxEntriesPerAddress();
    occA = new int[cap];
    occB = new int[cap];
    occCell = new long[cap];
    occI = new int[cap];
    occJ = new int[cap];
    shifted = false;
    ReadEvents events = new ReadEvents(step);
    int rows = s.rows;
    int cols = s.cols;
    int t = s.t;
    int nc = stream.laneMax;
    for (int q = 0; q < s.folds; q++) {
      long base = q * s.foldRows;
      int fr = q % s.rowFolds;
      int fc = q / s.rowFolds;
      if (stream.skewed) {
        int lf = stream.laneFold(q);
        int used = stream.usedLanes(q);
        long d0 = (long) lf * t;
        if (w.holds(lines.diagOrigin(d0), lines.diagOrigin(d0 + t + used - 2) + used - 1)) {
          continue; // no entry of this fold can miss
        }
        int laneBase = lf * stream.laneMax;
        int off = stream.off;
        int end = off + t + used - 1;
        for (int j = off; j < end; j++) {
          int u0 = j - off;
          int lo = Math.max(0, u0 - t + 1);
          int hi = Math.min(used - 1, u0);
          long origin = lines.diagOrigin(d0 + u0);
          if (w.holds(origin + lo, origin + hi)) {
            continue;
          }
          long before = prefetches;
          // the entries at the last hit's shift lie on one anti-diagonal per lane fold
          int shiftLanes0 = 0;
          int shiftLanes1 = 0;
          long shiftOrigin = 0;
          for (int x = lo; x <= hi; x++) {
            int ea = laneBase + x;
            int eb = u0 - x;
            if (w.contains(origin + x) || !stream.valid(ea, eb)) {
              continue;
            }
            if (shifted && stream.hasShifted(ea, eb, shiftI, shiftJ)) {
              int a2 = ea + shiftA;
              if (a2 < shiftLanes0 || a2 >= shiftLanes1) {
                int lf2 = a2 / nc;
                shiftLanes0 = lf2 * nc;
                shiftLanes1 = shiftLanes0 + nc;
                shiftOrigin =
                    lines.diagOrigin((long) lf2 * (t - nc) + laneBase + u0 + shiftA + shiftB);
              }
              if (w.contains(shiftOrigin + a2 - shiftLanes0)) {
                continue;
              }
            }
            demand(stream, lines, w, ea, eb);
            shiftLanes1 = 0; // the shift may have changed
          }
          if (prefetches > before) {
            events.add(base + j, last, prefetches - before);
          }
        }
      } else {
        int ru = s.usedRows(fr);
        int cu = s.usedCols(fc);
        long rowCell = ((long) fc * s.sr + (long) fr * rows) * cols;
        if (w.holds(rowCell, rowCell + (long) (ru - 1) * cols + cu - 1)) {
          continue;
        }
        int colBase = fc * cols;
        for (int j = rows - ru; j < rows; j++) {
          int k = fr * rows + rows - 1 - j;
          long origin = ((long) fc * s.sr + k) * cols;
          if (w.holds(origin, origin + cu - 1)) {
            continue;
          }
          long before = prefetches;
          for (int c = 0; c < cu; c++) {
            if (w.contains(origin + c) || !stream.valid(k, colBase + c)) {
              continue;
            }
            if (shifted
                && stream.hasShifted(k, colBase + c, shiftI, shiftJ)
                && w.contains(lines.cell(k + shiftA, colBase + c + shiftB))) {
              continue;
            }
            demand(stream, lines, w, k, colBase + c);
          }
          if (prefetches > before) {
            events.add(base + j, last, prefetches - before);
          }
        }
      }
    }
    lastPrefetchCycle = last;
    dramWords = k0 * bw + prefetches * pfRows * bw;
    return events;
  }

  /**
   * Demands entry {@code at(ea, eb)}, whose own cell is outside the window: a hit when another
   * entry with its address lies in the window, else the window slides until one does (each slide
   * counted in {@code prefetches}).
   */
  private void demand(OperandStream stream, PrefetchLines lines, Window w, int ea, int eb) {
    int cnt = stream.entriesLike(ea, eb, occA, occB, occI, occJ);
    for (int i = 0; i < cnt; i++) {
      long c = lines.cell(occA[i], occB[i]);
      if (w.contains(c)) {
        setShift(stream, occI[i], occJ[i]);
        return;
      }
      occCell[i] = c;
    }
    int slides = 0;
    do {
      if (p == 0 || ++slides > n + 1) {
        throw new IllegalStateException(
            "SCALE-Sim read buffer: address "
                + stream.at(ea, eb)
                + " never enters the window ("
                + n
                + " lines, window "
                + a
                + ", slide "
                + p
                + ")");
      }
      ws = (ws + p) % n;
      w.set(ws, (ws + a) % n);
      last += step;
      prefetches++;
    } while (!w.containsAny(occCell, cnt));
  }

  /**
   * Remembers the pixel shift of the entry that gave a hit: the window trails or leads the demand
   * by a steady amount, so mostly the entry at that shift is the one inside next time too.
   */
  private void setShift(OperandStream stream, int i, int j) {
    shifted = true;
    shiftI = i;
    shiftJ = j;
    shiftA = stream.shiftOfA(i, j);
    shiftB = stream.shiftOfB(i, j);
  }

  /**
   * The cells of the lines in the cyclic window {@code [ws, we)}: {@code [lo1, hi1) U [0, hi2)}
   * (when {@code ws >= we} the window is {@code [ws, lineCount) U [0, we)}; otherwise the second
   * part is empty).
   */
  private static final class Window {
    private final PrefetchLines lines;
    private long lo1;
    private long hi1;
    private long hi2;

    Window(PrefetchLines lines) {
      this.lines = lines;
    }

    void set(int ws, int we) {
      lo1 = lines.start(ws);
      if (ws < we) {
        hi1 = lines.start(we);
        hi2 = 0;
      } else {
        hi1 = lines.size;
        hi2 = lines.start(we);
      }
    }

    boolean contains(long cell) {
      return (cell >= lo1 && cell < hi1) || cell < hi2;
    }

    /** Whether all cells {@code lo..hi} lie in the window. */
    boolean holds(long lo, long hi) {
      return (lo >= lo1 && hi < hi1) || hi < hi2;
    }

    boolean containsAny(long[] cells, int n) {
      for (int i = 0; i < n; i++) {
        if (contains(cells[i])) {
          return true;
        }
      }
      return false;
    }
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
}
