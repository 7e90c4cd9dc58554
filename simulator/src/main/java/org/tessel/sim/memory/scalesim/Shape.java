package org.tessel.sim.memory.scalesim;

import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.util.IntMath;

/**
 * One GEMM's fold geometry in SCALE-Sim's per-dataflow names: {@code sr} operand rows on the array
 * rows, {@code sc} on the array columns, {@code t} in time (os: pixels, filters, window; ws:
 * window, filters, pixels; is: window, pixels, filters). Folds run column fold outer, row fold
 * inner; every fold takes {@link #foldRows} demand rows (cycles without stalls).
 */
final class Shape {
  final Flow flow;
  final int rows;
  final int cols;
  final int sr;
  final int sc;
  final int t;
  final int rowFolds;
  final int colFolds;
  final int folds;
  final long foldRows;

  /** All demand rows of the GEMM ({@code folds * foldRows}). */
  final long demandRows;

  private Shape(Flow flow, int rows, int cols, int sr, int sc, int t) {
    this.flow = flow;
    this.rows = rows;
    this.cols = cols;
    this.sr = sr;
    this.sc = sc;
    this.t = t;
    this.rowFolds = (int) IntMath.ceilDiv((long) sr, rows);
    this.colFolds = (int) IntMath.ceilDiv((long) sc, cols);
    long f = (long) rowFolds * colFolds;
    if (f > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("SCALE-Sim memory model: " + f + " folds (limit 2^31)");
    }
    this.folds = (int) f;
    this.foldRows = flow == Flow.OS ? (long) t + rows + cols - 2 : 2L * rows + t + cols - 2;
    this.demandRows = folds * foldRows;
  }

  /**
   * The shape of {@code plan}.
   *
   * @throws IllegalArgumentException for a layout SCALE-Sim lacks or extents beyond 2^31
   */
  static Shape of(FoldPlan plan) {
    return new Shape(
        Flow.of(plan),
        plan.rows(),
        plan.cols(),
        toInt(plan.rowExtent()),
        toInt(plan.colExtent()),
        toInt(plan.streamLength()));
  }

  private static int toInt(long v) {
    if (v <= 0 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "SCALE-Sim memory model: GEMM extent " + v + " outside [1, 2^31)");
    }
    return (int) v;
  }

  /** Array rows used in row fold {@code fr}. */
  int usedRows(int fr) {
    return Math.min(rows, sr - fr * rows);
  }

  /** Array columns used in column fold {@code fc}. */
  int usedCols(int fc) {
    return Math.min(cols, sc - fc * cols);
  }

  /** SCALE-Sim's SRAM ifmap read counter (im2col holes included). */
  long sramIfmapReads() {
    return switch (flow) {
      case OS -> (long) colFolds * sr * t;
      case WS -> (long) colFolds * t * sr;
      case IS -> (long) sr * sc;
    };
  }

  /** SCALE-Sim's SRAM filter read counter. */
  long sramFilterReads() {
    return switch (flow) {
      case OS -> (long) rowFolds * t * sc;
      case WS -> (long) sr * sc;
      case IS -> (long) colFolds * sr * t;
    };
  }

  /**
   * SCALE-Sim's SRAM ofmap write counter; for os it adds {@code rows + cols} per fold, as SCALE-Sim
   * does (it counts the flipped block's shape after the writes).
   */
  long sramOfmapWrites() {
    return switch (flow) {
      case OS -> (long) sr * sc + (long) folds * (rows + cols);
      case WS, IS -> (long) rowFolds * t * sc;
    };
  }

  /**
   * The fold length SCALE-Sim divides by in its per-fold compute utilisation: the fold for os, and
   * for ws/is the stationary operand's demand block before its skew plus {@code cols - 1}, which is
   * one more than the fold.
   */
  long computeUtilRows() {
    return flow == Flow.OS ? (long) t + rows + cols - 2 : 2L * rows + 2L * cols + t - 3;
  }
}
