package org.tessel.sim.dataflow;

import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.workload.GemmShape;

/**
 * Input stationary: each PE holds one input (im2col) element; the window (T) along the rows,
 * output pixels (Sr) along the columns, filters (Sc) stream through.
 */
public final class InputStationary implements Dataflow {
  /** The single instance. */
  public static final InputStationary INSTANCE = new InputStationary();

  private InputStationary() {}

  @Override
  public String shortName() {
    return "is";
  }

  @Override
  public String displayName() {
    return "input stationary";
  }

  @Override
  public FoldPlan plan(GemmShape gemm, ArraySpec array) {
    return Systolic.plan(gemm, array, GemmDim.T, GemmDim.SR, GemmDim.SC, true);
  }

  @Override
  public String toString() {
    return shortName();
  }
}
