package org.tessel.sim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.CgraSpec;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.ReconfigSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;
import org.tessel.sim.workload.Network;

/** Reconfiguration: paid when the array's configuration changes, never otherwise. */
final class ReconfigTest {
  private static final Dataflow OS = Dataflows.find("os").orElseThrow();
  private static final Dataflow WS = Dataflows.find("ws").orElseThrow();

  private static HardwareSpec hw(ReconfigSpec reconfig) {
    HardwareSpec base =
        new HardwareSpec(
            "r",
            new ArraySpec(8, 8),
            new SramSpec(64, 64, 64, 1, 1),
            new DramSpec(BandwidthMode.CALC, 10),
            OS.kind(),
            200);
    return base.withCgra(CgraSpec.systolic(base.array(), 1).withReconfig(reconfig));
  }

  private static Network net() {
    Layer c1 = Layer.conv("c1", 10, 10, 3, 3, 1, 1, 8, 1);
    Layer c2 = Layer.conv("c2", 10, 10, 8, 3, 1, 1, 8, 1);
    Layer pool = new Layer("p", LayerKind.MAXPOOL, 10, 10, 8, 2, 2, 2, 2, 0, 0, 5, 5, 8, 1);
    Layer c3 = Layer.conv("c3", 5, 5, 8, 1, 1, 0, 16, 1);
    return Network.chain("n", List.of(c1, c2, pool, c3));
  }

  @Test
  void scanChain_costIsBitsOverBusWidthPlusDrain() {
    assertAll(
        () -> assertEquals(1794, new ReconfigSpec(1794, 1, 0).cycles()),
        () -> assertEquals(113, new ReconfigSpec(1794, 16, 0).cycles()), // ceil(1794 / 16) = 113
        () -> assertEquals(123, new ReconfigSpec(1794, 16, 10).cycles()),
        () -> assertEquals(0, ReconfigSpec.FREE.cycles()));
  }

  @Test
  void sameConfiguration_paysOnlyTheInitialLoad() {
    SimResult free = Simulation.run(net(), hw(ReconfigSpec.FREE), 1);
    SimResult paid = Simulation.run(net(), hw(new ReconfigSpec(1794, 1, 0)), 1);
    assertAll(
        () -> assertEquals(1794, paid.layers().get(0).reconfigCycles()),
        () -> assertEquals(0, paid.layers().get(1).reconfigCycles()),
        () -> assertEquals(0, paid.layers().get(2).reconfigCycles()),
        () -> assertEquals(0, paid.layers().get(3).reconfigCycles()),
        () -> assertEquals(free.cycles() + 1794, paid.cycles()),
        () -> assertEquals(1, paid.reconfigurations()));
  }

  @Test
  void switchingDataflow_paysEachSwitch_vectorLayersDoNotCount() {
    ReconfigSpec spec = new ReconfigSpec(1794, 16, 10); // 123 cycles
    Simulation sim = new Simulation(hw(spec));
    // c1 os, c2 ws (switch), pool (vector: no configuration), c3 ws (same as c2: no switch)
    SimResult r = sim.simulate(net(), 1, l -> l.name().equals("c1") ? OS : WS);
    SimResult fixed = new Simulation(hw(spec)).simulate(net(), 1, l -> WS);
    assertAll(
        () -> assertEquals(123, r.layers().get(0).reconfigCycles()),
        () -> assertEquals(123, r.layers().get(1).reconfigCycles()),
        () -> assertEquals(0, r.layers().get(2).reconfigCycles()),
        () -> assertEquals(0, r.layers().get(3).reconfigCycles()),
        () -> assertEquals("os", r.layers().get(0).configuration()),
        () -> assertEquals("ws", r.layers().get(3).configuration()),
        () -> assertEquals(2, r.reconfigurations()),
        () -> assertEquals(1, fixed.reconfigurations()));
    long layers = 0;
    for (LayerResult l : r.layers()) {
      layers += l.cycles();
    }
    assertEquals(layers + 246, r.cycles());
  }
}
