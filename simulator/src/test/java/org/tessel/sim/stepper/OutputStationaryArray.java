package org.tessel.sim.stepper;

import java.util.Arrays;

/**
 * Output stationary, register by register. PE {@code (i, j)} keeps the partial sum of output {@code
 * (row fold base + i, column fold base + j)}. The left edge feeds row {@code i} with the operand
 * spanning (row dim, stream dim), element {@code t} at fold cycle {@code t + i}; the top edge feeds
 * column {@code j} with the operand spanning (stream dim, column dim), element {@code t} at fold
 * cycle {@code t + j}. Tokens move one PE right (left operand) or down (top operand) per cycle and
 * leave the array after the last column or row. Rows and columns beyond the operands' extent in a
 * partial fold get bubble tokens on the same skewed schedule. A PE performs a MAC in a cycle in
 * which it holds a valid token from each edge. The fold ends with the cycle in which PE {@code
 * (R-1, C-1)} consumes the last injected tokens: nothing is left to inject and no token is left in
 * the array.
 */
final class OutputStationaryArray implements FoldArray {
  private final Mapping m;
  private final int rows;
  private final int cols;
  // registers, flat [i * cols + j]: what PE (i, j) holds in the current cycle
  private final byte[] aState;
  private final long[] aValue;
  private final int[] aIndex;
  private final byte[] bState;
  private final long[] bValue;
  private final int[] bIndex;
  private final long[] acc;

  private int group;
  private int rowBase;
  private int colBase;
  private int cycle;
  private long toInject;
  private long injected;
  private long inFlight;
  private long macs;

  OutputStationaryArray(Mapping m) {
    this.m = m;
    this.rows = m.rows();
    this.cols = m.cols();
    int n = rows * cols;
    aState = new byte[n];
    aValue = new long[n];
    aIndex = new int[n];
    bState = new byte[n];
    bValue = new long[n];
    bIndex = new int[n];
    acc = new long[n];
  }

  @Override
  public void begin(int group, int rowFold, int colFold) {
    this.group = group;
    rowBase = rowFold * rows;
    colBase = colFold * cols;
    Arrays.fill(aState, EMPTY);
    Arrays.fill(bState, EMPTY);
    Arrays.fill(acc, 0);
    cycle = 0;
    // every row and every column gets the whole (possibly bubble) stream
    toInject = (long) (rows + cols) * m.streamLength();
    injected = 0;
    inFlight = 0;
  }

  @Override
  public boolean step() {
    int length = m.streamLength();
    // 1. left operand: move one PE right, inject at column 0
    for (int i = 0; i < rows; i++) {
      int base = i * cols;
      for (int j = cols - 1; j > 0; j--) {
        aState[base + j] = aState[base + j - 1];
        aValue[base + j] = aValue[base + j - 1];
        aIndex[base + j] = aIndex[base + j - 1];
      }
      aState[base] = EMPTY;
      int t = cycle - i;
      if (t >= 0 && t < length) {
        int r = rowBase + i;
        boolean valid = r < m.rowExtent();
        aState[base] = valid ? VALID : BUBBLE;
        aValue[base] = valid ? m.data().input(group, m.rowDim(), r, m.streamDim(), t) : 0;
        aIndex[base] = t;
        injected++;
        inFlight++;
      }
    }
    // 2. top operand: move one PE down, inject at row 0
    for (int j = 0; j < cols; j++) {
      for (int i = rows - 1; i > 0; i--) {
        int p = i * cols + j;
        bState[p] = bState[p - cols];
        bValue[p] = bValue[p - cols];
        bIndex[p] = bIndex[p - cols];
      }
      bState[j] = EMPTY;
      int t = cycle - j;
      if (t >= 0 && t < length) {
        int c = colBase + j;
        boolean valid = c < m.colExtent();
        bState[j] = valid ? VALID : BUBBLE;
        bValue[j] = valid ? m.data().input(group, m.streamDim(), t, m.colDim(), c) : 0;
        bIndex[j] = t;
        injected++;
        inFlight++;
      }
    }
    // 3. every PE: MAC on a valid pair
    boolean cornerTookLast = false;
    for (int p = 0; p < rows * cols; p++) {
      boolean hasA = aState[p] != EMPTY;
      boolean hasB = bState[p] != EMPTY;
      if (hasA != hasB || (hasA && aIndex[p] != bIndex[p])) {
        throw new IllegalStateException("stepper bug: skew broken at PE " + p + " cycle " + cycle);
      }
      if (aState[p] == VALID && bState[p] == VALID) {
        acc[p] += aValue[p] * bValue[p];
        macs++;
      }
      if (p == rows * cols - 1 && hasA && aIndex[p] == length - 1) {
        cornerTookLast = true;
      }
    }
    // 4. tokens in the last column / row have been consumed: they leave the array
    for (int i = 0; i < rows; i++) {
      int p = i * cols + cols - 1;
      if (aState[p] != EMPTY) {
        aState[p] = EMPTY;
        inFlight--;
      }
    }
    for (int j = 0; j < cols; j++) {
      int p = (rows - 1) * cols + j;
      if (bState[p] != EMPTY) {
        bState[p] = EMPTY;
        inFlight--;
      }
    }
    cycle++;
    boolean ended = injected == toInject && inFlight == 0;
    if (ended) {
      if (!cornerTookLast) {
        throw new IllegalStateException("stepper bug: the fold ended away from the corner PE");
      }
      readOut();
    }
    return ended;
  }

  /** Outputs of mapped PEs go to the ofmap; unmapped PEs never saw a valid pair. */
  private void readOut() {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int r = rowBase + i;
        int c = colBase + j;
        long v = acc[i * cols + j];
        if (r < m.rowExtent() && c < m.colExtent()) {
          m.data().accumulate(group, m.rowDim(), r, m.colDim(), c, v);
        } else if (v != 0) {
          throw new IllegalStateException("stepper bug: unmapped PE accumulated " + v);
        }
      }
    }
  }

  @Override
  public long macs() {
    return macs;
  }
}
