package org.tessel.sim.dataflow;

import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.workload.GemmShape;

/**
 * Weight stationary: each PE holds one filter weight; the window (T) along the rows, filters (Sc)
 * along the columns, output pixels (Sr) stream through; partial sums flow down the columns.
 */
public final class WeightStationary implements Dataflow {
  /** The single instance. */
  public static final WeightStationary INSTANCE = new WeightStationary();

  private WeightStationary() {}

  @Override
  public String shortName() {
    return "ws";
  }

  @Override
  public String displayName() {
    return "weight stationary";
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
