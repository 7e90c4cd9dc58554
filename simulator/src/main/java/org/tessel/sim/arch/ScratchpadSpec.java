package org.tessel.sim.arch;

import org.tessel.sim.util.Checks;

/**
 * Per-PE scratchpads (register files), in words. A systolic PE has one register per operand.
 *
 * @param filterWords filter scratchpad
 * @param ifmapWords ifmap scratchpad
 * @param psumWords partial-sum scratchpad
 */
public record ScratchpadSpec(int filterWords, int ifmapWords, int psumWords) {
  /** A systolic PE: one register for each operand. */
  public static final ScratchpadSpec SYSTOLIC = new ScratchpadSpec(1, 1, 1);

  /** Validates the sizes. */
  public ScratchpadSpec {
    Checks.positive("scratchpad.filterWords", filterWords);
    Checks.positive("scratchpad.ifmapWords", ifmapWords);
    Checks.positive("scratchpad.psumWords", psumWords);
  }
}
