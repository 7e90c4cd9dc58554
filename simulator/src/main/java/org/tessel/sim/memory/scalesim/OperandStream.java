package org.tessel.sim.memory.scalesim;

import java.util.function.IntConsumer;

/**
 * What one operand (ifmap or filter) asks of its SRAM, demand row by demand row, and the order in
 * which SCALE-Sim's read buffer prefetches it; no matrix is built.
 *
 * <p>Two shapes of demand (see {@code systolic_compute_{os,ws,is}.py}):
 *
 * <ul>
 *   <li><em>skewed stream</em> (os ifmap and filter, ws ifmap, is filter): lane {@code x} of the
 *       array edge (a row, or for the os filter a column) receives element {@code u = j - x - off}
 *       of its operand vector in fold row {@code j}, {@code off = rows} for ws/is (the stationary
 *       operand is loaded first). Prefetch order: the {@code (laneFolds * t) x laneMax} matrix
 *       {@code P[lf * t + u][x] = at(lf * laneMax + x, u)} read by anti-diagonals, bottom row first
 *       (SCALE-Sim's skew of its prefetch matrix).
 *   <li><em>stationary load</em> (ws filter, is ifmap): fold rows {@code j < rows} load array row
 *       {@code rows - 1 - j}, columns in order. Prefetch order: the {@code (colFolds * sr) x cols}
 *       matrix {@code P[fc * sr + k][c] = at(k, fc * cols + c)} row by row.
 * </ul>
 *
 * <p>Columns past the operand's extent are {@code -1} in the prefetch matrix (they still count in
 * its size); im2col holes are {@code -1} everywhere and are dropped from demand rows.
 *
 * <p>Addresses: {@code at(a, b) = aBase[a] + bBase[b]} unless the entry is a hole. One of the two
 * arguments indexes the window (the {@code k} of {@code I[p][k]} or {@code F[k][f]}), whose base
 * runs up by one along each channel run; {@link #kOnA} says which. For the ifmap the other one is
 * the pixel, and only non-{@link Operands#interior} pixels have holes.
 */
final class OperandStream {
  final Shape s;
  final Operands ops;
  final boolean ifmapOperand;
  final boolean skewed;

  /** Skewed streams: lanes are array rows (else columns). */
  final boolean laneIsRow;

  final int laneMax;
  final int laneExtent;
  final int laneFolds;

  /** Fold row at which the skewed stream's element 0 enters lane 0. */
  final int off;

  final int[] aBase;
  final int[] bBase;

  /** The first argument of {@link #at} is the window offset {@code k} (else the second is). */
  final boolean kOnA;

  /** Some entry is a hole (ifmap only). */
  final boolean holes;

  /** For the ifmap: the first argument of {@link #at} is the pixel (else the second is). */
  final boolean aIsPixel;

  private OperandStream(
      Shape s,
      Operands ops,
      boolean ifmapOperand,
      boolean swap,
      boolean skewed,
      boolean laneIsRow) {
    this.s = s;
    this.ops = ops;
    this.ifmapOperand = ifmapOperand;
    this.skewed = skewed;
    this.laneIsRow = laneIsRow;
    this.laneMax = laneIsRow ? s.rows : s.cols;
    this.laneExtent = laneIsRow ? s.sr : s.sc;
    this.laneFolds = laneIsRow ? s.rowFolds : s.colFolds;
    this.off = s.flow == Flow.OS ? 0 : s.rows;
    // at(a, b) is I[x][y] or F[x][y] with (x, y) = swap ? (b, a) : (a, b)
    if (ifmapOperand) {
      // I[p][k]: p first
      this.aIsPixel = !swap;
      this.kOnA = swap;
      this.aBase = swap ? ops.offset : ops.pixelBase;
      this.bBase = swap ? ops.pixelBase : ops.offset;
      this.holes = ops.holes;
    } else {
      // F[k][f] = f * window + k: k first
      int[] kBase = new int[ops.window];
      for (int k = 0; k < kBase.length; k++) {
        kBase[k] = k;
      }
      int[] fBase = new int[ops.filters];
      for (int f = 0; f < fBase.length; f++) {
        fBase[f] = f * ops.window;
      }
      this.aIsPixel = false;
      this.kOnA = !swap;
      this.aBase = swap ? fBase : kBase;
      this.bBase = swap ? kBase : fBase;
      this.holes = false;
    }
  }

  /** The ifmap's stream under the shape's dataflow. */
  static OperandStream ifmap(Shape s, Operands ops) {
    return switch (s.flow) {
      case OS -> new OperandStream(s, ops, true, false, true, true); // I[p = lane][k = u]
      case WS -> new OperandStream(s, ops, true, true, true, true); // I[p = u][k = lane]
      case IS -> new OperandStream(s, ops, true, true, false, false); // I[p = col][k = row]
    };
  }

  /** The filter's stream under the shape's dataflow. */
  static OperandStream filter(Shape s, Operands ops) {
    return switch (s.flow) {
      case OS -> new OperandStream(s, ops, false, true, true, false); // F[k = u][f = lane]
      case WS -> new OperandStream(s, ops, false, false, false, false); // F[k = row][f = col]
      case IS -> new OperandStream(s, ops, false, false, true, true); // F[k = lane][f = u]
    };
  }

  /** True when {@code at(a, b)} is an address (not a hole). */
  boolean valid(int a, int b) {
    return !holes || (aIsPixel ? ops.inside(a, b) : ops.inside(b, a));
  }

  /** Operand address at (lane or stationary row, time step or column), or -1. */
  int at(int a, int b) {
    return valid(a, b) ? aBase[a] + bBase[b] : -1;
  }

  /**
   * Writes the arguments {@code (a, b)} of every entry of {@link #at} that holds the same address
   * as {@code at(a0, b0)} (a valid entry), itself included, into {@code as, bs}, with their pixel
   * shifts ({@link Operands#entriesLike}) in {@code is, js}; returns how many. The arrays must hold
   * {@link #maxEntriesPerAddress()}.
   */
  int entriesLike(int a0, int b0, int[] as, int[] bs, int[] is, int[] js) {
    if (!ifmapOperand) {
      as[0] = a0;
      bs[0] = b0;
      is[0] = 0;
      js[0] = 0;
      return 1; // every filter address is one entry of F
    }
    return aIsPixel
        ? ops.entriesLike(a0, b0, as, bs, is, js)
        : ops.entriesLike(b0, a0, bs, as, is, js);
  }

  /** Whether the entry at pixel shift {@code (i, j)} from {@code at(a0, b0)} exists. */
  boolean hasShifted(int a0, int b0, int i, int j) {
    return ifmapOperand && (aIsPixel ? ops.hasShifted(a0, b0, i, j) : ops.hasShifted(b0, a0, i, j));
  }

  /** What pixel shift {@code (i, j)} adds to the first argument of an ifmap entry. */
  int shiftOfA(int i, int j) {
    return aIsPixel ? ops.pixelOffset(i, j) : ops.windowOffset(i, j);
  }

  /** What pixel shift {@code (i, j)} adds to the second argument of an ifmap entry. */
  int shiftOfB(int i, int j) {
    return aIsPixel ? ops.windowOffset(i, j) : ops.pixelOffset(i, j);
  }

  /** Capacity {@link #entriesLike} needs. */
  int maxEntriesPerAddress() {
    return ifmapOperand ? ops.maxEntriesPerAddress() : 1;
  }

  /** The pattern of fold {@code q}: folds with equal patterns demand equal address rows. */
  int patternOf(int q) {
    if (!skewed) {
      return q;
    }
    return laneIsRow ? q % s.rowFolds : q / s.rowFolds;
  }

  /** Number of distinct fold patterns. */
  int patterns() {
    if (!skewed) {
      return s.folds;
    }
    return laneIsRow ? s.rowFolds : s.colFolds;
  }

  /** Lanes used in fold {@code q} of a skewed stream. */
  int usedLanes(int q) {
    return laneIsRow ? s.usedRows(q % s.rowFolds) : s.usedCols(q / s.rowFolds);
  }

  /** Lane fold of fold {@code q} of a skewed stream. */
  int laneFold(int q) {
    return laneIsRow ? q % s.rowFolds : q / s.rowFolds;
  }

  /** Entries fold {@code q} demands, holes included. */
  long entriesOfFold(int q) {
    if (skewed) {
      return (long) usedLanes(q) * s.t;
    }
    return (long) s.usedRows(q % s.rowFolds) * s.usedCols(q / s.rowFolds);
  }

  /**
   * For the filter: the fewest reads from one read of an address to its next read (all addresses of
   * a fold are distinct, and a filter address comes back only when its whole fold pattern does), so
   * every read is a first read in any window of fewer reads; {@code -1} for the ifmap, whose
   * addresses repeat within a fold.
   */
  long filterReuseDistance(int q) {
    if (ifmapOperand) {
      return -1;
    }
    if (!skewed) {
      return Long.MAX_VALUE; // ws: every filter entry is loaded once
    }
    if (laneIsRow) {
      return (long) s.sr * s.t; // is: one pass over all row folds per column fold
    }
    return (long) s.usedCols(q / s.rowFolds) * s.t; // os: the fold repeats back to back
  }

  /** First fold row that can demand this operand. */
  int firstFoldRow() {
    return skewed ? off : 0;
  }

  /** One past the last fold row of fold {@code q} that can demand this operand. */
  int endFoldRow(int q) {
    if (!skewed) {
      return s.rows;
    }
    return off + s.t + usedLanes(q) - 1;
  }

  /**
   * Writes the addresses of fold {@code q}'s row {@code j} into {@code out}, in column order, holes
   * dropped, and returns how many there are. {@code out} must hold {@code max(rows, cols)}.
   */
  int row(int q, int j, int[] out) {
    int fr = q % s.rowFolds;
    int fc = q / s.rowFolds;
    int n = 0;
    if (skewed) {
      int u0 = j - off;
      if (u0 < 0) {
        return 0;
      }
      int used = laneIsRow ? s.usedRows(fr) : s.usedCols(fc);
      int lo = Math.max(0, u0 - s.t + 1);
      int hi = Math.min(used - 1, u0);
      // lane x gets element u0 - x: a runs up as b runs down
      int a = (laneIsRow ? fr : fc) * laneMax + lo;
      int b = u0 - lo;
      for (int x = lo; x <= hi; x++, a++, b--) {
        if (!holes || valid(a, b)) {
          out[n++] = aBase[a] + bBase[b];
        }
      }
      return n;
    }
    if (j >= s.rows) {
      return 0;
    }
    int rr = s.rows - 1 - j;
    if (rr >= s.usedRows(fr)) {
      return 0;
    }
    int k = fr * s.rows + rr;
    int cu = s.usedCols(fc);
    int base = fc * s.cols;
    for (int c = 0; c < cu; c++) {
      if (!holes || valid(k, base + c)) {
        out[n++] = aBase[k] + bBase[base + c];
      }
    }
    return n;
  }

  /**
   * The first global demand row with at least one address (scans rows until one has), or -1 when
   * there is none (an input that is all padding).
   */
  long firstRow() {
    int[] buf = new int[Math.max(s.rows, s.cols)];
    for (int q = 0; q < s.folds; q++) {
      int end = endFoldRow(q);
      for (int j = firstFoldRow(); j < end; j++) {
        if (row(q, j, buf) > 0) {
          return q * s.foldRows + j;
        }
      }
    }
    return -1;
  }

  /** The last global demand row with at least one address (scans back), or -1 for none. */
  long lastRow() {
    int[] buf = new int[Math.max(s.rows, s.cols)];
    for (int q = s.folds - 1; q >= 0; q--) {
      for (int j = endFoldRow(q) - 1; j >= firstFoldRow(); j--) {
        if (row(q, j, buf) > 0) {
          return q * s.foldRows + j;
        }
      }
    }
    return -1;
  }

  /** Entries of the prefetch matrix, holes and padding columns included. */
  long prefetchMatrixSize() {
    return skewed ? (long) laneFolds * s.t * laneMax : (long) s.colFolds * s.sr * s.cols;
  }

  /**
   * Feeds the prefetch order's valid addresses to {@code sink}, in order; a hole or padding column
   * is skipped. (The literal order, one entry at a time; the read buffers use {@link PrefetchLines}
   * instead.)
   */
  void prefetchOrder(IntConsumer sink) {
    if (!skewed) {
      for (int fc = 0; fc < s.colFolds; fc++) {
        int base = fc * s.cols;
        int cu = s.usedCols(fc);
        for (int k = 0; k < s.sr; k++) {
          for (int c = 0; c < cu; c++) {
            int a = at(k, base + c);
            if (a >= 0) {
              sink.accept(a);
            }
          }
        }
      }
      return;
    }
    long m = (long) laneFolds * s.t;
    int nc = laneMax;
    int t = s.t;
    for (long d = 0; d < m + nc - 1; d++) {
      long rowHi = Math.min(d, m - 1);
      long rowLo = Math.max(0, d - nc + 1);
      int lf = (int) (rowHi / t);
      int u = (int) (rowHi % t);
      int x = (int) (d - rowHi);
      for (long r = rowHi; r >= rowLo; r--) {
        int lane = lf * nc + x;
        if (lane < laneExtent) {
          int a = at(lane, u);
          if (a >= 0) {
            sink.accept(a);
          }
        }
        x++;
        if (--u < 0) {
          u = t - 1;
          lf--;
        }
      }
    }
  }
}
