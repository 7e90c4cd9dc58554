package org.tessel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.io.NetworkReader;
import org.tessel.sim.report.ScaleSimReports;
import org.tessel.sim.report.Summary;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * SCALE-Sim's memory model simulates layers in parallel ({@link Simulation#layerThreads}): the
 * reports are byte-identical to one thread's, and a failing run fails on the same layer.
 */
final class ParallelLayersTest {
  private static HardwareSpec scaleSim(
      int side, int sramKiB, BandwidthMode mode, int bandwidth, DataflowKind flow) {
    return new HardwareSpec(
            "hw",
            new ArraySpec(side, side),
            new SramSpec(sramKiB, sramKiB, sramKiB, 1, 1),
            new DramSpec(mode, bandwidth),
            flow,
            200.0)
        .withMemoryModel(MemoryModel.SCALESIM);
  }

  private static String reports(SimResult r) {
    return ScaleSimReports.compute(r)
        + ScaleSimReports.bandwidth(r)
        + ScaleSimReports.detailed(r)
        + Summary.json(r);
  }

  @ParameterizedTest
  @CsvSource({"16, 8, USER, 4, OS, 2", "8, 4, USER, 2, WS, 3", "32, 16, CALC, 10, IS, 4"})
  void reportsAreTheSameForAnyThreadCount(
      int side, int sramKiB, BandwidthMode mode, int bandwidth, DataflowKind flow, int threads) {
    Network net =
        NetworkReader.read(
            Shared.rootDir().resolve(Path.of("traces", "networks", "resnet18.yaml")));
    HardwareSpec hw = scaleSim(side, sramKiB, mode, bandwidth, flow);
    SimResult one = new Simulation(hw).simulate(net, 1);
    SimResult many = new Simulation(hw).layerThreads(threads).simulate(net, 1);
    assertTrue(one.layers().size() > 10, "a network of many layers");
    assertEquals(reports(one), reports(many));
  }

  @Test
  void aFailingRunFailsOnItsFirstBadLayer_whateverFinishesFirst() {
    HardwareSpec hw = scaleSim(8, 4, BandwidthMode.CALC, 10, DataflowKind.OS);
    // layer b: a dataflow SCALE-Sim's model does not run; layer d: past the work limits, and so
    // refused first in the parallel phase, which runs every layer
    Layer a = Layer.gemm("a", 16, 16, 16);
    Layer b = Layer.gemm("b", 16, 16, 16);
    Layer c = Layer.gemm("c", 16, 16, 16);
    Layer d = Layer.gemm("d", (8 << 12) + 1, 8 << 12, 1);
    Network net = Network.chain("n", List.of(a, b, c, d));
    Dataflow os = Dataflows.of(DataflowKind.OS);
    Dataflow rs = Dataflows.of(DataflowKind.RS);
    Function<Layer, Dataflow> choice = l -> l.equals(b) ? rs : os;
    String one =
        assertThrows(ConfigException.class, () -> new Simulation(hw).simulate(net, 1, choice))
            .getMessage();
    String many =
        assertThrows(
                ConfigException.class,
                () -> new Simulation(hw).layerThreads(4).simulate(net, 1, choice))
            .getMessage();
    assertTrue(one.contains("systolic dataflows"), one);
    assertEquals(one, many);
  }

  @Test
  void threadCountMustBePositive() {
    HardwareSpec hw = scaleSim(8, 4, BandwidthMode.CALC, 10, DataflowKind.OS);
    assertThrows(IllegalArgumentException.class, () -> new Simulation(hw).layerThreads(0));
  }
}
