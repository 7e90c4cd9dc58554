package org.tessel.sim.arch;

import org.tessel.sim.util.Checks;

/**
 * The DRAM interface.
 *
 * <p>In {@link BandwidthMode#LINK} mode one link carries every DRAM transfer of a layer, reads and
 * writes, one at a time: {@code linkBits} bits per link-clock cycle at {@code linkClockMHz}, that
 * is {@code linkBits / 8 * linkClockMHz / clockMHz} bytes per core cycle, which need not be a whole
 * number of words (Eyeriss: 64 bits at 60 MHz against a 200 MHz core, 2.4 bytes or 1.2 words per
 * core cycle; JSSC 2017 Sec. III and Table V).
 *
 * @param mode CALC (no stalls, bandwidth derived), USER (the given bandwidth per SRAM port) or LINK
 *     (one shared link)
 * @param bandwidthWordsPerCycle words per cycle on each SRAM's DRAM port in USER mode
 * @param ifmapReadWordsPerCycle words per cycle the ifmap SRAM reads from DRAM in USER mode under
 *     {@link MemoryModel#SCALESIM_V3} (SCALE-Sim v3's {@code IfmapSRAMBankBandwidth}); the other
 *     memory models read at {@code bandwidthWordsPerCycle}
 * @param filterReadWordsPerCycle the same for the filter SRAM ({@code FilterSRAMBankBandwidth})
 * @param linkBits width of the off-chip link in bits (LINK mode; 0 when there is none)
 * @param linkClockMHz clock of the off-chip link (LINK mode; 0 when there is none)
 * @param rlcZeroFraction share of zeros in the feature maps when they cross the link run-length
 *     coded ({@link #ifmapWordsRatio()}); negative: no compression
 * @param rlcOfmapZeroFraction share of zeros in a layer's outputs when they differ from its inputs'
 *     (the next layer's inputs: {@link #ofmapWordsRatio()}); negative: {@code rlcZeroFraction}
 * @param ifmapLoadsStall whether the array stops while an ifmap tile loads from DRAM, as the
 *     Eyeriss chip does ("the chip does not perform processing while it is loading ifmap from
 *     DRAM", JSSC 2017 Sec. VI-A); false: the next tile loads into the buffer space the current
 *     tiles leave free while the array works (row stationary only)
 */
public record DramSpec(
    BandwidthMode mode,
    int bandwidthWordsPerCycle,
    int ifmapReadWordsPerCycle,
    int filterReadWordsPerCycle,
    int linkBits,
    double linkClockMHz,
    double rlcZeroFraction,
    double rlcOfmapZeroFraction,
    boolean ifmapLoadsStall) {
  /** Validates the bandwidths and, in LINK mode, the link. */
  public DramSpec {
    if (mode == null) {
      throw new IllegalArgumentException("dram.mode must not be null");
    }
    Checks.positive("dram.bandwidthWordsPerCycle", bandwidthWordsPerCycle);
    Checks.positive("dram.ifmapReadWordsPerCycle", ifmapReadWordsPerCycle);
    Checks.positive("dram.filterReadWordsPerCycle", filterReadWordsPerCycle);
    Checks.nonNegative("dram.linkBits", linkBits);
    if (!(linkClockMHz >= 0) || Double.isInfinite(linkClockMHz)) {
      throw new IllegalArgumentException("dram.linkClockMHz: must be >= 0, was " + linkClockMHz);
    }
    if (!(rlcZeroFraction < 1) || Double.isNaN(rlcZeroFraction)) {
      throw new IllegalArgumentException(
          "dram.rlcZeroFraction: must be below 1, was " + rlcZeroFraction);
    }
    if (!(rlcOfmapZeroFraction < 1) || Double.isNaN(rlcOfmapZeroFraction)) {
      throw new IllegalArgumentException(
          "dram.rlcOfmapZeroFraction: must be below 1, was " + rlcOfmapZeroFraction);
    }
    if (mode == BandwidthMode.LINK && (linkBits == 0 || linkClockMHz == 0)) {
      throw new IllegalArgumentException(
          "dram.mode link needs dram.linkBits and" + " dram.linkClockMHz > 0");
    }
  }

  /** Per-SRAM read bandwidths, without an off-chip link or compression. */
  public DramSpec(
      BandwidthMode mode,
      int bandwidthWordsPerCycle,
      int ifmapReadWordsPerCycle,
      int filterReadWordsPerCycle) {
    this(
        mode,
        bandwidthWordsPerCycle,
        ifmapReadWordsPerCycle,
        filterReadWordsPerCycle,
        0,
        0,
        -1,
        -1,
        false);
  }

  /** Every port at {@code bandwidthWordsPerCycle}, without an off-chip link or compression. */
  public DramSpec(BandwidthMode mode, int bandwidthWordsPerCycle) {
    this(mode, bandwidthWordsPerCycle, bandwidthWordsPerCycle, bandwidthWordsPerCycle);
  }

  /** An off-chip link (and every port at {@code bandwidthWordsPerCycle}). */
  public static DramSpec link(
      BandwidthMode mode,
      int bandwidthWordsPerCycle,
      int linkBits,
      double linkClockMHz,
      double rlcZeroFraction) {
    return new DramSpec(
        mode,
        bandwidthWordsPerCycle,
        bandwidthWordsPerCycle,
        bandwidthWordsPerCycle,
        linkBits,
        linkClockMHz,
        rlcZeroFraction,
        -1,
        false);
  }

  /** The same interface in another mode (the link kept). */
  public DramSpec withMode(BandwidthMode other) {
    return with(other, rlcZeroFraction, rlcOfmapZeroFraction, ifmapLoadsStall);
  }

  /** The same interface with feature maps run-length coded at this share of zeros. */
  public DramSpec withRlcZeroFraction(double zeros) {
    return withRlcZeroFractions(zeros, -1);
  }

  /**
   * The same interface with a layer's inputs run-length coded at {@code ifmapZeros} and its outputs
   * at {@code ofmapZeros} (negative: as its inputs).
   */
  public DramSpec withRlcZeroFractions(double ifmapZeros, double ofmapZeros) {
    return with(mode, ifmapZeros, ofmapZeros, ifmapLoadsStall);
  }

  /** The same interface, the array stopping (or not) while an ifmap tile loads. */
  public DramSpec withIfmapLoadsStall(boolean stall) {
    return with(mode, rlcZeroFraction, rlcOfmapZeroFraction, stall);
  }

  /** The same ports and link with these mode, zero shares and ifmap stop. */
  private DramSpec with(BandwidthMode m, double zeros, double ofmapZeros, boolean stall) {
    return new DramSpec(
        m,
        bandwidthWordsPerCycle,
        ifmapReadWordsPerCycle,
        filterReadWordsPerCycle,
        linkBits,
        linkClockMHz,
        zeros,
        ofmapZeros,
        stall);
  }

  /**
   * DRAM words of a layer's run-length-coded inputs per word of the raw ones: Eyeriss's code packs
   * three (5-bit run of zeros, 16-bit value) pairs into a 64-bit word (JSSC 2017 Sec. IV-B), so
   * with a share {@code z} of zeros spread evenly (runs longer than 31 ignored) {@code N} words
   * take {@code N (1 - z) / 3} codewords of four words: {@code 4 (1 - z) / 3}. Below a quarter of
   * zeros the code would be longer than the data, which then crosses uncoded (ratio 1); 1 without
   * compression.
   */
  public double ifmapWordsRatio() {
    return wordsRatio(rlcZeroFraction);
  }

  /** As {@link #ifmapWordsRatio()} for the layer's outputs ({@code rlcOfmapZeroFraction}). */
  public double ofmapWordsRatio() {
    return rlcOfmapZeroFraction < 0 ? ifmapWordsRatio() : wordsRatio(rlcOfmapZeroFraction);
  }

  private static double wordsRatio(double zeros) {
    return zeros < 0 ? 1 : Math.min(1, 4 * (1 - zeros) / 3);
  }

  /**
   * The link's rate as a fraction: {@code [bytes, cycles]}, the bytes it moves in that many core
   * cycles at {@code coreClockMHz} (both whole numbers: the clocks are taken in kHz).
   */
  public long[] linkBytesPerCycles(double coreClockMHz) {
    long linkKHz = Math.round(linkClockMHz * 1000);
    long coreKHz = Math.round(coreClockMHz * 1000);
    if (linkKHz <= 0 || coreKHz <= 0 || linkBits <= 0) {
      throw new IllegalStateException("no off-chip link");
    }
    return new long[] {(long) linkBits * linkKHz, 8 * coreKHz};
  }
}
