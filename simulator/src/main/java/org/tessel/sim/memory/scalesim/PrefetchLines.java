package org.tessel.sim.memory.scalesim;

/**
 * SCALE-Sim's USER read buffer cuts the valid entries of an operand's prefetch order into
 * <em>lines</em> of {@code wordsPerLine} entries (repeats count towards the length; a line is a set
 * of addresses) and there is always a final, possibly empty, line. This index keeps the lines as
 * ranges of <em>cells</em>: the prefetch matrix's entries numbered in prefetch order, holes and
 * padding columns included ({@code 0 .. size}). Line {@code l} is the cells {@code [start(l),
 * start(l + 1))}, so a window of lines is one or two cell ranges, and whether an entry of the
 * matrix lies in the window is two comparisons of its cell number.
 *
 * <p>Cell numbers: for a skewed stream the matrix {@code P} ({@code m = laneFolds * t} rows, {@code
 * laneMax} columns) is read by anti-diagonals {@code d = r + x}, row {@code min(d, m - 1)} first,
 * so entry {@code (r, x)} is cell {@code diagBase[d] + min(d, m - 1) - r}: along a demand row (one
 * anti-diagonal, lanes ascending) cells run up by one. For a stationary load, entry {@code (fc * sr
 * + k, c)} is cell {@code (fc * sr + k) * cols + c}.
 *
 * <p>Built without visiting the matrix: valid entries per anti-diagonal (or matrix row) are the
 * length minus the padding lanes and the im2col holes (both added up as ranges), and only the
 * anti-diagonals where a line starts are scanned. Cost {@code O(anti-diagonals + holes runs + lines
 * * laneMax)}; memory a long per anti-diagonal and per line.
 */
final class PrefetchLines {
  /** Number of lines. */
  final int lineCount;

  /** Number of cells (the prefetch matrix's size). */
  final long size;

  private final long[] lineStart;
  private final OperandStream st;
  private final Shape s;

  /** Skewed: rows of P. */
  private final long m;

  /** Skewed: columns of P (lanes). */
  private final int nc;

  /** Skewed: cell of the first entry of each anti-diagonal ({@code m + nc} entries). */
  private final long[] diagBase;

  /**
   * Skewed: lane fold and column of each lane; stationary: column fold and column of each operand
   * column. Built on first use.
   */
  private int[] foldOf = {};

  private int[] posOf = {};

  private PrefetchLines(OperandStream st, long wordsPerLine) {
    this.st = st;
    this.s = st.s;
    this.size = st.prefetchMatrixSize();
    int[] valid;
    if (st.skewed) {
      m = (long) st.laneFolds * s.t;
      nc = st.laneMax;
      long diagonals = m + nc - 1;
      if (diagonals + 1 > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "SCALE-Sim memory model: prefetch matrix with "
                + diagonals
                + " anti-diagonals (limit 2^31)");
      }
      int nd = (int) diagonals;
      diagBase = new long[nd + 1];
      for (int d = 0; d < nd; d++) {
        diagBase[d + 1] = diagBase[d] + diagonalLength(d);
      }
      valid = skewedValidCounts(nd);
    } else {
      m = 0;
      nc = s.cols;
      diagBase = new long[0]; // skewed streams only
      long rowsOfP = (long) s.colFolds * s.sr;
      if (rowsOfP + 1 > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "SCALE-Sim memory model: prefetch matrix with " + rowsOfP + " rows (limit 2^31)");
      }
      valid = stationaryValidCounts((int) rowsOfP);
    }
    long total = 0;
    for (int v : valid) {
      total += v;
    }
    long lines = total / wordsPerLine + 1;
    if (lines > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "SCALE-Sim memory model: " + lines + " prefetch lines (limit 2^31)");
    }
    lineCount = (int) lines;
    lineStart = new long[lineCount + 1];
    lineStart[lineCount] = size;
    // line l starts at valid entry l * wordsPerLine
    int l = 1;
    long next = wordsPerLine;
    long before = 0;
    for (int seg = 0; seg < valid.length && l < lineCount; seg++) {
      long after = before + valid[seg];
      if (next < after) {
        int seen = 0;
        int len = segmentLength(seg);
        for (int i = 0; i < len && next < after; i++) {
          if (segmentCellValid(seg, i)) {
            if (before + seen == next) {
              lineStart[l++] = segmentStart(seg) + i;
              next += wordsPerLine;
            }
            seen++;
          }
        }
      }
      before = after;
    }
    while (l < lineCount) {
      lineStart[l++] = size; // the final line, empty when the order fills its lines exactly
    }
  }

  /** The lines of {@code stream}'s prefetch order. */
  static PrefetchLines build(OperandStream stream, long wordsPerLine) {
    return new PrefetchLines(stream, wordsPerLine);
  }

  /** First cell of line {@code l} ({@code l <= lineCount}; {@code start(lineCount) = size}). */
  long start(int l) {
    return lineStart[l];
  }

  /** Cell of entry {@code at(a, b)} of the stream. */
  long cell(int a, int b) {
    if (foldOf.length == 0) {
      // the lane (skewed) or column (stationary) folds, looked up instead of divided
      int len = st.skewed ? st.laneExtent : s.sc;
      int per = st.skewed ? nc : s.cols;
      foldOf = new int[len];
      posOf = new int[len];
      for (int i = 0; i < len; i++) {
        foldOf[i] = i / per;
        posOf[i] = i - foldOf[i] * per;
      }
    }
    if (st.skewed) {
      int x = posOf[a];
      long d = (long) foldOf[a] * s.t + b + x;
      return diagBase[(int) d] + Math.min(d, m - 1) - d + x;
    }
    return ((long) foldOf[b] * s.sr + a) * s.cols + posOf[b];
  }

  /**
   * Skewed streams: the cell of anti-diagonal {@code d}'s entry in column {@code x} is {@code
   * diagOrigin(d) + x}.
   */
  long diagOrigin(long d) {
    return diagBase[(int) d] + Math.min(d, m - 1) - d;
  }

  private int diagonalLength(long d) {
    return (int) (Math.min(d, m - 1) - Math.max(0, d - nc + 1) + 1);
  }

  private int segmentLength(int seg) {
    return st.skewed ? diagonalLength(seg) : nc;
  }

  private long segmentStart(int seg) {
    return st.skewed ? diagBase[seg] : (long) seg * nc;
  }

  /** Whether the {@code i}-th cell of anti-diagonal (or matrix row) {@code seg} is an entry. */
  private boolean segmentCellValid(int seg, int i) {
    if (st.skewed) {
      long r = Math.min(seg, m - 1) - i;
      int x = (int) (seg - r);
      int lf = (int) (r / s.t);
      int u = (int) (r - (long) lf * s.t);
      int lane = lf * nc + x;
      return lane < st.laneExtent && st.valid(lane, u);
    }
    int fc = seg / s.sr;
    int k = seg - fc * s.sr;
    return i < s.usedCols(fc) && st.valid(k, fc * s.cols + i);
  }

  /** Valid entries per anti-diagonal: length minus padding lanes minus holes. */
  private int[] skewedValidCounts(int nd) {
    int[] diff = new int[nd + 1];
    int t = s.t;
    int lfLast = st.laneFolds - 1;
    for (int x = st.laneExtent - lfLast * nc; x < nc; x++) {
      long d0 = (long) lfLast * t + x;
      diff[(int) d0]++;
      diff[(int) (d0 + t)]--;
    }
    if (st.holes) {
      if (st.aIsPixel) {
        // lane = pixel, u = k: a run of k is a run of anti-diagonals
        st.ops.forEachHoleRun(
            (p, k0, k1) -> {
              int lf = p / nc;
              long d0 = (long) lf * t + (p - lf * nc) + k0;
              diff[(int) d0]++;
              diff[(int) (d0 + (k1 - k0))]--;
            });
      } else {
        // lane = k, u = pixel: split the run of k at lane folds
        st.ops.forEachHoleRun(
            (p, k0, k1) -> {
              int k = k0;
              while (k < k1) {
                int lf = k / nc;
                int end = Math.min(k1, (lf + 1) * nc);
                long d0 = (long) lf * t + p + (k - lf * nc);
                diff[(int) d0]++;
                diff[(int) (d0 + (end - k))]--;
                k = end;
              }
            });
      }
    }
    int[] valid = new int[nd];
    int run = 0;
    for (int d = 0; d < nd; d++) {
      run += diff[d];
      valid[d] = diagonalLength(d) - run;
    }
    return valid;
  }

  /** Valid entries per matrix row: used columns minus holes. */
  private int[] stationaryValidCounts(int rowsOfP) {
    int[] diff = new int[rowsOfP + 1];
    if (st.holes) {
      // row (fc * sr + k), column p - fc * cols: a run of k is a run of rows
      st.ops.forEachHoleRun(
          (p, k0, k1) -> {
            long r0 = (long) (p / s.cols) * s.sr + k0;
            diff[(int) r0]++;
            diff[(int) (r0 + (k1 - k0))]--;
          });
    }
    int[] valid = new int[rowsOfP];
    int run = 0;
    for (int r = 0; r < rowsOfP; r++) {
      run += diff[r];
      valid[r] = s.usedCols(r / s.sr) - run;
    }
    return valid;
  }
}
