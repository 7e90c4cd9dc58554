package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, inputs: the listed inputs that hung, crashed or were accepted are refused with one line
 * naming the file, line and field, exit code 3, and nothing written.
 */
final class InputSafetyTest {
  private static final String HW =
      String.join(
          "\n",
          "name: small",
          "clockMHz: 200",
          "array: {rows: 8, cols: 8}",
          "sram: {ifmapKiB: 64, filterKiB: 64, ofmapKiB: 64}",
          "dram: {mode: calc}",
          "");

  @TempDir Path tmp;

  private Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  private static Path shipped(String... parts) {
    return Path.of(System.getProperty("tessel.root.dir", ".."), parts);
  }

  private void refused(String message, String... args) {
    Path out = tmp.resolve("out");
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "-p";
    all[args.length + 1] = out.toString();
    Cli r = Cli.run(all);
    String err = r.err.replace(tmp + "/", "");
    assertAll(
        () -> assertEquals(3, r.exitCode, r::toString),
        () -> assertEquals("tessel: " + message + "\n", err),
        () -> assertFalse(Files.exists(out), "nothing written"));
  }

  @Test
  void gemmOfIntMaxCubed_isRefusedNotRunForever() throws IOException {
    Path net =
        write(
            "g.yaml",
            "name: big\nlayers:\n"
                + "  - {name: g, type: gemm, m: 2147483647, n: 2147483647, k: 2147483647}\n");
    refused(
        "g.yaml: layer g: its sizes at batch 1 overflow 64-bit counts (operand matrices or"
            + " MACs beyond 2^63)",
        "simulate",
        "-t",
        net.toString(),
        "-q");
  }

  @Test
  void convOfIntMaxFilters_isRefusedWithItsFoldCount() throws IOException {
    // Sr = 6 x 6 outputs = 36 -> 2 row folds of 32; Sc = 2^31 - 1 -> 2^26 column folds: 2^27
    Path net =
        write(
            "c.yaml",
            "name: big\ninput: {height: 8, width: 8, channels: 3}\nlayers:\n"
                + "  - {name: c, type: conv, filters: 2147483647, kernel: 3}\n");
    refused(
        "c.yaml: layer c: needs 134217728 folds at batch 1 on a 32x32 array (os); at most"
            + " 16777216 (2^24) folds per layer are simulated",
        "simulate",
        "-t",
        net.toString(),
        "-q");
  }

  @Test
  void batchOfIntMax_isRefused() {
    // alexnet conv1: 55 x 55 outputs x (2^31 - 1) = 6.5e12 rows -> 203,279,903,671 row folds
    // of 32, times 3 column folds (96 filters) = 609,839,711,013
    Path net = shipped("traces", "networks", "alexnet.yaml");
    Cli r = Cli.run("simulate", "-t", net.toString(), "--batch", "2147483647", "-q");
    assertAll(
        () -> assertEquals(3, r.exitCode, r::toString),
        () ->
            assertTrue(
                r.err.matches(
                    "tessel: .*alexnet.yaml: layer conv1: needs \\d+ folds at"
                        + " batch 2147483647 on a 32x32 array \\(os\\); at most 16777216 \\(2\\^24\\) folds"
                        + " per layer are simulated\n"),
                r.err));
  }

  @Test
  void yamlNested2000Deep_isOneLine() throws IOException {
    Path net =
        write(
            "deep.yaml", "name: x\ninput: " + "{a: ".repeat(2000) + "1" + "}".repeat(2000) + "\n");
    refused("deep.yaml:2: nested more than 64 levels deep", "simulate", "-t", net.toString());
  }

  @Test
  void binaryAndLatin1Files_areRefusedPlainly() throws IOException {
    Path bin = tmp.resolve("bin.yaml");
    Files.write(bin, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
    refused(
        "bin.yaml:1: a binary file (a NUL byte), expected UTF-8 text",
        "simulate",
        "-t",
        bin.toString());
    Path latin = tmp.resolve("latin.yaml");
    Files.write(latin, "name: tiny\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    refused(
        "latin.yaml:2: not UTF-8 text (byte 0xe9 at offset 16); save the file as UTF-8",
        "simulate",
        "-t",
        latin.toString());
  }

  @Test
  void bomAndCrlf_areAcceptedByEveryReader_quotedNumbersByNone() throws IOException {
    String net =
        "name: tiny\r\ninput: {height: 8, width: 8, channels: 3}\r\nlayers:\r\n"
            + "  - {name: c, type: conv, filters: 16, kernel: 3}\r\n";
    Path yaml = write("bom.yaml", "\ufeff" + net);
    Path hw = write("hw.yaml", "\ufeff" + HW.replace("\n", "\r\n"));
    Path cfg =
        write(
            "s.cfg",
            "\ufeff[general]\r\nrun_name = r\r\n[architecture_presets]\r\n"
                + "ArrayHeight: 8\r\nArrayWidth: 8\r\nIfmapSramSzkB: 64\r\nFilterSramSzkB: 64\r\n"
                + "OfmapSramSzkB: 64\r\nDataflow: os\r\n");
    Path csv =
        write(
            "t.csv",
            "\ufeffLayer, IFMAP Height, IFMAP Width, Filter Height, Filter"
                + " Width, Channels, Num Filter, Strides,\r\nc, 8, 8, 3, 3, 3, 16, 1,\r\n");
    Cli a = Cli.run("simulate", "-t", yaml.toString(), "--hw", hw.toString(), "-q");
    Cli b = Cli.run("simulate", "-t", csv.toString(), "-c", cfg.toString(), "-q");
    // 6 x 6 = 36 outputs, 16 filters, window 27 on 8 x 8 OS: 5 x 2 folds of 27 + 14 = 41 cycles
    assertAll(
        () -> assertEquals(0, a.exitCode, a::toString),
        () -> assertTrue(a.out.startsWith("tiny: 410 cycles"), a.out),
        () -> assertEquals(0, b.exitCode, b::toString),
        () -> assertTrue(b.out.startsWith("t: 410 cycles"), b.out));
    Path quoted = write("q.yaml", net.replace("filters: 16", "filters: \"16\""));
    refused(
        "q.yaml:4: layers[0].filters: expected a number, found the quoted text '16' (write"
            + " numbers without quotes)",
        "simulate",
        "-t",
        quoted.toString());
  }

  @Test
  void implausibleHardware_isRefusedAtItsLine() throws IOException {
    Path net = shipped("docs", "examples", "tiny_cnn.yaml");
    Path clock = write("clock.yaml", HW.replace("clockMHz: 200", "clockMHz: 1e-300"));
    refused(
        "clock.yaml:2: clockMHz: must be between 0.001 and 100000.0 MHz (1 kHz to 100 GHz),"
            + " was 1.0E-300",
        "simulate",
        "-t",
        net.toString(),
        "--hw",
        clock.toString());
    Path sram =
        write(
            "sram.yaml",
            HW.replace("ofmapKiB: 64}", "ofmapKiB: 64, wordBytes: 2048}")
                .replace("ifmapKiB: 64", "ifmapKiB: 1"));
    refused(
        "sram.yaml:4: sram.ifmapKiB: 1 KiB holds no word of 2048 bytes (every SRAM needs at"
            + " least one word)",
        "simulate",
        "-t",
        net.toString(),
        "--hw",
        sram.toString());
    Path rows = write("rows.yaml", HW.replace("rows: 8", "rows: 2147483647"));
    refused(
        "rows.yaml:3: array.rows: 2147483647x8 is beyond the limits (at most 65536 rows or"
            + " columns and 65536 PEs)",
        "simulate",
        "-t",
        net.toString(),
        "--hw",
        rows.toString());
  }

  @Test
  void profileSweepInExponentNotation_isRefusedBeforeAnyPoint() {
    Path net = shipped("docs", "examples", "tiny_cnn.yaml");
    refused(
        "--sweep: array.size: expected a whole number (digits only, no exponent or decimal"
            + " point), was '1e9'",
        "profile",
        "-t",
        net.toString(),
        "--sweep",
        "array.size=1e9");
    refused(
        "--sweep: array.size: must be <= 65536, '1000000' gives 1000000",
        "profile",
        "-t",
        net.toString(),
        "--sweep",
        "array.size=1000000");
  }

  @Test
  void replay_checksTheRecordedCycles() throws IOException {
    Path net = shipped("docs", "examples", "tiny_cnn.yaml");
    Path out = tmp.resolve("sched");
    assertEquals(0, Cli.run("schedule", "-t", net.toString(), "-p", out.toString(), "-q").exitCode);
    Path file = out.resolve("tessel_default/SCHEDULE.csv");
    String text = Files.readString(file);
    String[] lines = text.split("\n");
    String[] cells = lines[2].split(",", -1);
    long recorded = Long.parseLong(cells[4]);
    cells[4] = Long.toString(recorded + 1);
    lines[2] = String.join(",", cells);
    Files.writeString(file, String.join("\n", lines) + "\n");
    refused(
        "sched/tessel_default/SCHEDULE.csv:3: cycles: layer "
            + cells[0]
            + ": the schedule"
            + " records "
            + (recorded + 1)
            + " cycles, replaying it on tessel_default at batch 1 took "
            + recorded
            + " (written for other hardware, another batch or another version of"
            + " Tessel?)",
        "simulate",
        "-t",
        net.toString(),
        "--schedule",
        file.toString());
  }

  @Test
  void cfgAndTheEquivalentPreset_giveTheSameEnergy() throws IOException {
    Path cfg =
        write(
            "scale.cfg",
            String.join(
                "\n",
                "[general]",
                "run_name = s32",
                "[architecture_presets]",
                "ArrayHeight: 32",
                "ArrayWidth: 32",
                "IfmapSramSzkB: 64",
                "FilterSramSzkB: 64",
                "OfmapSramSzkB: 64",
                "IfmapOffset: 0",
                "FilterOffset: 10000000",
                "OfmapOffset: 20000000",
                "Bandwidth: 10",
                "Dataflow: os",
                "MemoryBanks: 1",
                "[run_presets]",
                "InterfaceBandwidth: CALC",
                ""));
    Path net = shipped("traces", "networks", "alexnet.yaml");
    Cli a = Cli.run("simulate", "-t", net.toString(), "-c", cfg.toString());
    Cli b = Cli.run("simulate", "-t", net.toString(), "--hw", "scalesim32");
    String ea = a.out.lines().filter(l -> l.startsWith("energy")).findFirst().orElse("none");
    String eb = b.out.lines().filter(l -> l.startsWith("energy")).findFirst().orElse("none");
    assertAll(
        () -> assertEquals(0, a.exitCode, a::toString),
        () -> assertEquals(eb, ea),
        () -> assertFalse(ea.contains("NoC 0.0%"), ea));
  }
}
