package org.tessel.sim.dataflow;

import org.tessel.sim.arch.DataflowKind;

/**
 * A dataflow: which operand stays in the PEs and how a layer is cut into passes over the array. The
 * families are closed: {@link SystolicDataflow} (output, weight and input stationary: a layer is a
 * {@link org.tessel.sim.mapping.FoldPlan} of one GEMM, timed by the simulator on the network) and
 * {@link WholeLayerDataflow} (row stationary: the dataflow maps the whole layer itself). Callers
 * dispatch with {@code instanceof} on the two families.
 */
public sealed interface Dataflow permits SystolicDataflow, WholeLayerDataflow {
  /** The hardware setting this dataflow implements. */
  DataflowKind kind();

  /** Short name used in files and on the command line ({@code os}, {@code ws}, ...). */
  default String shortName() {
    return kind().shortName();
  }

  /** Human-readable name. */
  default String displayName() {
    return kind().displayName();
  }
}
