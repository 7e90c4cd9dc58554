/**
 * Dataflows: how a layer's operand matrices are laid over the PE array and streamed through it.
 * Each dataflow is one type in one file implementing {@link org.tessel.sim.dataflow.Dataflow};
 * {@link org.tessel.sim.dataflow.Dataflows} lists them. The engine only sees the {@link
 * org.tessel.sim.dataflow.FoldPlan} a dataflow produces.
 */
package org.tessel.sim.dataflow;
