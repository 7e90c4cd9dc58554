package org.tessel.sim.arch;

/** How the DRAM interface bandwidth is set, as in SCALE-Sim's {@code InterfaceBandwidth}. */
public enum BandwidthMode {
  /** Bandwidth sized so that no layer ever stalls on DRAM (SCALE-Sim {@code CALC}). */
  CALC,
  /** The configured words per cycle; stalls come out of the simulation (SCALE-Sim {@code USER}). */
  USER,
  /**
   * One off-chip link of {@code dram.linkBits} at {@code dram.linkClockMHz}, shared by every DRAM
   * stream of the layer; stalls come out of the simulation (Tessel only).
   */
  LINK
}
