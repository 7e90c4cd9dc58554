package org.tessel.sim.memory.scalesim;

import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.GemmDim;

/** SCALE-Sim's three dataflows, recognised from which GEMM dimension a fold plan puts where. */
enum Flow {
  /** Output stationary: pixels on the rows, filters on the columns, window in time. */
  OS,
  /** Weight stationary: window on the rows, filters on the columns, pixels in time. */
  WS,
  /** Input stationary: window on the rows, pixels on the columns, filters in time. */
  IS;

  /**
   * The dataflow whose layout {@code plan} has.
   *
   * @throws IllegalArgumentException for a layout SCALE-Sim does not have
   */
  static Flow of(FoldPlan plan) {
    GemmDim r = plan.rowDim();
    GemmDim c = plan.colDim();
    if (r == GemmDim.SR && c == GemmDim.SC) {
      return OS;
    }
    if (r == GemmDim.T && c == GemmDim.SC) {
      return WS;
    }
    if (r == GemmDim.T && c == GemmDim.SR) {
      return IS;
    }
    throw new IllegalArgumentException(
        "SCALE-Sim memory model: no SCALE-Sim dataflow puts "
            + r
            + " on the rows and "
            + c
            + " on the columns");
  }
}
