package org.tessel.sim.arch;

import org.tessel.sim.util.Checks;

/**
 * The DRAM interface.
 *
 * @param mode CALC (no stalls, bandwidth derived) or USER (the given bandwidth)
 * @param bandwidthWordsPerCycle words per cycle on each SRAM's DRAM port in USER mode
 */
public record DramSpec(BandwidthMode mode, int bandwidthWordsPerCycle) {
  /** Validates the bandwidth. */
  public DramSpec {
    if (mode == null) {
      throw new IllegalArgumentException("dram.mode must not be null");
    }
    Checks.positive("dram.bandwidthWordsPerCycle", bandwidthWordsPerCycle);
  }
}
