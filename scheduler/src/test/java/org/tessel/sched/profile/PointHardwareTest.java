package org.tessel.sched.profile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessel.sched.Objective;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MappingSearchSpec;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/** A point's values applied to the base hardware, fields that follow others, the area proxy. */
final class PointHardwareTest {
  private static HardwareSpec at(String preset, String... sweeps) {
    Grid.Builder b = new Grid.Builder();
    for (String s : sweeps) {
      b.sweep(s);
    }
    return b.build().points().get(0).hardware(Inputs.hardware(preset));
  }

  @Test
  void values_setTheirFields_shorthandsSetSeveral() {
    HardwareSpec hw =
        at(
            "default",
            "array.size=8",
            "sram.eachKiB=16",
            "dram.mode=user",
            "dram.bandwidthWordsPerCycle=4",
            "clockMHz=250.5",
            "energy.dramPj=100",
            "reconfig.configBits=0");
    assertAll(
        () -> assertEquals(8, hw.array().rows()),
        () -> assertEquals(8, hw.array().cols()),
        () -> assertEquals(16, hw.sram().ifmapKiB()),
        () -> assertEquals(16, hw.sram().filterKiB()),
        () -> assertEquals(16, hw.sram().ofmapKiB()),
        () -> assertEquals(BandwidthMode.USER, hw.dram().mode()),
        () -> assertEquals(4, hw.dram().bandwidthWordsPerCycle()),
        () -> assertEquals(250.5, hw.clockMHz()),
        () -> assertEquals(100, hw.cgra().energy().dramPj()),
        () -> assertEquals(0, hw.cgra().reconfig().cycles()),
        () -> assertEquals("tessel_default", hw.name()));
  }

  @Test
  void glbPorts_followTheArray_onlyWhereTheBaseLeftThemAtOnePerRowAndColumn() {
    assertEquals(8 + 24, at("default", "array.rows=8", "array.cols=24").cgra().glb().ports());
    assertEquals(5, at("default", "array.rows=8", "glb.ports=5").cgra().glb().ports());
    assertEquals(3, at("eyeriss", "array.size=8").cgra().glb().ports());
  }

  @Test
  void nocTopology_bringsItsDefaultMulticastAndDataflow() {
    HardwareSpec bus = at("default", "noc.topology=xybus");
    assertAll(
        () -> assertEquals(NocTopology.XY_BUS, bus.cgra().noc().topology()),
        () -> assertTrue(bus.cgra().noc().multicast()),
        () -> assertEquals("rs", bus.dataflow().shortName()));
    assertEquals(
        false, at("default", "noc.topology=xybus", "noc.multicast=false").cgra().noc().multicast());
    assertEquals("os", at("eyeriss", "noc.topology=mesh").dataflow().shortName());
  }

  @Test
  void busWidths_followTheLink_onlyWhereTheBaseLeftThemAtTheLinksWidth() {
    // eyeriss: 8-byte links, a 2-byte ifmap network and 8-byte filter and psum networks
    NocSpec wide = at("eyeriss", "noc.linkBytesPerCycle=16").cgra().noc();
    assertEquals(
        List.of(16, 2, 16, 16, 16),
        List.of(
            wide.linkBytesPerCycle(),
            wide.ifmapBytesPerCycle(),
            wide.filterBytesPerCycle(),
            wide.psumInBytesPerCycle(),
            wide.psumOutBytesPerCycle()));
    NocSpec set =
        at("eyeriss", "noc.linkBytesPerCycle=16", "noc.filterBytesPerCycle=8").cgra().noc();
    assertEquals(
        List.of(2, 8, 16),
        List.of(set.ifmapBytesPerCycle(), set.filterBytesPerCycle(), set.psumInBytesPerCycle()));
    assertEquals(4, at("eyeriss", "noc.ifmapBytesPerCycle=4").cgra().noc().ifmapBytesPerCycle());
  }

  @Test
  void linkAndMappingFields_setTheirSpecs() {
    HardwareSpec hw =
        at(
            "eyeriss",
            "dram.mode=link",
            "dram.linkBits=32",
            "dram.linkClockMHz=120",
            "dram.rlcZeroFraction=0.5",
            "mapping.search=best",
            "mapping.minUtilisation=0.5");
    assertAll(
        () -> assertEquals(BandwidthMode.LINK, hw.dram().mode()),
        () -> assertEquals(32, hw.dram().linkBits()),
        () -> assertEquals(120.0, hw.dram().linkClockMHz()),
        // 32 bits at 120 MHz against eyeriss's 200 MHz core: 32 * 120 000 / (8 * 200 000)
        () ->
            assertArrayEquals(new long[] {3_840_000, 1_600_000}, hw.dram().linkBytesPerCycles(200)),
        // 4 (1 - 0.5) / 3 of the raw words
        () -> assertEquals(2.0 / 3, hw.dram().ifmapWordsRatio(), 1e-15),
        () -> assertEquals(MappingSearchSpec.Policy.BEST, hw.cgra().mapping().policy()),
        () -> assertEquals(0.5, hw.cgra().mapping().minUtilisation()));
    assertEquals(
        MappingSearchSpec.Policy.CHIP,
        at("default", "mapping.search=chip").cgra().mapping().policy());
  }

  @Test
  void areaProxy_isSramsPlusScratchpadsTimesPes() {
    // default: three 64 KiB SRAMs, 32x32 PEs with one 1-byte register per operand
    assertEquals(3 * 64 * 1024 + 3 * 32 * 32, AreaProxy.onChipBytes(Inputs.hardware("default")));
    // eyeriss: ifmap 100 KiB (ofmap names the same SRAM) + 8 KiB filters, 168 PEs with
    // 224 + 12 + 24 two-byte words
    assertEquals(
        108 * 1024 + (224 + 12 + 24) * 2 * 168, AreaProxy.onChipBytes(Inputs.hardware("eyeriss")));
  }

  @Test
  void bandwidthSwept_butCalcAtEveryPoint_isRefused() {
    Network n = Network.chain("one", List.of(Layer.fc("fc", 16, 16)));
    ProfileSpec spec =
        new ProfileSpec(
            n,
            Inputs.hardware("default"),
            Objective.CYCLES,
            1,
            new Grid.Builder().sweep("dram.bandwidthWordsPerCycle=4,8").build());
    ConfigException e = assertThrows(ConfigException.class, spec::pointHardware);
    assertEquals(
        "--sweep: dram.bandwidthWordsPerCycle: has no effect: dram.mode is calc at"
            + " every point (tessel_default); add dram.mode=user to the grid",
        e.getMessage());
    ProfileSpec ok =
        new ProfileSpec(
            n,
            Inputs.hardware("default"),
            Objective.CYCLES,
            1,
            new Grid.Builder()
                .sweep("dram.mode=user")
                .sweep("dram.bandwidthWordsPerCycle=4,8")
                .build());
    assertEquals(2, ok.pointHardware().size());
  }
}
