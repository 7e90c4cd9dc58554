package org.tessel.sim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.EnergyTable;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.stats.EnergyCounts;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/** Energy counts derived by hand for small systolic layers, and their pricing. */
final class EnergyTest {
  private static LayerResult run(String df, Layer layer) {
    HardwareSpec hw =
        new HardwareSpec(
            "e",
            new ArraySpec(4, 4),
            new SramSpec(64, 64, 64, 1, 1),
            new DramSpec(BandwidthMode.CALC, 10),
            DataflowKind.find(df).orElseThrow(),
            100);
    return Simulation.run(Network.chain("n", List.of(layer)), hw, 1).layers().get(0);
  }

  @Test
  void outputStationary_gemm_countsByHand() {
    // GEMM M=6 (Sr), N=5 (Sc), K=3 (T) on 4x4 OS: row folds 2 (4+2 rows), col folds 2 (4+1).
    // Row streams: sum over folds of used rows = 6 * 2 col folds = 12; each T=3 words x 3 hops.
    // Column streams: used cols summed = 5 * 2 row folds = 10; 3 words x 3 hops.
    // Output drain: 10 used columns x 4*3/2 = 6 hops each.
    EnergyCounts e = run("os", Layer.gemm("g", 6, 5, 3)).energy();
    assertAll(
        () -> assertEquals(90, e.macs()),
        () -> assertEquals(360, e.rfAccesses()),
        () -> assertEquals(12 * 3 * 3 + 10 * 3 * 3 + 10 * 6, e.nocWordHops()));
  }

  @Test
  void weightStationary_gemm_countsByHand() {
    // WS: rows hold T=3 (1 row fold, 3 used rows), cols hold Sc=5 (2 col folds), Sr=6 streams.
    // Row streams: 3 used rows x 2 col folds = 6; 6 words x 3 hops = 108.
    // Preload: used cols summed = 5 x 1 row fold = 5; each 4*3/2 = 6 hops = 30.
    // Partial sums: 5 used cols x 6 elements x 3 hops = 90.
    EnergyCounts e = run("ws", Layer.gemm("g", 6, 5, 3)).energy();
    assertEquals(108 + 30 + 90, e.nocWordHops());
  }

  @Test
  void pricing_isCountsTimesTable() {
    EnergyCounts e = new EnergyCounts(10, 40, 7, 5, 2);
    EnergyTable t = new EnergyTable(1, 1, 2, 6, 200);
    assertAll(
        () -> assertEquals(10 + 40 + 14 + 30 + 400, e.totalPj(t), 1e-9),
        () -> assertEquals(400, e.dramPj(t), 1e-9));
  }

  @Test
  void power_isEnergyOverTime() {
    HardwareSpec hw =
        new HardwareSpec(
            "e",
            new ArraySpec(4, 4),
            new SramSpec(64, 64, 64, 1, 1),
            new DramSpec(BandwidthMode.CALC, 10),
            DataflowKind.find("os").orElseThrow(),
            100);
    SimResult r = Simulation.run(Network.chain("n", List.of(Layer.gemm("g", 6, 5, 3))), hw, 1);
    double seconds = r.cycles() / 100e6;
    assertEquals(r.energyPj() * 1e-12 / seconds * 1e3, r.powerMw(), 1e-9);
    assertEquals(r.macs() / seconds / 1e9 / (r.powerMw() / 1e3), r.gmacPerSecondPerWatt(), 1e-6);
  }
}
