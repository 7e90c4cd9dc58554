package org.tessel.sim.stepper.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The literal row-stationary pass on passes small enough to count by hand. */
final class RsPassStepperTest {
  /** Three ports of one word, every bus one word wide, large scratchpads, two-stage MACs. */
  private static final RsPassStepper.Hardware NARROW =
      new RsPassStepper.Hardware(6, 4, 12, 24, 1, 2, new int[] {1, 1, 1, 1}, 3, 1);

  /**
   * One PE, one MAC. Cycle 0: the filter word and the ifmap word arrive; the filter row being
   * loaded at boundary 1, the read-back partial sum moves in cycle 1. The MAC issues in cycle 2,
   * the two-stage pipeline has the sum at boundary 4 ({@code 2 + qS + L_pipe - 1}), it crosses the
   * output network in cycle 4: 5 cycles.
   */
  @Test
  void onePe_oneMac() {
    RsPassStepper.Result r =
        RsPassStepper.run(new RsPassStepper.Pass(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, NARROW));
    assertEquals(5, r.cycles());
    assertEquals(1, r.macs());
    assertEquals(1, r.resultsWritten());
    assertEquals(0, r.outputMismatches());
    assertEquals(2, r.firstMacCycle());
  }

  /**
   * A chain of three PEs (R = 3, one output pixel, S = q = p = 1). The filter network serves its
   * three streams one word a cycle, round robin: filter rows 0, 1, 2 in cycles 0, 1, 2; the ifmap
   * rows likewise. The bottom PE (filter row 2) has its row at boundary 3; its read-back partial
   * sum moves in cycle 3 and is usable in cycle 4. MAC in cycle 4, the sum goes up the chain in
   * cycle 6, usable by the middle PE in 7 (one psum step of {@code q S + L_pipe = 3} cycles); the
   * top PE starts in 10 and its sum reaches the buffer in cycle 12: 13 cycles.
   */
  @Test
  void chainOfThree_oneStepPerPe() {
    RsPassStepper.Result r =
        RsPassStepper.run(new RsPassStepper.Pass(3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, NARROW));
    assertEquals(13, r.cycles());
    assertEquals(3, r.macs());
    assertEquals(1, r.resultsWritten());
    assertEquals(0, r.outputMismatches());
    assertEquals(4, r.firstMacCycle());
  }

  /**
   * One PE sliding a window of S = 3 over a row of W = 5 (F = 3) with a 3-word ifmap scratchpad: no
   * free slot beside the window, so each slide's one new word is written after the pixel's last MAC
   * and the next MAC waits a cycle for it. Filter and first window arrive in cycles 0-2 (one
   * scratchpad write per cycle), the first read-back partial sum in cycle 3: pixel 0 takes cycles
   * 4-6, the new word is written in cycle 7, pixel 1 takes 8-10, pixel 2 12-14; the last sum is
   * ready at boundary 16 and leaves in cycle 16: 17 cycles.
   */
  @Test
  void slide_waitsForTheScratchpad() {
    RsPassStepper.Hardware tight =
        new RsPassStepper.Hardware(6, 4, 3, 24, 1, 2, new int[] {1, 1, 1, 1}, 3, 1);
    RsPassStepper.Result r =
        RsPassStepper.run(new RsPassStepper.Pass(1, 3, 5, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, tight));
    assertEquals(9, r.macs());
    assertEquals(0, r.outputMismatches());
    assertEquals(4, r.firstMacCycle());
    assertEquals(17, r.cycles());
  }
}
