package org.tessel.sim.dataflow;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.CgraSpec;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MappingSearchSpec;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.rs.RsLayerMapping;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.NetworkReader;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/** Row stationary as a dataflow: registration, the eyeriss preset, whole networks. */
final class RowStationaryTest {
  private static final HardwareSpec EYERISS = HardwareReader.preset("eyeriss");

  @Test
  void registered_notSystolic() {
    assertAll(
        () -> assertSame(RowStationary.INSTANCE, Dataflows.find("RS").orElseThrow()),
        () -> assertTrue(Dataflows.names().contains("rs"), Dataflows.names()),
        () -> assertFalse(RowStationary.INSTANCE.kind().systolic()),
        () -> assertFalse(Dataflows.of(DataflowKind.RS) instanceof SystolicDataflow));
  }

  @Test
  void eyerissPreset_isThePapersChip() {
    var c = EYERISS.cgra();
    assertAll(
        () -> assertSame(DataflowKind.RS, EYERISS.dataflow()),
        () -> assertEquals(12, EYERISS.array().rows()),
        () -> assertEquals(14, EYERISS.array().cols()),
        () -> assertEquals(2, EYERISS.sram().wordBytes()),
        () ->
            assertEquals(
                108,
                EYERISS.sram().ifmapKiB() + EYERISS.sram().filterKiB(),
                "108 kB global buffer"),
        () -> assertEquals(25, c.glb().banks()),
        () -> assertEquals(200.0, EYERISS.clockMHz()),
        () -> assertEquals(NocTopology.XY_BUS, c.noc().topology()),
        () -> assertEquals(4, c.noc().linkWordsPerCycle(2), "64-bit buses"),
        () -> assertTrue(c.noc().multicast()),
        () -> assertEquals(224, c.scratchpads().filterWords()),
        () -> assertEquals(12, c.scratchpads().ifmapWords()),
        () -> assertEquals(24, c.scratchpads().psumWords()),
        () -> assertEquals(1794, c.reconfig().cycles()));
  }

  @Test
  void meshHardware_refusesRowStationary() {
    HardwareSpec mesh = HardwareReader.preset("default").withDataflow(DataflowKind.RS);
    Network n = Network.chain("n", List.of(Layer.conv("c1", 8, 8, 4, 3, 1, 1, 4, 1)));
    ConfigException e = assertThrows(ConfigException.class, () -> Simulation.run(n, mesh, 1));
    assertTrue(e.getMessage().contains("row stationary needs noc.topology xybus"), e.getMessage());
  }

  @Test
  void reconfiguration_paidWhenTheMappingChanges() {
    Layer a = Layer.conv("a", 15, 15, 16, 3, 1, 1, 32, 1);
    Layer b = Layer.conv("b", 15, 15, 32, 3, 1, 1, 32, 1);
    Layer b2 = Layer.conv("b2", 15, 15, 32, 3, 1, 1, 32, 1);
    SimResult r = Simulation.run(Network.chain("n", List.of(a, b, b2)), EYERISS, 2);
    List<LayerResult> l = r.layers();
    assertAll(
        () -> assertEquals(1794, l.get(0).reconfigCycles()),
        () -> assertEquals(1794, l.get(1).reconfigCycles(), "other shape"),
        () -> assertEquals(0, l.get(2).reconfigCycles(), "same shape and mapping"),
        () -> assertEquals(l.get(1).configuration(), l.get(2).configuration()),
        () -> assertEquals(l.get(1).cycles(), l.get(2).cycles()),
        () -> assertEquals(2, r.reconfigurations()));
  }

  @Test
  void simulation_runsTheMappingsCycles() {
    Layer conv = Layer.conv("c", 27, 27, 48, 5, 1, 2, 64, 2);
    Simulation sim = new Simulation(EYERISS.withDram(EYERISS.dram().withMode(BandwidthMode.CALC)));
    LayerResult r = sim.simulate(Network.chain("n", List.of(conv)), 4).layers().get(0);
    RsLayerMapping m = (RsLayerMapping) sim.map(conv, 4, RowStationary.INSTANCE).orElseThrow();
    assertAll(
        () -> assertEquals(m.durations().total(m.passes()), r.cycles(), "DRAM hidden (calc)"),
        () -> assertEquals(0, r.stallCycles()),
        () -> assertEquals(conv.macs() * 4, r.macs()),
        () -> assertEquals(m.passes(), r.folds()),
        () ->
            assertEquals(
                2 * m.mapping().passesPerGroup(m.shape(), 4),
                r.folds(),
                "two groups, mapped one after another"),
        () -> assertEquals(m.activePes(), r.usedPeFoldSum() / r.folds()));
  }

  @Test
  void presetsLink_addsStallsToTheSameProcessing() {
    // the preset's 64-bit 60 MHz link: total = the passes + stalls, the passes unchanged
    Layer conv = Layer.conv("c", 27, 27, 48, 5, 1, 2, 64, 2);
    LayerResult link =
        new Simulation(EYERISS).simulate(Network.chain("n", List.of(conv)), 4).layers().get(0);
    LayerResult calc =
        new Simulation(EYERISS.withDram(EYERISS.dram().withMode(BandwidthMode.CALC)))
            .simulate(Network.chain("n", List.of(conv)), 4)
            .layers()
            .get(0);
    assertAll(
        () -> assertEquals(calc.cycles(), link.computeCycles()),
        () -> assertTrue(link.stallCycles() > 0),
        () -> assertEquals(link.cycles(), link.computeCycles() + link.stallCycles()));
  }

  @Test
  void alexnetEyerissCsv_isTheChipsAlexNet() {
    // JSSC 2017 Table V: MACs per image of CONV1-5 (CONV2/4/5 grouped in two, as alexnet.yaml)
    Network csv =
        TopologyReader.read(
            Shared.rootDir().resolve(Path.of("traces", "networks", "alexnet_eyeriss.csv")),
            TopologyReader.Mode.CONV);
    Network yaml =
        NetworkReader.read(Shared.rootDir().resolve(Path.of("traces", "networks", "alexnet.yaml")));
    List<Long> paper = List.of(105_415_200L, 223_948_800L, 149_520_384L, 112_140_288L, 74_760_192L);
    List<Long> fromCsv = csv.layers().stream().map(Layer::macs).toList();
    List<Long> fromYaml =
        csv.layers().stream()
            .map(l -> yaml.layer(l.name().toLowerCase(java.util.Locale.ROOT)).macs())
            .toList();
    assertAll(
        () -> assertEquals(paper, fromCsv),
        () -> assertEquals(paper, fromYaml, "the grouped layers of alexnet.yaml"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vgg16", "resnet18", "alexnet", "mobilenet"})
  void shippedNetworks_mapAndSimulate(String name) {
    Network net =
        NetworkReader.read(Shared.rootDir().resolve(Path.of("traces", "networks", name + ".yaml")));
    SimResult r = Simulation.run(net, EYERISS, 1);
    int pes = EYERISS.array().pes();
    for (LayerResult l : r.layers()) {
      if (!l.layer().kind().usesArray()) {
        continue;
      }
      assertAll(
          l.layer().name(),
          () -> assertEquals("rs", l.dataflow()),
          () -> assertEquals(l.layer().macs(), l.macs()),
          () ->
              assertTrue(
                  l.utilization(pes) > 0 && l.utilization(pes) <= 1,
                  "utilisation " + l.utilization(pes)),
          () -> assertTrue(l.mappingEfficiency(pes) <= 1),
          () -> assertTrue(l.computeUtilization(pes) <= 1));
    }
  }

  @Test
  void vgg16Batch3_matchesThePrototypesMappings() {
    // docs/models/eyeriss/results.txt, "VGG-16 CONV layers, batch 3, own mapping, Model A"
    Network net =
        NetworkReader.read(Shared.rootDir().resolve(Path.of("traces", "networks", "vgg16.yaml")));
    // the prototype's hardware: every bus 64 bits wide, the best-mapping search
    var c = EYERISS.cgra();
    var noc = c.noc();
    HardwareSpec prototype =
        EYERISS.withCgra(
            new CgraSpec(
                new NocSpec(noc.topology(), 8, noc.hopLatencyCycles(), noc.multicast()),
                c.glb(),
                c.scratchpads(),
                c.reconfig(),
                c.energy(),
                MappingSearchSpec.BEST));
    Simulation sim = new Simulation(prototype);
    List<String> expected =
        List.of(
            "conv1_1 m=64 n=1 e=3 p=4 q=3 r=1 t=16 225",
            "conv1_2 m=64 n=1 e=3 p=8 q=2 r=2 t=8 3600",
            "conv2_1 m=64 n=1 e=6 p=16 q=2 r=4 t=2 1824",
            "conv2_2 m=64 n=1 e=6 p=16 q=2 r=4 t=2 3648",
            "conv3_1 m=64 n=1 e=12 p=16 q=4 r=2 t=2 1920",
            "conv3_2 m=64 n=1 e=12 p=16 q=4 r=2 t=2 3840",
            "conv3_3 m=64 n=1 e=12 p=16 q=4 r=2 t=2 3840",
            "conv4_1 m=64 n=3 e=7 p=16 q=2 r=4 t=2 2048",
            "conv4_2 m=64 n=3 e=7 p=16 q=2 r=4 t=2 4096",
            "conv4_3 m=64 n=3 e=7 p=16 q=2 r=4 t=2 4096",
            "conv5_1 m=64 n=3 e=14 p=16 q=4 r=4 t=1 1024",
            "conv5_2 m=64 n=3 e=14 p=16 q=4 r=4 t=1 1024",
            "conv5_3 m=64 n=3 e=14 p=16 q=4 r=4 t=1 1024");
    long cycles = 0;
    int k = 0;
    for (Layer l : net.layers()) {
      if (!l.name().startsWith("conv")) {
        continue;
      }
      RsLayerMapping m = (RsLayerMapping) sim.map(l, 3, RowStationary.INSTANCE).orElseThrow();
      assertEquals(expected.get(k++), l.name() + " " + m.mapping() + " " + m.passes());
      cycles += m.durations().total(m.passes());
    }
    // the prototype: 1.68 s per batch of 3
    assertEquals(1.68, EYERISS.millis(cycles) / 1000, 0.005);
  }
}
