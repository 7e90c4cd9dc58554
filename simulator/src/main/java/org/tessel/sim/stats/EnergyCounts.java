package org.tessel.sim.stats;

import org.tessel.sim.arch.EnergyTable;

/**
 * Accesses at each level of the memory hierarchy for one layer, in words, and the energy they cost
 * under an {@link EnergyTable}.
 *
 * @param macs multiply-accumulates
 * @param rfAccesses scratchpad (register-file) reads and writes inside the PEs
 * @param nocWordHops words moved from one PE to another, counted once per hop
 * @param glbAccesses global buffer (on-chip SRAM) reads and writes
 * @param dramAccesses DRAM reads and writes
 */
public record EnergyCounts(
    long macs, long rfAccesses, long nocWordHops, long glbAccesses, long dramAccesses) {
  /** Nothing. */
  public static final EnergyCounts ZERO = new EnergyCounts(0, 0, 0, 0, 0);

  /**
   * Counts with four scratchpad accesses per MAC (read ifmap, filter and partial sum, write the
   * partial sum, as in the Eyeriss dataflow paper) and the SRAM and DRAM words of {@code a}.
   */
  public static EnergyCounts of(long macs, long nocWordHops, AccessCounts a) {
    return new EnergyCounts(
        macs,
        4 * macs,
        nocWordHops,
        a.sramIfmapReads() + a.sramFilterReads() + a.sramOfmapWrites(),
        a.dramIfmapReads() + a.dramFilterReads() + a.dramOfmapWrites());
  }

  /** Element-wise sum. */
  public EnergyCounts plus(EnergyCounts o) {
    return new EnergyCounts(
        macs + o.macs,
        rfAccesses + o.rfAccesses,
        nocWordHops + o.nocWordHops,
        glbAccesses + o.glbAccesses,
        dramAccesses + o.dramAccesses);
  }

  /** Energy of the MACs, pJ. */
  public double macPj(EnergyTable t) {
    return macs * t.macPj();
  }

  /** Energy of the scratchpad accesses, pJ. */
  public double rfPj(EnergyTable t) {
    return rfAccesses * t.rfPj();
  }

  /** Energy of the array network, pJ. */
  public double nocPj(EnergyTable t) {
    return nocWordHops * t.nocPj();
  }

  /** Energy of the global buffer accesses, pJ. */
  public double glbPj(EnergyTable t) {
    return glbAccesses * t.glbPj();
  }

  /** Energy of the DRAM accesses, pJ. */
  public double dramPj(EnergyTable t) {
    return dramAccesses * t.dramPj();
  }

  /** Total energy, pJ. */
  public double totalPj(EnergyTable t) {
    return macPj(t) + rfPj(t) + nocPj(t) + glbPj(t) + dramPj(t);
  }
}
