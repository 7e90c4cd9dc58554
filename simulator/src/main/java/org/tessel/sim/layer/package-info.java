/**
 * One layer as a set of components on the event engine: the PE array working through the folds of
 * a {@link org.tessel.sim.mapping.FoldPlan}, and the DRAM ports that fill and drain the
 * double-buffered SRAMs. {@link org.tessel.sim.layer.LayerRunner} wires them and returns a
 * {@link org.tessel.sim.layer.LayerTiming}.
 */
package org.tessel.sim.layer;
