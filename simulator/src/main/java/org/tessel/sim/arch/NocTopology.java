package org.tessel.sim.arch;

/** The interconnect between the on-chip buffers and the PEs. */
public enum NocTopology {
  /**
   * A systolic mesh: each PE row is fed by one buffer port at its left edge and each PE column by
   * one at its top edge; operands move one PE per hop over point-to-point mesh links.
   */
  SYSTOLIC_MESH,
  /**
   * Eyeriss-style X/Y buses: one Y bus from the global buffer to every PE row's X bus, and an X bus
   * along each row; a word multicasts to any set of PEs in one transaction.
   */
  XY_BUS
}
