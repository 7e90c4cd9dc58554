package org.tessel.sim.dataflow;

import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.GemmDim;
import org.tessel.sim.workload.GemmShape;

/**
 * Output stationary: each PE keeps one output's partial sum; output pixels (Sr) along the rows,
 * filters (Sc) along the columns, the window (T) streams in from the left and top edges.
 */
public final class OutputStationary implements SystolicDataflow {
  /** The single instance. */
  public static final OutputStationary INSTANCE = new OutputStationary();

  private OutputStationary() {}

  @Override
  public DataflowKind kind() {
    return DataflowKind.OS;
  }

  @Override
  public FoldPlan plan(GemmShape gemm, ArraySpec array) {
    return Systolic.plan(gemm, array, GemmDim.SR, GemmDim.SC, GemmDim.T, false);
  }

  @Override
  public String toString() {
    return shortName();
  }
}
