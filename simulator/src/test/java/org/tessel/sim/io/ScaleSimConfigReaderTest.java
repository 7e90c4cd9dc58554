package org.tessel.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/** SCALE-Sim v2 and v3 config files: version choice, v3's settings, ignored and refused ones. */
final class ScaleSimConfigReaderTest {
  @TempDir Path dir;

  /** A v3 config as v3 ships it (configs/scale.cfg layout), with placeholders. */
  private static String v3(String mode, int bw, String layout, String sparsity, String ramulator) {
    return """
        [general]
        run_name = v3run

        [architecture_presets]
        ArrayHeight:    8
        ArrayWidth:     4
        IfmapSramSzkB:   2
        FilterSramSzkB:  2
        OfmapSramSzkB:   1
        IfmapOffset:    0
        FilterOffset:   10000000
        OfmapOffset:    20000000
        Bandwidth : %d
        Dataflow : ws
        MemoryBanks:   1
        ReadRequestBuffer: 32
        WriteRequestBuffer: 32

        [layout]
        %s

        [sparsity]
        SparsitySupport : %s
        SparseRep : ellpack_block
        OptimizedMapping : false
        BlockSize : 8
        RandomNumberGeneratorSeed : 40

        [run_presets]
        InterfaceBandwidth: %s
        UseRamulatorTrace: %s
        """
        .formatted(bw, layout, sparsity, mode, ramulator);
  }

  private static final String LAYOUT =
      """
      IfmapCustomLayout: False
      IfmapSRAMBankBandwidth: 12
      IfmapSRAMBankNum: 3
      IfmapSRAMBankPort: 2
      FilterCustomLayout: False
      FilterSRAMBankBandwidth: 6
      FilterSRAMBankNum: 2
      FilterSRAMBankPort: 2""";

  private static final String V2 =
      """
      [general]
      run_name = v2run

      [architecture_presets]
      ArrayHeight:    8
      ArrayWidth:     4
      IfmapSramSzkB:   2
      FilterSramSzkB:  2
      OfmapSramSzkB:   1
      Bandwidth : 5
      Dataflow : os

      [run_presets]
      InterfaceBandwidth: USER
      """;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void v3File_isV3_readsBankBandwidthsForIfmapAndFilter() throws IOException {
    Path p = write("a.cfg", v3("USER", 4, LAYOUT, "false", "False"));
    ScaleSimConfig c = ScaleSimConfigReader.readConfig(p, 0);
    assertEquals(3, c.version());
    assertEquals(MemoryModel.SCALESIM_V3, c.hardware().memoryModel());
    // ofmap writes at Bandwidth, ifmap and filter read at the [layout] bank bandwidths
    assertEquals(new DramSpec(BandwidthMode.USER, 4, 12, 6), c.hardware().dram());
    assertEquals("v3run", c.hardware().name());
  }

  @Test
  void v3File_listsEachSettingWithoutEffect_inFileOrder() throws IOException {
    Path p = write("a.cfg", v3("USER", 4, LAYOUT, "false", "False"));
    List<String> ignored = ScaleSimConfigReader.readConfig(p, 0).ignored();
    List<String> keys =
        ignored.stream()
            .map(s -> s.substring(s.indexOf(": ") + 2, s.indexOf(": ignored")))
            .toList();
    assertEquals(
        List.of(
            "MemoryBanks",
            "ReadRequestBuffer",
            "WriteRequestBuffer",
            "IfmapSRAMBankNum",
            "IfmapSRAMBankPort",
            "FilterSRAMBankNum",
            "FilterSRAMBankPort",
            "SparseRep",
            "OptimizedMapping",
            "BlockSize",
            "RandomNumberGeneratorSeed"),
        keys);
    assertTrue(ignored.get(1).startsWith(p + ":16: ReadRequestBuffer: ignored ("), ignored.get(1));
  }

  @Test
  void forcedV2_onV3File_readsEveryOperandAtBandwidth_andSaysTheBankBandwidthsAreIgnored()
      throws IOException {
    Path p = write("a.cfg", v3("USER", 4, LAYOUT, "false", "False"));
    ScaleSimConfig c = ScaleSimConfigReader.readConfig(p, 2);
    assertEquals(MemoryModel.SCALESIM, c.hardware().memoryModel());
    assertEquals(new DramSpec(BandwidthMode.USER, 4), c.hardware().dram());
    assertTrue(
        c.ignored().stream().anyMatch(s -> s.contains("IfmapSRAMBankBandwidth: ignored")),
        c.ignored().toString());
  }

  @Test
  void calcMode_v3_bankBandwidthsIgnored() throws IOException {
    Path p = write("a.cfg", v3("CALC", 4, LAYOUT, "false", "False"));
    ScaleSimConfig c = ScaleSimConfigReader.readConfig(p, 0);
    assertEquals(new DramSpec(BandwidthMode.CALC, 4), c.hardware().dram());
    assertTrue(
        c.ignored().stream()
            .anyMatch(
                s ->
                    s.contains(
                        "FilterSRAMBankBandwidth: ignored"
                            + " (SCALE-Sim v3 reads at 10 words per cycle in CALC mode)")),
        c.ignored().toString());
  }

  @Test
  void v2File_isV2_andForcedV3WithoutLayout_isRefusedInUserMode() throws IOException {
    Path p = write("b.cfg", V2);
    ScaleSimConfig c = ScaleSimConfigReader.readConfig(p, 0);
    assertEquals(2, c.version());
    assertEquals(MemoryModel.SCALESIM, c.hardware().memoryModel());
    assertEquals(List.of(), c.ignored());
    ConfigException e =
        assertThrows(ConfigException.class, () -> ScaleSimConfigReader.readConfig(p, 3));
    assertEquals(
        p
            + ": IfmapSRAMBankBandwidth: missing in [layout] (SCALE-Sim v3 reads the"
            + " ifmap DRAM bandwidth from it in USER mode)",
        e.getMessage());
  }

  @Test
  void refused_whatWouldChangeTheNumbers() throws IOException {
    String ram = v3("USER", 4, LAYOUT, "false", "True");
    assertRefused(ram, 38, "UseRamulatorTrace", "Ramulator DRAM traces are not modelled");
    String custom =
        v3(
            "USER",
            4,
            LAYOUT.replace("IfmapCustomLayout: False", "IfmapCustomLayout: True"),
            "false",
            "False");
    assertRefused(custom, 20, "IfmapCustomLayout", "custom layouts are not modelled");
    String sparse = v3("USER", 4, LAYOUT, "True", "False");
    assertRefused(sparse, 30, "SparsitySupport", "sparsity is not modelled yet");
    // v3's read buffer asserts bank bandwidth % bank count == 0 (USER only)
    String odd =
        v3(
            "USER",
            4,
            LAYOUT.replace("IfmapSRAMBankBandwidth: 12", "IfmapSRAMBankBandwidth: 10"),
            "false",
            "False");
    assertRefused(odd, 21, "IfmapSRAMBankBandwidth", "must be divisible by IfmapSRAMBankNum (3)");
  }

  @Test
  void ramulatorOnlyForTrue_asV3ComparesTheString() throws IOException {
    Path p = write("a.cfg", v3("USER", 4, LAYOUT, "false", "true"));
    ScaleSimConfig c = ScaleSimConfigReader.readConfig(p, 0);
    assertTrue(
        c.ignored().stream().anyMatch(s -> s.contains("UseRamulatorTrace: ignored")),
        c.ignored().toString());
  }

  @Test
  void bandwidthList_firstValueUsed_asSCALESimDoes() throws IOException {
    Path p = write("b.cfg", V2.replace("Bandwidth : 5", "Bandwidth : 7, 9"));
    assertEquals(7, ScaleSimConfigReader.read(p).dram().bandwidthWordsPerCycle());
    Path q = write("c.cfg", V2.replace("Bandwidth : 5", "Bandwidth : x"));
    assertThrows(ConfigException.class, () -> ScaleSimConfigReader.read(q));
  }

  private void assertRefused(String text, int line, String key, String why) throws IOException {
    Path p = write("r.cfg", text);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ScaleSimConfigReader.readConfig(p, 0));
    assertTrue(e.getMessage().startsWith(p + ":" + line + ": " + key + ": " + why), e.getMessage());
  }

  @Test
  void topology_sparsityColumn_readAndListedWhenNotDense() throws IOException {
    Path conv =
        write(
            "t.csv",
            """
        Layer name, H, W, Fh, Fw, C, Filters, Strides,
        a, 8, 8, 3, 3, 4, 6, 1, 2:4,
        b, 8, 8, 3, 3, 4, 6, 1, 4:4,
        c, 8, 9, 3, 3, 4, 6, 1, 2,
        """);
    List<String> ignored = new ArrayList<>();
    Network n = TopologyReader.read(conv, TopologyReader.Mode.CONV, ignored);
    assertEquals(Layer.scaleSimConv("a", 8, 8, 3, 3, 4, 6, 1), n.layers().get(0));
    assertEquals(Layer.scaleSimConv("c", 8, 9, 3, 3, 4, 6, 1, 2), n.layers().get(2));
    assertEquals(
        List.of(
            conv
                + ":2: Sparsity: ignored (2:4; sparsity is not modelled, and"
                + " SCALE-Sim v3 uses it only with [sparsity] SparsitySupport: true)"),
        ignored);
    Path gemm = write("g.csv", "Layer, M, N, K,\ng, 4, 5, 6, 1:2,\n");
    assertEquals(
        Layer.gemm("g", 4, 5, 6),
        TopologyReader.read(gemm, TopologyReader.Mode.GEMM).layers().get(0));
    Path bad = write("x.csv", "Layer, M, N, K,\ng, 4, 5, 6, 3:2,\n");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> TopologyReader.read(bad, TopologyReader.Mode.GEMM));
    assertTrue(
        e.getMessage().startsWith(bad + ":2: Sparsity: expected N:M with 0 < N <= M"),
        e.getMessage());
  }
}
