package org.tessel.sim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.workload.Layer;

/** Work is sized before it runs, in checked arithmetic, against the documented limits. */
final class WorkLimitsTest {
  private static final HardwareSpec HW =
      new HardwareSpec(
          "hw",
          new ArraySpec(32, 32),
          new SramSpec(64, 64, 64, 1, 1),
          new DramSpec(BandwidthMode.CALC, 10),
          DataflowKind.OS,
          200.0);
  private static final Dataflow OS = Dataflows.of(DataflowKind.OS);

  @Test
  void foldsAreCountedExactly_atTheLimitAndOnePast() {
    // GEMM m x k times k x n on 32 x 32 OS: ceil(m / 32) x ceil(n / 32) folds; 2^12 x 2^12 = 2^24
    Layer atLimit = Layer.gemm("g", 32 << 12, 32 << 12, 1);
    Layer past = Layer.gemm("g", (32 << 12) + 1, 32 << 12, 1);
    assertAll(
        () -> assertNull(WorkLimits.problem(atLimit, 1, HW, OS)),
        () ->
            assertEquals(
                "needs 16781312 folds at batch 1 on a 32x32 array (os); at most"
                    + " 16777216 (2^24) folds per layer are simulated",
                WorkLimits.problem(past, 1, HW, OS)),
        () ->
            assertEquals(
                "layer g: needs 16781312 folds at batch 1 on a 32x32 array (os); at"
                    + " most 16777216 (2^24) folds per layer are simulated",
                new Simulation(HW).map(past, 1, OS).infeasibility().message()),
        () ->
            assertEquals(
                "layer g: needs 16781312 folds at batch 1 on a 32x32 array (os); at"
                    + " most 16777216 (2^24) folds per layer are simulated",
                assertThrows(ConfigException.class, () -> WorkLimits.check(past, 1, HW, OS))
                    .getMessage()));
  }

  @Test
  void cyclesPastTheEventClock_andOverflow_areRefused() {
    // one fold of T = 2^31 - 1: 2^31 - 1 + 32 + 32 - 2 cycles; 2^8 x 2^8 folds of it > 2^39 - 1
    Layer long1 = Layer.gemm("t", 32 << 8, 32 << 8, Integer.MAX_VALUE);
    Layer huge = Layer.gemm("h", Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    assertAll(
        () ->
            assertEquals(
                "needs at least "
                    + (65536L * (Integer.MAX_VALUE + 62L))
                    + " cycles"
                    + " at batch 1 on a 32x32 array (os); at most 549755813887 (2^39 - 1) cycles are"
                    + " simulated",
                WorkLimits.problem(long1, 1, HW, OS)),
        () ->
            assertEquals(
                "its sizes at batch 1 overflow 64-bit counts (operand matrices or"
                    + " MACs beyond 2^63)",
                WorkLimits.problem(huge, 1, HW, OS)));
  }
}
