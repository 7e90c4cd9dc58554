package org.tessel.sim.io;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MappingSearchSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.config.ConfigException;

final class HardwareReaderTest {
  @TempDir Path dir;

  private static final String BASE =
      """
      name: h
      array: {rows: 12, cols: 14}
      sram: {ifmapKiB: 100, filterKiB: 8, ofmapKiB: 100, wordBytes: 2}
      dram: {mode: calc}
      """;

  private Path write(String text) throws IOException {
    Path p = dir.resolve("hw.yaml");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void cgraSections_absent_keepSystolicDefaults() throws IOException {
    HardwareSpec hw = HardwareReader.read(write(BASE));
    assertAll(
        () -> assertEquals(NocTopology.SYSTOLIC_MESH, hw.cgra().noc().topology()),
        () -> assertEquals(2, hw.cgra().noc().linkBytesPerCycle(), "one 2-byte word"),
        () -> assertEquals(26, hw.cgra().glb().ports(), "one port per row and column"),
        () -> assertEquals(0, hw.cgra().reconfig().cycles()),
        () -> assertEquals(MemoryModel.TILES, hw.memoryModel()));
  }

  @Test
  void cgraSections_present_areRead() throws IOException {
    HardwareSpec hw =
        HardwareReader.read(
            write(
                BASE
                    + """
                        noc: {topology: xybus, linkBytesPerCycle: 8, hopLatencyCycles: 1}
                        glb: {banks: 25, ports: 1, bytesPerPortPerCycle: 8}
                        scratchpad: {filterWords: 224, ifmapWords: 12, psumWords: 24}
                        reconfig: {configBits: 1794, busBitsPerCycle: 1}
                        energy: {dramPj: 250}
                        """));
    assertAll(
        () -> assertEquals(NocTopology.XY_BUS, hw.cgra().noc().topology()),
        () -> assertTrue(hw.cgra().noc().multicast(), "buses multicast by default"),
        () -> assertEquals(4, hw.cgra().noc().linkWordsPerCycle(2)),
        () -> assertEquals(25, hw.cgra().glb().banks()),
        () -> assertEquals(224, hw.cgra().scratchpads().filterWords()),
        () -> assertEquals(1794, hw.cgra().reconfig().cycles()),
        () -> assertEquals(250, hw.cgra().energy().dramPj()),
        () -> assertEquals(6, hw.cgra().energy().glbPj(), "unset energies keep their default"));
  }

  @Test
  void unknownNocKey_namesLineAndSuggests() throws IOException {
    Path p = write(BASE + "noc:\n  topology: xybus\n  linkBytesPerCycel: 8\n");
    ConfigException e = assertThrows(ConfigException.class, () -> HardwareReader.read(p));
    assertTrue(
        e.getMessage()
            .startsWith(
                p
                    + ":7: noc.linkBytesPerCycel: unknown key (did you"
                    + " mean 'linkBytesPerCycle'?)"),
        e.getMessage());
  }

  @Test
  void unknownTopology_namesTheAllowedOnes() throws IOException {
    Path p = write(BASE + "noc: {topology: torus}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> HardwareReader.read(p));
    assertTrue(e.getMessage().contains(":5: noc.topology: expected one of"), e.getMessage());
    assertTrue(e.getMessage().contains("was 'torus'"), e.getMessage());
  }

  @Test
  void zeroPorts_isRefused() throws IOException {
    Path p = write(BASE + "glb: {ports: 0}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> HardwareReader.read(p));
    assertTrue(e.getMessage().contains(":5: glb.ports: must be > 0, was 0"), e.getMessage());
  }

  @Test
  void perNetworkWidthsAndMappingSearch_areRead() throws IOException {
    HardwareSpec hw =
        HardwareReader.read(
            write(
                BASE
                    + String.join(
                        "\n",
                        "noc: {topology: xybus, linkBytesPerCycle: 8, ifmapBytesPerCycle: 2,"
                            + " psumInBytesPerCycle: 4}",
                        "mapping: {search: chip, minUtilisation: 0.9}",
                        "")));
    var noc = hw.cgra().noc();
    assertAll(
        () -> assertEquals(2, noc.ifmapBytesPerCycle()),
        () -> assertEquals(8, noc.filterBytesPerCycle(), "unset widths are the link width"),
        () -> assertEquals(4, noc.psumInBytesPerCycle()),
        () -> assertEquals(8, noc.psumOutBytesPerCycle()),
        () -> assertEquals(MappingSearchSpec.Policy.CHIP, hw.cgra().mapping().policy()),
        () -> assertEquals(0.9, hw.cgra().mapping().minUtilisation()));
    HardwareSpec plain = HardwareReader.read(write(BASE));
    assertEquals(MappingSearchSpec.BEST, plain.cgra().mapping(), "no section: the best mapping");
  }

  @Test
  void utilisationAboveOne_isRefusedWithItsLine() throws IOException {
    Path p = write(BASE + "mapping:\n  search: chip\n  minUtilisation: 1.5\n");
    ConfigException e = assertThrows(ConfigException.class, () -> HardwareReader.read(p));
    assertTrue(
        e.getMessage()
            .startsWith(
                p
                    + ":7: mapping.minUtilisation: expected a share of"
                    + " the PEs, 0 to 1, was 1.5"),
        e.getMessage());
  }
}
