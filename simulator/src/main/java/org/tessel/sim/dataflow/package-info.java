/**
 * Dataflows: how a layer is laid over the PE array and streamed through it, as a sealed hierarchy.
 * {@link org.tessel.sim.dataflow.SystolicDataflow} (output, weight and input stationary) gives a
 * {@link org.tessel.sim.mapping.FoldPlan} per GEMM, which the simulator times in {@code
 * org.tessel.sim.dataflow.systolic}; {@link org.tessel.sim.dataflow.WholeLayerDataflow} (row
 * stationary, searched or pinned) maps a whole layer itself through {@code
 * org.tessel.sim.dataflow.rs}. {@link org.tessel.sim.dataflow.Dataflows} has one per {@link
 * org.tessel.sim.arch.DataflowKind}. Either way the engine runs a {@link
 * org.tessel.sim.mapping.LayerMapping}, and a layer that does not fit is a {@link
 * org.tessel.sim.mapping.Mapped} infeasibility, not an exception.
 */
@NullMarked
package org.tessel.sim.dataflow;

import org.jspecify.annotations.NullMarked;
