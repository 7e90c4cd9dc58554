package org.tessel.sim.arch;

import org.tessel.sim.util.Checks;

/**
 * The network on chip.
 *
 * <p>On an X/Y-bus network each data type has its own buses (Eyeriss, JSSC 2017 Sec. V: the ifmap
 * network is 16 bits wide, the filter and psum networks 64 bits), so each has its own width: {@code
 * ifmapBytesPerCycle}, {@code filterBytesPerCycle}, {@code psumInBytesPerCycle} (partial sums read
 * back from the buffer) and {@code psumOutBytesPerCycle} (partial sums written to it, and the
 * PE-to-PE links up a column). A mesh uses {@code linkBytesPerCycle} everywhere.
 *
 * @param topology mesh or buses
 * @param linkBytesPerCycle width of every link of a mesh, and of any bus not given its own width
 * @param hopLatencyCycles cycles a word takes to cross one link
 * @param multicast whether links carry one word to many PEs in one transaction
 * @param ifmapBytesPerCycle width of the ifmap buses
 * @param filterBytesPerCycle width of the filter buses
 * @param psumInBytesPerCycle width of the psum read-back buses
 * @param psumOutBytesPerCycle width of the psum write-back buses and the PE-to-PE links
 */
public record NocSpec(
    NocTopology topology,
    int linkBytesPerCycle,
    int hopLatencyCycles,
    boolean multicast,
    int ifmapBytesPerCycle,
    int filterBytesPerCycle,
    int psumInBytesPerCycle,
    int psumOutBytesPerCycle) {
  /** Validates the figures. */
  public NocSpec {
    if (topology == null) {
      throw new IllegalArgumentException("noc.topology must not be null");
    }
    Checks.positive("noc.linkBytesPerCycle", linkBytesPerCycle);
    Checks.nonNegative("noc.hopLatencyCycles", hopLatencyCycles);
    Checks.positive("noc.ifmapBytesPerCycle", ifmapBytesPerCycle);
    Checks.positive("noc.filterBytesPerCycle", filterBytesPerCycle);
    Checks.positive("noc.psumInBytesPerCycle", psumInBytesPerCycle);
    Checks.positive("noc.psumOutBytesPerCycle", psumOutBytesPerCycle);
  }

  /** A network whose buses all have the width of its links. */
  public NocSpec(
      NocTopology topology, int linkBytesPerCycle, int hopLatencyCycles, boolean multicast) {
    this(
        topology,
        linkBytesPerCycle,
        hopLatencyCycles,
        multicast,
        linkBytesPerCycle,
        linkBytesPerCycle,
        linkBytesPerCycle,
        linkBytesPerCycle);
  }

  /** The systolic mesh SCALE-Sim assumes: one word per link per cycle, one cycle per hop. */
  public static NocSpec systolic(int wordBytes) {
    return new NocSpec(NocTopology.SYSTOLIC_MESH, wordBytes, 1, false);
  }

  /** Link width in words of {@code wordBytes}, at least one. */
  public int linkWordsPerCycle(int wordBytes) {
    return Math.max(1, linkBytesPerCycle / wordBytes);
  }

  /** Width of {@code bytesPerCycle} in words of {@code wordBytes}, at least one. */
  public static int words(int bytesPerCycle, int wordBytes) {
    return Math.max(1, bytesPerCycle / wordBytes);
  }
}
