package org.tessel.sim.memory.scalesim;

/**
 * How many ofmap words each demand row writes, in closed form. In a fold that uses {@code cu}
 * columns, column {@code c} writes in fold rows {@code [a + c, b + c)}: os {@code a = t - 1 + rows
 * - ru}, {@code b = t - 1 + rows} (the flipped {@code ru}-row block), ws/is {@code a = 2 rows - 1},
 * {@code b = a + t}. So the words written before fold row {@code j} are {@code sum_c clamp(j - a -
 * c, 0, b - a) = H(j - a) - H(j - a - cu)} with {@code H} the running sum of the clamp, and whole
 * folds add up in closed form too: {@link #before} is {@code O(1)} and {@link #firstReaching} a
 * binary search.
 */
final class OfmapRows {
  private final Shape s;

  OfmapRows(Shape s) {
    this.s = s;
  }

  private long width(int fr) {
    return s.flow == Flow.OS ? s.usedRows(fr) : s.t;
  }

  private long startRow(int fr) {
    return s.flow == Flow.OS ? (long) s.t - 1 + s.rows - s.usedRows(fr) : 2L * s.rows - 1;
  }

  /** {@code sum_{y <= x} clamp(y, 0, w)}. */
  private static long runningClamp(long x, long w) {
    if (x <= 0) {
      return 0;
    }
    if (x <= w) {
      return x * (x + 1) / 2;
    }
    return w * (w + 1) / 2 + (x - w) * w;
  }

  /** Words fold {@code q} writes in its rows before {@code j}. */
  private long inFold(int q, long j) {
    int fr = q % s.rowFolds;
    int fc = q / s.rowFolds;
    long w = width(fr);
    long x = j - startRow(fr);
    return runningClamp(x, w) - runningClamp(x - s.usedCols(fc), w);
  }

  /** Words written by all folds before fold {@code q}. */
  private long beforeFold(int q) {
    int fc = q / s.rowFolds;
    int fr = q % s.rowFolds;
    long colsBefore = Math.min((long) fc * s.cols, s.sc);
    long rowWeightAll;
    long rowWeightBefore;
    if (s.flow == Flow.OS) {
      rowWeightAll = s.sr;
      rowWeightBefore = Math.min((long) fr * s.rows, s.sr);
    } else {
      rowWeightAll = (long) s.rowFolds * s.t;
      rowWeightBefore = (long) fr * s.t;
    }
    long cu = fc < s.colFolds ? s.usedCols(fc) : 0;
    return colsBefore * rowWeightAll + cu * rowWeightBefore;
  }

  /** Words written by demand rows before global row {@code row} ({@code 0..demandRows}). */
  long before(long row) {
    int q = (int) (row / s.foldRows);
    long j = row % s.foldRows;
    if (q >= s.folds) {
      return beforeFold(s.folds);
    }
    return beforeFold(q) + inFold(q, j);
  }

  /** Words global row {@code row} writes. */
  long count(long row) {
    int q = (int) (row / s.foldRows);
    long j = row % s.foldRows;
    return inFold(q, j + 1) - inFold(q, j);
  }

  /** The first row that writes ofmap words. */
  long firstRow() {
    return startRow(0);
  }

  /** The last row that writes ofmap words. */
  long lastRow() {
    int q = s.folds - 1;
    int fr = q % s.rowFolds;
    int fc = q / s.rowFolds;
    return q * s.foldRows + startRow(fr) + width(fr) + s.usedCols(fc) - 2;
  }

  /**
   * The first row {@code r} in {@code [from, limit)} such that rows {@code from..r} write at least
   * {@code need} words, or {@code limit} when there is none.
   */
  long firstReaching(long from, long limit, long need) {
    long base = before(from);
    if (before(limit) - base < need) {
      return limit;
    }
    long lo = from;
    long hi = limit - 1; // answer in [lo, hi]
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (before(mid + 1) - base >= need) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
