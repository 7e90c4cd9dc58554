package org.tessel.sim.dataflow.systolic;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.io.NetworkReader;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/** Folds larger than an SRAM half stream in chunks; what cannot be chunked is refused. */
final class FoldChunksTest {
  private static HardwareSpec hw(String df, SramSpec sram, int bandwidth) {
    return new HardwareSpec(
        "c",
        new ArraySpec(2, 2),
        sram,
        new DramSpec(BandwidthMode.USER, bandwidth),
        DataflowKind.find(df).orElseThrow(),
        100);
  }

  /**
   * GEMM M=2, N=2, K=10 on a 2x2 OS array: one fold of 10 + 2 + 2 - 2 = 12 cycles. The ifmap slice
   * (2 rows x 10 = 20 words) does not fit its half (2 KiB of 256-byte words = 8 words, half 4), so
   * it streams in 5 chunks of 2 steps (4 words each); chunk cycles 2, 2, 2, 2, and 2 + skew 2 = 4.
   * The filter slice (20 words) fits its half and arrives before chunk 0. At 2 words per cycle per
   * port: ifmap chunk fills [0,2) [2,4) [12,14) [14,16) [16,18) (each after the pass two back
   * ends), filter [0,10); passes [10,12) [12,14) [14,16) [16,18) [18,22); the 4 output words drain
   * [22,24). Layer: 24 cycles, 12 computing, 12 stalled.
   */
  @Test
  void oversizedSlice_streamsInChunks_timelineByHand() {
    SramSpec sram = new SramSpec(2, 64, 64, 256, 1); // ifmap half: 2048 / 256 / 2 = 4 words
    LayerResult r =
        Simulation.run(Network.chain("n", List.of(Layer.gemm("g", 2, 2, 10))), hw("os", sram, 2), 1)
            .layers()
            .get(0);
    assertAll(
        () -> assertEquals(24, r.cycles()),
        () -> assertEquals(12, r.computeCycles()),
        () -> assertEquals(12, r.stallCycles()),
        () -> assertEquals(1, r.folds(), "one fold, in five chunks"),
        () -> assertEquals(20, r.access().dramIfmapReads()),
        () -> assertEquals(40, r.macs()));
  }

  @Test
  void stationarySliceTooLarge_isRefusedWithBothSizes() {
    // WS: the stationary filter slice is 2x2 = 4 words; a 1-word half cannot hold it
    SramSpec sram = new SramSpec(64, 1, 64, 512, 1); // filter half: 1024 / 512 / 2 = 1 word
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                Simulation.run(
                    Network.chain("n", List.of(Layer.gemm("g", 2, 2, 10))), hw("ws", sram, 2), 1));
    assertEquals(
        "g: filter SRAM: a ws fold needs 4 filter words on chip at once, but half the"
            + " filter SRAM holds 1 (short by 3 words); give it a larger SRAM or use another"
            + " dataflow",
        e.getMessage());
  }

  @Test
  void realNetwork_userBandwidth_smallSrams_runsWithoutRefusal() {
    Network net =
        NetworkReader.read(
            Shared.rootDir().resolve(Path.of("traces", "networks", "resnet18.yaml")));
    HardwareSpec hw =
        new HardwareSpec(
            "r",
            new ArraySpec(32, 32),
            new SramSpec(64, 64, 64, 1, 1),
            new DramSpec(BandwidthMode.USER, 10),
            DataflowKind.find("os").orElseThrow(),
            200);
    SimResult r = Simulation.run(net, hw, 1);
    assertEquals(net.macs(), r.macs());
    assertTrue(r.stallCycles() > 0);
    for (LayerResult l : r.layers()) {
      assertTrue(l.utilization(hw.array().pes()) <= 1.0, l.layer().name());
    }
  }
}
