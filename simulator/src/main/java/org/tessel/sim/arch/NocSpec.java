package org.tessel.sim.arch;

import org.tessel.sim.util.Checks;

/**
 * The network on chip.
 *
 * @param topology mesh or buses
 * @param linkBytesPerCycle width of every link (and bus), in bytes per cycle
 * @param hopLatencyCycles cycles a word takes to cross one link
 * @param multicast whether links carry one word to many PEs in one transaction
 */
public record NocSpec(NocTopology topology, int linkBytesPerCycle, int hopLatencyCycles,
    boolean multicast) {
  /** Validates the figures. */
  public NocSpec {
    if (topology == null) {
      throw new IllegalArgumentException("noc.topology must not be null");
    }
    Checks.positive("noc.linkBytesPerCycle", linkBytesPerCycle);
    Checks.nonNegative("noc.hopLatencyCycles", hopLatencyCycles);
  }

  /** The systolic mesh SCALE-Sim assumes: one word per link per cycle, one cycle per hop. */
  public static NocSpec systolic(int wordBytes) {
    return new NocSpec(NocTopology.SYSTOLIC_MESH, wordBytes, 1, false);
  }

  /** Link width in words of {@code wordBytes}, at least one. */
  public int linkWordsPerCycle(int wordBytes) {
    return Math.max(1, linkBytesPerCycle / wordBytes);
  }
}
