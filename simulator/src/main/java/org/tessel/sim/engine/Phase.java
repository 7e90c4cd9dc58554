package org.tessel.sim.engine;

/**
 * Order of events within one cycle: data arriving is seen before compute decisions, and compute
 * before write-back and control. Plays the role of CloudSim's tag and DSOL's priority.
 */
public enum Phase {
  /** A DRAM or NoC transfer completes. */
  TRANSFER_DONE,
  /** The array finishes a fold. */
  COMPUTE_DONE,
  /** Starting work that waited on the above. */
  CONTROL;

  static final Phase[] VALUES = values();
}
