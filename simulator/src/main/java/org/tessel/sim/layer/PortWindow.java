package org.tessel.sim.layer;

/**
 * When a DRAM port was busy during a layer: the first cycle of its first non-empty transfer and the
 * last cycle of its last one, or -1 and -1 when it moved nothing.
 *
 * @param firstCycle first busy cycle, or -1
 * @param lastCycle last busy cycle, or -1
 */
public record PortWindow(long firstCycle, long lastCycle) {
  /** A port that moved nothing. */
  public static final PortWindow IDLE = new PortWindow(-1, -1);

  /** Whether the port moved any word. */
  public boolean used() {
    return firstCycle >= 0;
  }
}
