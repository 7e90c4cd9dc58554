package org.tessel.sim.dataflow;

import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.GemmDim;
import org.tessel.sim.workload.GemmShape;

/** Shared construction of systolic fold plans. */
final class Systolic {
  private Systolic() {}

  static FoldPlan plan(
      GemmShape g,
      ArraySpec a,
      GemmDim rowDim,
      GemmDim colDim,
      GemmDim streamDim,
      boolean preload) {
    return new FoldPlan(
        rowDim,
        colDim,
        streamDim,
        rowDim.of(g),
        colDim.of(g),
        streamDim.of(g),
        a.rows(),
        a.cols(),
        preload ? a.rows() : 0);
  }
}
