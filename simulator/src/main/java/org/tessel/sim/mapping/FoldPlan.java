package org.tessel.sim.mapping;

import org.tessel.sim.util.IntMath;

/**
 * The folds of one GEMM on a systolic array: {@code rowDim} is laid along the PE rows, {@code
 * colDim} along the columns, {@code streamDim} streams through in time. Folds run column fold
 * outer, row fold inner (as SCALE-Sim orders them); fold {@code k} is row fold {@code k %
 * rowFolds()} of column fold {@code k / rowFolds()}.
 *
 * <p>One fold takes {@code preloadCycles + streamLength + rows + cols - 2} cycles: the stationary
 * operand is shifted in (one array row per cycle), then the skewed stream enters, and the fold ends
 * when the last operand has crossed to the far corner PE. Unused rows and columns of a partial fold
 * still carry the skewed (empty) wavefront, so every fold of a plan takes the same time.
 *
 * @param rowDim GEMM dimension along PE rows
 * @param colDim GEMM dimension along PE columns
 * @param streamDim GEMM dimension streamed in time
 * @param rowExtent extent of rowDim
 * @param colExtent extent of colDim
 * @param streamLength extent of streamDim
 * @param rows PE rows
 * @param cols PE columns
 * @param preloadCycles cycles to load the stationary operand before streaming (0 for OS)
 */
public record FoldPlan(
    GemmDim rowDim,
    GemmDim colDim,
    GemmDim streamDim,
    long rowExtent,
    long colExtent,
    long streamLength,
    int rows,
    int cols,
    int preloadCycles) {

  /** Folds along the PE rows. */
  public long rowFolds() {
    return IntMath.ceilDiv(rowExtent, rows);
  }

  /** Folds along the PE columns. */
  public long colFolds() {
    return IntMath.ceilDiv(colExtent, cols);
  }

  /** All folds. */
  public long folds() {
    return rowFolds() * colFolds();
  }

  /** Cycles of every fold (fill, stream, skew and drain). */
  public long foldCycles() {
    return preloadCycles + streamLength + rows + cols - 2;
  }

  /** PE rows in use in row fold {@code fr}. */
  public int usedRows(long fr) {
    return (int) Math.min(rows, rowExtent - fr * rows);
  }

  /** PE columns in use in column fold {@code fc}. */
  public int usedCols(long fc) {
    return (int) Math.min(cols, colExtent - fc * cols);
  }

  /** MACs in fold {@code (fr, fc)}. */
  public long macs(long fr, long fc) {
    return (long) usedRows(fr) * usedCols(fc) * streamLength;
  }

  /**
   * PE-to-PE word hops of all the folds (one group). Per fold: a streamed word is forwarded along
   * its whole row or column ({@code cols - 1} or {@code rows - 1} hops); the stationary operand
   * shifts down to its row ({@code rows (rows - 1) / 2} hops per column); partial sums move down
   * the columns (WS and IS: {@code rows - 1} hops per streamed element per column) or, for OS, the
   * finished outputs drain out through the rows below them ({@code rows (rows - 1) / 2} per
   * column). The same count for either memory model: it is the array's network.
   */
  public long nocWordHops() {
    long r = rows;
    long c = cols;
    // sums over all folds of used rows and used columns
    long usedRowsSum = rowExtent * colFolds();
    long usedColsSum = colExtent * rowFolds();
    long hops = usedRowsSum * streamLength * (c - 1);
    if (preloadCycles == 0) {
      hops += usedColsSum * streamLength * (r - 1); // second streamed operand (OS)
      hops += usedColsSum * r * (r - 1) / 2; // outputs drain
    } else {
      hops += usedColsSum * r * (r - 1) / 2; // stationary operand shifts in
      hops += usedColsSum * streamLength * (r - 1); // partial sums flow down
    }
    return hops;
  }

  /** Sum over folds of used PEs (for mapping efficiency). */
  public long usedPeFoldSum() {
    // sum_fr usedRows * sum_fc usedCols, since folds form a full grid
    return rowExtent * colExtent;
  }
}
