package org.tessel.sim.arch;

import org.tessel.sim.util.Checks;

/**
 * The DRAM interface.
 *
 * @param mode CALC (no stalls, bandwidth derived) or USER (the given bandwidth)
 * @param bandwidthWordsPerCycle words per cycle on each SRAM's DRAM port in USER mode
 * @param ifmapReadWordsPerCycle words per cycle the ifmap SRAM reads from DRAM in USER mode under
 *     {@link MemoryModel#SCALESIM_V3} (SCALE-Sim v3's {@code IfmapSRAMBankBandwidth}); the other
 *     memory models read at {@code bandwidthWordsPerCycle}
 * @param filterReadWordsPerCycle the same for the filter SRAM ({@code FilterSRAMBankBandwidth})
 */
public record DramSpec(BandwidthMode mode, int bandwidthWordsPerCycle,
    int ifmapReadWordsPerCycle, int filterReadWordsPerCycle) {
  /** Validates the bandwidths. */
  public DramSpec {
    if (mode == null) {
      throw new IllegalArgumentException("dram.mode must not be null");
    }
    Checks.positive("dram.bandwidthWordsPerCycle", bandwidthWordsPerCycle);
    Checks.positive("dram.ifmapReadWordsPerCycle", ifmapReadWordsPerCycle);
    Checks.positive("dram.filterReadWordsPerCycle", filterReadWordsPerCycle);
  }

  /** Every port at {@code bandwidthWordsPerCycle}. */
  public DramSpec(BandwidthMode mode, int bandwidthWordsPerCycle) {
    this(mode, bandwidthWordsPerCycle, bandwidthWordsPerCycle, bandwidthWordsPerCycle);
  }
}
