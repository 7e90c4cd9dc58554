package org.tessel.sim.stepper;

import java.util.Arrays;

/**
 * Weight or input stationary, register by register. The stationary operand spans (row dim, column
 * dim): weights for WS, the ifmap slice for IS. It is shifted in from the top one array row per
 * cycle, the row for PE row {@code R-1} first, for all {@code R} rows whether used or not. Then the
 * stream operand (spanning row dim and stream dim) enters from the left: element {@code s} of row
 * {@code i} at stream cycle {@code s + i}, moving one PE right per cycle. Partial sums enter column
 * {@code j} at the top as zeros on the matching skew ({@code s + j}), move one PE down per cycle,
 * pick up {@code stationary x stream} at each PE where both are valid (a MAC), and leave the bottom
 * of the array into the ofmap (column dim, stream dim). The fold ends with the cycle in which the
 * last partial sum leaves the bottom of column {@code C-1}.
 */
final class StationaryArray implements FoldArray {
  private final Mapping m;
  private final int rows;
  private final int cols;
  // registers, flat [i * cols + j]
  private final byte[] wState;
  private final long[] wValue;
  private final byte[] aState;
  private final long[] aValue;
  private final int[] aIndex;
  private final byte[] pState;
  private final long[] pValue;
  private final int[] pIndex;

  private int group;
  private int rowBase;
  private int colBase;
  private int preloadedRows;
  private int streamCycle;
  private long toInject;
  private long injected;
  private long inFlight;
  private long macs;

  StationaryArray(Mapping m) {
    this.m = m;
    this.rows = m.rows();
    this.cols = m.cols();
    int n = rows * cols;
    wState = new byte[n];
    wValue = new long[n];
    aState = new byte[n];
    aValue = new long[n];
    aIndex = new int[n];
    pState = new byte[n];
    pValue = new long[n];
    pIndex = new int[n];
  }

  @Override
  public void begin(int group, int rowFold, int colFold) {
    this.group = group;
    rowBase = rowFold * rows;
    colBase = colFold * cols;
    Arrays.fill(wState, EMPTY);
    Arrays.fill(aState, EMPTY);
    Arrays.fill(pState, EMPTY);
    preloadedRows = 0;
    streamCycle = 0;
    // stream tokens into every row, partial sums into every column
    toInject = (long) (rows + cols) * m.streamLength();
    injected = 0;
    inFlight = 0;
  }

  @Override
  public boolean step() {
    if (preloadedRows < rows) {
      preload();
      return false;
    }
    int length = m.streamLength();
    int q = streamCycle;
    // 1. stream operand: move one PE right, inject at column 0
    for (int i = 0; i < rows; i++) {
      int base = i * cols;
      for (int j = cols - 1; j > 0; j--) {
        aState[base + j] = aState[base + j - 1];
        aValue[base + j] = aValue[base + j - 1];
        aIndex[base + j] = aIndex[base + j - 1];
      }
      aState[base] = EMPTY;
      int s = q - i;
      if (s >= 0 && s < length) {
        int r = rowBase + i;
        boolean valid = r < m.rowExtent();
        aState[base] = valid ? VALID : BUBBLE;
        aValue[base] = valid ? m.data().input(group, m.rowDim(), r, m.streamDim(), s) : 0;
        aIndex[base] = s;
        injected++;
        inFlight++;
      }
    }
    // 2. partial sums: each PE takes the sum from the PE above (row 0: a fresh zero from the
    // top edge), adds its product, and holds the result; bottom-up so inputs are last cycle's
    for (int j = 0; j < cols; j++) {
      for (int i = rows - 1; i >= 0; i--) {
        int p = i * cols + j;
        if (i > 0) {
          pState[p] = pState[p - cols];
          pValue[p] = pValue[p - cols];
          pIndex[p] = pIndex[p - cols];
        } else {
          pState[p] = EMPTY;
          int s = q - j;
          if (s >= 0 && s < length) {
            pState[p] = colBase + j < m.colExtent() ? VALID : BUBBLE;
            pValue[p] = 0;
            pIndex[p] = s;
            injected++;
            inFlight++;
          }
        }
        boolean hasA = aState[p] != EMPTY;
        boolean hasP = pState[p] != EMPTY;
        if (hasA != hasP || (hasA && aIndex[p] != pIndex[p])) {
          throw new IllegalStateException(
              "stepper bug: skew broken at PE (" + i + ", " + j + ") stream cycle " + q);
        }
        if (wState[p] == VALID && aState[p] == VALID) {
          pValue[p] += wValue[p] * aValue[p];
          macs++;
        }
      }
    }
    // 3. consumed tokens leave: stream tokens after the last column, sums below the last row
    for (int i = 0; i < rows; i++) {
      int p = i * cols + cols - 1;
      if (aState[p] != EMPTY) {
        aState[p] = EMPTY;
        inFlight--;
      }
    }
    boolean lastSumLeftCorner = false;
    for (int j = 0; j < cols; j++) {
      int p = (rows - 1) * cols + j;
      if (pState[p] != EMPTY) {
        if (pState[p] == VALID) {
          m.data().accumulate(group, m.colDim(), colBase + j, m.streamDim(), pIndex[p], pValue[p]);
        } else if (pValue[p] != 0) {
          throw new IllegalStateException("stepper bug: bubble column summed " + pValue[p]);
        }
        if (j == cols - 1 && pIndex[p] == length - 1) {
          lastSumLeftCorner = true;
        }
        pState[p] = EMPTY;
        inFlight--;
      }
    }
    streamCycle++;
    boolean ended = injected == toInject && inFlight == 0;
    if (ended && !lastSumLeftCorner) {
      throw new IllegalStateException("stepper bug: the last sum did not leave column C-1");
    }
    return ended;
  }

  /** One preload cycle: stationary rows move down one PE row, the next row enters at the top. */
  private void preload() {
    for (int i = rows - 1; i > 0; i--) {
      System.arraycopy(wState, (i - 1) * cols, wState, i * cols, cols);
      System.arraycopy(wValue, (i - 1) * cols, wValue, i * cols, cols);
    }
    int i = rows - 1 - preloadedRows; // the PE row this array row ends up in
    int r = rowBase + i;
    for (int j = 0; j < cols; j++) {
      int c = colBase + j;
      boolean valid = r < m.rowExtent() && c < m.colExtent();
      wState[j] = valid ? VALID : BUBBLE;
      wValue[j] = valid ? m.data().input(group, m.rowDim(), r, m.colDim(), c) : 0;
    }
    preloadedRows++;
  }

  @Override
  public long macs() {
    return macs;
  }
}
