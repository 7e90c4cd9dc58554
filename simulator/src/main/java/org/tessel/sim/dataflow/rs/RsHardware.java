package org.tessel.sim.dataflow.rs;

import org.tessel.sim.arch.EnergyTable;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MappingSearchSpec;
import org.tessel.sim.util.Checks;

/**
 * What the row-stationary mapping reads from the hardware, and the PE's timing constants.
 *
 * <p>The global buffer holds ifmaps and partial sums in {@code glbBanks} banks of {@code
 * glbBankBytes} each (Eyeriss: 25 banks of 4 KiB, the preset's {@code sram.ifmapKiB} split over
 * {@code glb.banks}); a tile takes whole banks. Filters have their own region of {@code
 * filterGlbBytes} ({@code sram.filterKiB}).
 *
 * @param rows PE rows
 * @param cols PE columns
 * @param filterSpadWords filter scratchpad per PE
 * @param ifmapSpadWords ifmap scratchpad per PE
 * @param psumSpadWords partial-sum scratchpad per PE
 * @param glbBanks banks shared by ifmaps and partial sums
 * @param glbBankBytes bytes per bank
 * @param filterGlbBytes bytes of the filter region
 * @param wordBytes bytes per word
 * @param energy energy per access at each level, which the mapping rules weigh ({@link
 *     MappingSearch})
 * @param macPipelineCycles PE MAC pipeline depth, {@code L_pipe} (Eyeriss: 2 stages)
 * @param ifmapSpadWritesPerCycle words the ifmap scratchpad accepts per cycle, {@code spad_wr}
 * @param accumulateCycles extra ALU cycles per partial sum for the vertical accumulation, {@code
 *     c_acc} (0: the psum from the PE below seeds the accumulator through the adder-input mux)
 * @param search how the compiler chooses a mapping ({@link MappingSearch})
 * @param ifmapDramRatio DRAM words per input word, below 1 when feature maps cross the link
 *     run-length coded ({@link org.tessel.sim.arch.DramSpec#ifmapWordsRatio()})
 * @param ofmapDramRatio the same for the outputs ({@link
 *     org.tessel.sim.arch.DramSpec#ofmapWordsRatio()})
 * @param ifmapLoadsStall whether the array stops while an ifmap tile loads ({@link
 *     org.tessel.sim.arch.DramSpec#ifmapLoadsStall()})
 */
public record RsHardware(
    int rows,
    int cols,
    int filterSpadWords,
    int ifmapSpadWords,
    int psumSpadWords,
    int glbBanks,
    long glbBankBytes,
    long filterGlbBytes,
    int wordBytes,
    EnergyTable energy,
    int macPipelineCycles,
    int ifmapSpadWritesPerCycle,
    int accumulateCycles,
    MappingSearchSpec search,
    double ifmapDramRatio,
    double ofmapDramRatio,
    boolean ifmapLoadsStall) {

  /** Eyeriss's PE: a 2-stage MAC pipeline. */
  public static final int EYERISS_MAC_PIPELINE_CYCLES = 2;

  /** Eyeriss's ifmap scratchpad: one write port (an assumption of the model). */
  public static final int EYERISS_IFMAP_SPAD_WRITES_PER_CYCLE = 1;

  /** Validates every figure. */
  public RsHardware {
    Checks.positive("rows", rows);
    Checks.positive("cols", cols);
    Checks.positive("scratchpad.filterWords", filterSpadWords);
    Checks.positive("scratchpad.ifmapWords", ifmapSpadWords);
    Checks.positive("scratchpad.psumWords", psumSpadWords);
    Checks.positive("glb.banks", glbBanks);
    Checks.positive("glb bank bytes", glbBankBytes);
    Checks.positive("sram.filterKiB", filterGlbBytes);
    Checks.positive("sram.wordBytes", wordBytes);
    Checks.nonNegative("macPipelineCycles", macPipelineCycles);
    Checks.positive("ifmapSpadWritesPerCycle", ifmapSpadWritesPerCycle);
    Checks.nonNegative("accumulateCycles", accumulateCycles);
    if (!(ifmapDramRatio > 0 && ifmapDramRatio <= 1)) {
      throw new IllegalArgumentException("ifmapDramRatio: expected (0, 1], was " + ifmapDramRatio);
    }
    if (!(ofmapDramRatio > 0 && ofmapDramRatio <= 1)) {
      throw new IllegalArgumentException("ofmapDramRatio: expected (0, 1], was " + ofmapDramRatio);
    }
    if (energy == null) {
      throw new IllegalArgumentException("energy table must not be null");
    }
    if (search == null) {
      throw new IllegalArgumentException("mapping search must not be null");
    }
  }

  /** The row-stationary view of {@code hw}, with Eyeriss's PE timing. */
  public static RsHardware of(HardwareSpec hw) {
    var spad = hw.cgra().scratchpads();
    int banks = hw.cgra().glb().banks();
    return new RsHardware(
        hw.array().rows(),
        hw.array().cols(),
        spad.filterWords(),
        spad.ifmapWords(),
        spad.psumWords(),
        banks,
        Math.max(1, hw.sram().ifmapKiB() * 1024 / banks),
        hw.sram().filterKiB() * 1024,
        hw.sram().wordBytes(),
        hw.cgra().energy(),
        EYERISS_MAC_PIPELINE_CYCLES,
        EYERISS_IFMAP_SPAD_WRITES_PER_CYCLE,
        0,
        hw.cgra().mapping(),
        hw.dram().ifmapWordsRatio(),
        hw.dram().ofmapWordsRatio(),
        hw.dram().ifmapLoadsStall());
  }
}
