package org.tessel.sim.memory.scalesim;

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
 *       {@code P[lf * t + u][x] = at(lf * laneMax + x, u)} read by anti-diagonals, bottom row
 *       first (SCALE-Sim's skew of its prefetch matrix).
 *   <li><em>stationary load</em> (ws filter, is ifmap): fold rows {@code j < rows} load array row
 *       {@code rows - 1 - j}, columns in order. Prefetch order: the {@code (colFolds * sr) x cols}
 *       matrix {@code P[fc * sr + k][c] = at(k, fc * cols + c)} row by row.
 * </ul>
 *
 * <p>Columns past the operand's extent are {@code -1} in the prefetch matrix (they still count in
 * its size); im2col holes are {@code -1} everywhere and are dropped from demand rows.
 */
final class OperandStream {
  private final Shape s;
  private final Operands ops;
  private final boolean ifmapOperand;
  /** Arguments of {@link #at} are (second, first) of the operand matrix. */
  private final boolean swap;
  private final boolean skewed;
  /** Skewed streams: lanes are array rows (else columns). */
  private final boolean laneIsRow;
  private final int laneMax;
  private final int laneExtent;
  private final int laneFolds;
  /** Fold row at which the skewed stream's element 0 enters lane 0. */
  private final int off;

  private OperandStream(Shape s, Operands ops, boolean ifmapOperand, boolean swap,
      boolean skewed, boolean laneIsRow) {
    this.s = s;
    this.ops = ops;
    this.ifmapOperand = ifmapOperand;
    this.swap = swap;
    this.skewed = skewed;
    this.laneIsRow = laneIsRow;
    this.laneMax = laneIsRow ? s.rows : s.cols;
    this.laneExtent = laneIsRow ? s.sr : s.sc;
    this.laneFolds = laneIsRow ? s.rowFolds : s.colFolds;
    this.off = s.flow == Flow.OS ? 0 : s.rows;
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

  /** Operand address at (lane or stationary row, time step or column), or -1. */
  private int at(int a, int b) {
    int x = swap ? b : a;
    int y = swap ? a : b;
    return ifmapOperand ? ops.ifmap(x, y) : ops.filter(x, y);
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
    int used = laneIsRow ? s.usedRows(q % s.rowFolds) : s.usedCols(q / s.rowFolds);
    return off + s.t + used - 1;
  }

  /**
   * Writes the addresses of fold {@code q}'s row {@code j} into {@code out}, in column order,
   * holes dropped, and returns how many there are. {@code out} must hold {@code max(rows, cols)}.
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
      int lf = laneIsRow ? fr : fc;
      int used = laneIsRow ? s.usedRows(fr) : s.usedCols(fc);
      int lo = Math.max(0, u0 - s.t + 1);
      int hi = Math.min(used - 1, u0);
      int base = lf * laneMax;
      for (int x = lo; x <= hi; x++) {
        int a = at(base + x, u0 - x);
        if (a >= 0) {
          out[n++] = a;
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
      int a = at(k, base + c);
      if (a >= 0) {
        out[n++] = a;
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
   * Feeds the prefetch order's valid addresses to {@code sink}, in order; a hole or padding
   * column is skipped.
   */
  void prefetchOrder(PrefetchLines.Builder sink) {
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
