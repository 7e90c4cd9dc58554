package org.tessel.sim.arch;

import org.tessel.sim.Checks;
import org.tessel.sim.limits.Limits;

/**
 * The three double-buffered operand SRAMs, sizes in KiB (SCALE-Sim's "kB" is 1024 bytes) of
 * {@code wordBytes}-byte words.
 *
 * @param ifmapKiB input feature map SRAM
 * @param filterKiB filter (weight) SRAM
 * @param ofmapKiB output feature map SRAM
 * @param wordBytes bytes per word (operand element)
 * @param banks SRAM banks (SCALE-Sim MemoryBanks; recorded, one bank is modelled)
 */
public record SramSpec(long ifmapKiB, long filterKiB, long ofmapKiB, int wordBytes, int banks) {
  /** Validates every size. */
  public SramSpec {
    Checks.positive("sram.ifmapKiB", ifmapKiB);
    Checks.positive("sram.filterKiB", filterKiB);
    Checks.positive("sram.ofmapKiB", ofmapKiB);
    Checks.positive("sram.wordBytes", wordBytes);
    Checks.positive("sram.banks", banks);
    for (long kib : new long[] {ifmapKiB, filterKiB, ofmapKiB}) {
      if (kib > Limits.MAX_SRAM_KIB) {
        throw new IllegalArgumentException("sram: " + kib + " KiB is more than the limit of "
            + Limits.MAX_SRAM_KIB + " KiB");
      }
      if (kib * 1024 / wordBytes <= 0) {
        throw new IllegalArgumentException("sram: " + kib + " KiB holds no word of " + wordBytes
            + " bytes (every SRAM needs at least one word)");
      }
    }
  }

  /** Ifmap SRAM capacity in words. */
  public long ifmapWords() {
    return ifmapKiB * 1024 / wordBytes;
  }

  /** Filter SRAM capacity in words. */
  public long filterWords() {
    return filterKiB * 1024 / wordBytes;
  }

  /** Ofmap SRAM capacity in words. */
  public long ofmapWords() {
    return ofmapKiB * 1024 / wordBytes;
  }

  /**
   * Words of a whole tensor one layer may leave on chip for the next: it stays in the ofmap SRAM,
   * which then serves as the next layer's ifmap SRAM (the two swap roles), so it must fit both.
   */
  public long handOffWords() {
    return Math.min(ifmapWords(), ofmapWords());
  }
}
