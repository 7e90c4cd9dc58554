package org.tessel.sim.dataflow;

import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.workload.GemmShape;

/**
 * A systolic dataflow (SCALE-Sim's output, weight and input stationary): a layer is one GEMM per
 * group, cut into folds over the array.
 */
public sealed interface SystolicDataflow extends Dataflow
    permits OutputStationary, WeightStationary, InputStationary {
  /** The folds of one GEMM on the array, in execution order. */
  FoldPlan plan(GemmShape gemm, ArraySpec array);
}
