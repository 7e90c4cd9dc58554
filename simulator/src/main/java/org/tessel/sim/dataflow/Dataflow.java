package org.tessel.sim.dataflow;

import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.workload.GemmShape;

/** A dataflow: which operand stays in the PEs, and the fold plan that follows for a GEMM. */
public interface Dataflow {
  /** Short name used in files and on the command line ({@code os}, {@code ws}, ...). */
  String shortName();

  /** Human-readable name. */
  String displayName();

  /** The folds of one GEMM on the array, in execution order. */
  FoldPlan plan(GemmShape gemm, ArraySpec array);
}
