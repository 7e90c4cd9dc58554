package org.tessel.sim.memory.scalesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/** An ofmap SRAM too small for SCALE-Sim's write buffer is refused, never left to spin. */
final class TinyOfmapTest {
  @Test
  void oneWordOfmap_isRefusedQuickly() {
    HardwareSpec hw =
        new HardwareSpec(
            "tiny",
            new ArraySpec(2, 2),
            new SramSpec(1, 1, 1, 1024, 1), // 1 KiB of 1 KiB words: one word each
            new DramSpec(BandwidthMode.USER, 1),
            DataflowKind.find("os").orElseThrow(),
            100,
            MemoryModel.SCALESIM);
    Network net = Network.chain("n", List.of(Layer.gemm("g", 3, 3, 3)));
    ConfigException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> assertThrows(ConfigException.class, () -> Simulation.run(net, hw, 1)));
    assertEquals(
        "tiny: OfmapSramSzkB: SCALE-Sim's ofmap write buffer needs at least 2 words"
            + " (half fills while half drains); this one holds 1",
        e.getMessage());
  }
}
