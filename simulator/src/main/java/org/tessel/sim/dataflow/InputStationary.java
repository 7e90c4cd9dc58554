package org.tessel.sim.dataflow;

import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.GemmDim;
import org.tessel.sim.workload.GemmShape;

/**
 * Input stationary: each PE holds one input (im2col) element; the window (T) along the rows, output
 * pixels (Sr) along the columns, filters (Sc) stream through.
 */
public final class InputStationary implements SystolicDataflow {
  /** The single instance. */
  public static final InputStationary INSTANCE = new InputStationary();

  private InputStationary() {}

  @Override
  public DataflowKind kind() {
    return DataflowKind.IS;
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
