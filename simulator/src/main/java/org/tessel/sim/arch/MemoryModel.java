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
   * org.tessel.sim.memory.scalesim}). Used for SCALE-Sim v2 {@code .cfg} inputs.
   */
  SCALESIM,
  /**
   * SCALE-Sim v3's memory system (scale-sim-v3 fab89b7, no custom layout, no Ramulator trace):
   * SCALE-Sim v2's, except that a late prefetch's wait counts twice, the ifmap and filter DRAM
   * ports read at {@link DramSpec#ifmapReadWordsPerCycle()} and {@link
   * DramSpec#filterReadWordsPerCycle()} (v3's {@code [layout]} bank bandwidths) and DRAM windows
   * end at their latest cycle. Used for SCALE-Sim v3 {@code .cfg} inputs.
   */
  SCALESIM_V3;

  /** Whether this is one of SCALE-Sim's memory systems. */
  public boolean scaleSim() {
    return this != TILES;
  }
}
