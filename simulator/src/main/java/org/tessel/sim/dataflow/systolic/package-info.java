/**
 * The systolic dataflows' layers (SCALE-Sim's output, weight and input stationary) on the tile
 * memory model: fold timing on the network ({@link
 * org.tessel.sim.dataflow.systolic.SystolicTiming}), the DRAM words each fold needs and writes back
 * ({@link org.tessel.sim.dataflow.systolic.OperandTraffic}), folds cut into chunks that fit the
 * SRAM halves, and the whole layer as a {@link org.tessel.sim.mapping.LayerMapping}.
 */
@NullMarked
package org.tessel.sim.dataflow.systolic;

import org.jspecify.annotations.NullMarked;
