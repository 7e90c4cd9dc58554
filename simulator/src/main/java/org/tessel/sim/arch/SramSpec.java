package org.tessel.sim.arch;

import org.tessel.sim.limits.Limits;
import org.tessel.sim.util.Checks;
import org.tessel.sim.workload.Operand;
import org.tessel.sim.workload.OperandWords;

/**
 * The three double-buffered operand SRAMs, sizes in KiB (SCALE-Sim's "kB" is 1024 bytes) of {@code
 * wordBytes}-byte words.
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
        throw new IllegalArgumentException(
            "sram: " + kib + " KiB is more than the limit of " + Limits.MAX_SRAM_KIB + " KiB");
      }
      if (kib * 1024 / wordBytes <= 0) {
        throw new IllegalArgumentException(
            "sram: "
                + kib
                + " KiB holds no word of "
                + wordBytes
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

  /**
   * The fullest SRAM half, 0 to 1, when the ifmap, filter and ofmap halves hold at most {@code
   * peakWords} words at once: the largest of {@code min(1, words / half)}. A half of no words that
   * holds some gives 1.
   */
  public double halfOccupancy(OperandWords peakWords) {
    OperandWords half = halfWords();
    double occupancy = 0;
    for (Operand op : Operand.ALL) {
      occupancy = Math.max(occupancy, Math.min(1.0, (double) peakWords.get(op) / half.get(op)));
    }
    return occupancy;
  }

  /** Half of each operand SRAM in words: what one fold may hold while the other half fills. */
  public OperandWords halfWords() {
    return new OperandWords(ifmapWords() / 2, filterWords() / 2, ofmapWords() / 2);
  }

  /**
   * Whether a whole ifmap of {@code words} (all groups) stays on chip for a layer: it fits half the
   * ifmap SRAM, the other half being the double buffer (the systolic tile model's rule).
   */
  public boolean ifmapResident(long words) {
    return words <= ifmapWords() / 2;
  }

  /** Whether a whole filter of {@code words} (all groups) stays on chip: the same rule. */
  public boolean filterResident(long words) {
    return words <= filterWords() / 2;
  }
}
