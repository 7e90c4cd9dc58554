package org.tessel.sim.arch;

/** Which model of the SRAMs and the DRAM interface a run uses. */
public enum MemoryModel {
  /**
   * Tessel's double-buffered tile model: each fold needs its operand slices on chip; a fill runs
   * while the previous fold computes (see {@code org.tessel.sim.layer.LayerRunner}).
   */
  TILES,
  /**
   * SCALE-Sim v2's memory system, reproduced: read buffers that prefetch fixed-size lines of the
   * operand stream into a sliding window, and a draining write buffer (see {@code
   * org.tessel.sim.memory.scalesim}). Used for SCALE-Sim {@code .cfg} inputs.
   */
  SCALESIM
}
