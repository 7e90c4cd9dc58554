package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SimulateCommandTest {
  @TempDir Path tmp;

  private static final String CFG =
      """
      [general]
      run_name = tiny_run

      [architecture_presets]
      ArrayHeight:    4
      ArrayWidth:     4
      IfmapSramSzkB:   64
      FilterSramSzkB:  64
      OfmapSramSzkB:   64
      IfmapOffset:    0
      FilterOffset:   10000000
      OfmapOffset:    20000000
      Bandwidth : 10
      Dataflow : os
      MemoryBanks:   1

      [run_presets]
      InterfaceBandwidth: CALC
      """;

  private static final String TOPO =
      """
      Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, \
      Strides,
      Conv1, 6, 6, 3, 3, 2, 5, 1,
      Conv2, 4, 4, 1, 1, 5, 3, 1,
      """;

  private Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void simulate_scaleSimFiles_writesReportsWithHandDerivedCycles() throws IOException {
    Path cfg = write("s.cfg", CFG);
    Path topo = write("t.csv", TOPO);
    Path out = tmp.resolve("out");
    Cli r = Cli.run("simulate", "-c", cfg.toString(), "-t", topo.toString(), "-p", out.toString());
    assertEquals(0, r.exitCode, r::toString);
    Path run = out.resolve("tiny_run");
    // Conv1: ofmap 4x4 = 16 pixels (Sr), 5 filters (Sc), T = 3*3*2 = 18 on 4x4 OS:
    // 4 row folds x 2 col folds = 8 folds of 18 + 4 + 4 - 2 = 24 cycles = 192; SCALE-Sim: 191.
    // Conv2: Sr = 16, Sc = 3, T = 5: 4 x 1 folds of 5 + 6 = 11 cycles = 44; SCALE-Sim: 43.
    var lines = Files.readAllLines(run.resolve("COMPUTE_REPORT.csv"));
    assertAll(
        () -> assertTrue(lines.get(1).startsWith("0, 191, 0, "), lines.get(1)),
        () -> assertTrue(lines.get(2).startsWith("1, 43, 0, "), lines.get(2)),
        () -> assertTrue(Files.exists(run.resolve("BANDWIDTH_REPORT.csv"))),
        () -> assertTrue(Files.exists(run.resolve("DETAILED_ACCESS_REPORT.csv"))),
        () -> assertTrue(Files.readString(run.resolve("SUMMARY.json")).contains("\"cycles\": 236")),
        () -> assertTrue(r.out.contains("total"), r.out));
  }

  /** CFG as a SCALE-Sim v3 file: USER bandwidth 2, v3's sections and keys. */
  private static String v3Cfg(String layoutExtra) {
    return CFG.replace(
                "InterfaceBandwidth: CALC",
                "InterfaceBandwidth: USER\nUseRamulatorTrace:" + " False")
            .replace("Bandwidth : 10", "Bandwidth : 2")
            .replace("MemoryBanks:   1", "ReadRequestBuffer: 32\nWriteRequestBuffer: 32")
            .replace("IfmapSramSzkB:   64", "IfmapSramSzkB:   1")
            .replace("FilterSramSzkB:  64", "FilterSramSzkB:  1")
        + "\n[layout]\nIfmapCustomLayout: False\nIfmapSRAMBankBandwidth: 4\nIfmapSRAMBankNum: 1\n"
        + "FilterCustomLayout: False\nFilterSRAMBankBandwidth: 4\nFilterSRAMBankNum: 1\n"
        + layoutExtra
        + "\n[sparsity]\nSparsitySupport : false\n";
  }

  @Test
  void simulate_v3Files_unchanged_v3Reports_notesOnStderr_andScalesim2Forces() throws IOException {
    Path cfg = write("v3.cfg", v3Cfg(""));
    Path topo =
        write(
            "t.csv",
            TOPO.replace("Conv1, 6, 6, 3, 3, 2, 5, 1,", "Conv1, 6, 6, 3, 3, 2, 5, 1, 2:4,"));
    Path layout = write("layout.csv", "anything\n");
    Cli r =
        Cli.run(
            "simulate",
            "-c",
            cfg.toString(),
            "-t",
            topo.toString(),
            "-l",
            layout.toString(),
            "-p",
            tmp.resolve("v3").toString());
    assertEquals(0, r.exitCode, r::toString);
    String compute = Files.readString(tmp.resolve("v3/tiny_run/COMPUTE_REPORT.csv"));
    Cli v2 =
        Cli.run(
            "simulate",
            "-c",
            cfg.toString(),
            "-t",
            topo.toString(),
            "--scalesim",
            "2",
            "-p",
            tmp.resolve("v2").toString());
    assertEquals(0, v2.exitCode, v2::toString);
    String compute2 = Files.readString(tmp.resolve("v2/tiny_run/COMPUTE_REPORT.csv"));
    assertAll(
        () ->
            assertTrue(
                compute.startsWith("LayerID, Total Cycles (incl. prefetch), Total Cycles,"),
                compute),
        () -> assertTrue(compute2.startsWith("LayerID, Total Cycles, Stall Cycles,"), compute2),
        // every note is one line naming the file, line and setting
        () ->
            assertTrue(
                r.err.contains(
                    "tessel: note: "
                        + cfg
                        + ":15: ReadRequestBuffer: ignored"
                        + " (SCALE-Sim v3 uses it only with UseRamulatorTrace: True)"),
                r.err),
        () ->
            assertTrue(
                r.err.contains("tessel: note: " + topo + ":2: Sparsity: ignored (2:4;"), r.err),
        () -> assertTrue(r.err.contains("tessel: note: " + layout + ": ignored"), r.err),
        () ->
            assertEquals(
                r.err.lines().count(),
                r.err.lines().filter(l -> l.startsWith("tessel: note: ")).count(),
                r.err),
        () ->
            assertTrue(
                v2.err.contains(
                    "IfmapSRAMBankBandwidth: ignored (SCALE-Sim v2 reads"
                        + " every operand at Bandwidth)"),
                v2.err));
  }

  @Test
  void v3_whatWouldChangeTheNumbers_refusedInOneLine() throws IOException {
    Cli r = failing(v3Cfg("").replace("UseRamulatorTrace: False", "UseRamulatorTrace: True"), TOPO);
    assertTrue(
        r.err.contains(
            "bad.cfg:20: UseRamulatorTrace: Ramulator DRAM traces are not" + " modelled"),
        r.err);
    Cli s = failing(v3Cfg("").replace("SparsitySupport : false", "SparsitySupport : true"), TOPO);
    assertTrue(s.err.contains("SparsitySupport: sparsity is not modelled yet"), s.err);
    Cli l =
        Cli.run(
            "simulate",
            "-c",
            write("v3.cfg", v3Cfg("")).toString(),
            "-t",
            write("t.csv", TOPO).toString(),
            "-l",
            tmp.resolve("none.csv").toString());
    assertEquals(3, l.exitCode, l::toString);
    assertTrue(
        l.err.strip().endsWith("none.csv: file not found (SCALE-Sim v3's -l layout" + " file)"),
        l.err);
  }

  @Test
  void simulate_defaultHardware_runsShippedNetwork() {
    Path net =
        Path.of(System.getProperty("tessel.root.dir", ".."), "traces", "networks", "resnet18.yaml");
    Cli r = Cli.run("simulate", "-t", net.toString(), "-q");
    assertEquals(0, r.exitCode, r::toString);
    assertTrue(r.out.startsWith("resnet18: "), r.out);
  }

  @Test
  void simulate_sameInputs_byteIdenticalOutputs() throws IOException {
    Path cfg = write("s.cfg", CFG);
    Path topo = write("t.csv", TOPO);
    // one thread and three (the layers of SCALE-Sim's model run in parallel)
    Cli.run(
        "simulate",
        "-c",
        cfg.toString(),
        "-t",
        topo.toString(),
        "-p",
        tmp.resolve("a").toString(),
        "--threads",
        "1");
    Cli.run(
        "simulate",
        "-c",
        cfg.toString(),
        "-t",
        topo.toString(),
        "-p",
        tmp.resolve("b").toString(),
        "--threads",
        "3");
    for (String f :
        new String[] {
          "COMPUTE_REPORT.csv", "BANDWIDTH_REPORT.csv", "DETAILED_ACCESS_REPORT.csv", "SUMMARY.json"
        }) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a/tiny_run").resolve(f)),
          Files.readAllBytes(tmp.resolve("b/tiny_run").resolve(f)),
          f);
    }
  }

  private Cli failing(String cfg, String topo) throws IOException {
    Path c = write("bad.cfg", cfg);
    Path t = write("bad.csv", topo);
    Cli r =
        Cli.run(
            "simulate",
            "-c",
            c.toString(),
            "-t",
            t.toString(),
            "-p",
            tmp.resolve("out").toString());
    assertEquals(3, r.exitCode, r::toString);
    assertFalse(Files.exists(tmp.resolve("out").resolve("tiny_run")), "no output left behind");
    assertEquals(1, r.err.strip().lines().count(), () -> "one line: " + r.err);
    assertFalse(r.err.contains("Exception"), r.err);
    return r;
  }

  @Test
  void nonPositiveThreads_oneLineError() throws IOException {
    Cli r =
        Cli.run(
            "simulate",
            "-c",
            write("s.cfg", CFG).toString(),
            "-t",
            write("t.csv", TOPO).toString(),
            "--threads",
            "0");
    assertEquals(3, r.exitCode, r::toString);
    assertEquals("tessel: --threads: must be > 0, was 0", r.err.strip());
  }

  @Test
  void missingFile_oneLineError() {
    Cli r = Cli.run("simulate", "-t", tmp.resolve("nope.csv").toString());
    assertEquals(3, r.exitCode, r::toString);
    assertTrue(r.err.contains("nope.csv") && r.err.contains("file not found"), r.err);
  }

  @Test
  void misspeltKey_namesLineAndSuggests() throws IOException {
    Cli r = failing(CFG.replace("ArrayWidth:", "ArrayWdth:"), TOPO);
    assertTrue(r.err.contains("bad.cfg:6: ArrayWdth: unknown key"), r.err);
    assertTrue(r.err.contains("did you mean 'arraywidth'"), r.err);
  }

  @Test
  void nonNumericSize_namesField() throws IOException {
    Cli r = failing(CFG.replace("IfmapSramSzkB:   64", "IfmapSramSzkB:   64k"), TOPO);
    assertTrue(r.err.contains("bad.cfg:7: IfmapSramSzkB: expected a whole number"), r.err);
  }

  @Test
  void nonPositiveSize_namesField() throws IOException {
    Cli r = failing(CFG.replace("ArrayHeight:    4", "ArrayHeight:    0"), TOPO);
    assertTrue(r.err.contains("bad.cfg:5: ArrayHeight:"), r.err);
  }

  @Test
  void unknownDataflow_namesField() throws IOException {
    Cli r = failing(CFG.replace("Dataflow : os", "Dataflow : xs"), TOPO);
    assertTrue(r.err.contains("bad.cfg:14: Dataflow: expected os|ws|is"), r.err);
  }

  @Test
  void filterLargerThanInput_namesLine() throws IOException {
    Cli r = failing(CFG, TOPO.replace("Conv2, 4, 4, 1, 1", "Conv2, 4, 4, 5, 5"));
    assertTrue(r.err.contains("bad.csv:3: Conv2: filter 5x5 is larger than its input 4x4"), r.err);
  }

  @Test
  void nonNumericTopologyCell_namesColumn() throws IOException {
    Cli r =
        failing(CFG, TOPO.replace("Conv1, 6, 6, 3, 3, 2, 5, 1", "Conv1, 6, 6, 3, 3, two, 5, 1"));
    assertTrue(
        r.err.contains("bad.csv:2: Channels: expected a whole number > 0, was 'two'"), r.err);
  }

  @Test
  void emptyTopology_isRefused() throws IOException {
    Cli r = failing(CFG, "Layer name, IFMAP Height, IFMAP Width\n");
    assertTrue(r.err.contains("bad.csv: the topology has no layers"), r.err);
  }

  @Test
  void failedRun_keepsPreviousOutput() throws IOException {
    Path cfg = write("s.cfg", CFG);
    Path topo = write("t.csv", TOPO);
    Path out = tmp.resolve("out");
    assertEquals(
        0,
        Cli.run("simulate", "-c", cfg.toString(), "-t", topo.toString(), "-p", out.toString())
            .exitCode);
    byte[] before = Files.readAllBytes(out.resolve("tiny_run/COMPUTE_REPORT.csv"));
    Path bad = write("bad.csv", "header\nConv1, 6, 6, 9, 9, 2, 5, 1,\n");
    Cli r = Cli.run("simulate", "-c", cfg.toString(), "-t", bad.toString(), "-p", out.toString());
    assertEquals(3, r.exitCode, r::toString);
    assertArrayEquals(before, Files.readAllBytes(out.resolve("tiny_run/COMPUTE_REPORT.csv")));
    try (var s = Files.list(out)) {
      assertEquals(1, s.count(), "no temporary directories left");
    }
  }

  @Test
  void configAndPresetTogether_isUsageError() throws IOException {
    Path cfg = write("s.cfg", CFG);
    Path topo = write("t.csv", TOPO);
    Cli r = Cli.run("simulate", "-c", cfg.toString(), "--hw", "default", "-t", topo.toString());
    assertEquals(2, r.exitCode, r::toString);
  }

  @Test
  void unknownPreset_suggests() throws IOException {
    Path topo = write("t.csv", TOPO);
    Cli r = Cli.run("simulate", "--hw", "defualt", "-t", topo.toString());
    assertEquals(3, r.exitCode, r::toString);
    assertTrue(r.err.contains("unknown preset 'defualt' (did you mean 'default'?)"), r.err);
  }

  @Test
  void systolicDataflowOnBusHardware_isRefusedClearly() throws IOException {
    Path topo = write("t.csv", TOPO);
    Cli r = Cli.run("simulate", "--hw", "eyeriss", "--dataflow", "os", "-t", topo.toString());
    assertEquals(3, r.exitCode, r::toString);
    assertTrue(
        r.err.contains(
            "os runs on a systolic mesh, but this hardware's network is xy_bus"
                + " (use --dataflow rs, or noc.topology: mesh)"),
        r.err);
  }
}
