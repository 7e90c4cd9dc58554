/**
 * Dataflows: how a layer is laid over the PE array and streamed through it. Each dataflow is one
 * type in one file implementing {@link org.tessel.sim.dataflow.Dataflow}; {@link
 * org.tessel.sim.dataflow.Dataflows} lists them. Systolic dataflows (output, weight, input
 * stationary) give a {@link org.tessel.sim.mapping.FoldPlan} per GEMM; row stationary maps a
 * whole layer itself. Either way the engine runs a {@link org.tessel.sim.mapping.LayerMapping}.
 */
package org.tessel.sim.dataflow;
