package org.tessel.sim.dataflow;

import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.GemmDim;
import org.tessel.sim.workload.GemmShape;

/**
 * Weight stationary: each PE holds one filter weight; the window (T) along the rows, filters (Sc)
 * along the columns, output pixels (Sr) stream through; partial sums flow down the columns.
 */
public final class WeightStationary implements SystolicDataflow {
  /** The single instance. */
  public static final WeightStationary INSTANCE = new WeightStationary();

  private WeightStationary() {}

  @Override
  public DataflowKind kind() {
    return DataflowKind.WS;
  }

  @Override
  public FoldPlan plan(GemmShape gemm, ArraySpec array) {
    return Systolic.plan(gemm, array, GemmDim.T, GemmDim.SC, GemmDim.SR, true);
  }

  @Override
  public String toString() {
    return shortName();
  }
}
