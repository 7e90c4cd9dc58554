package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tessel profile}: outputs, progress on stderr, and one-line refusals with no output. */
final class ProfileCommandTest {
  @TempDir Path tmp;

  private static final String TINY =
      Path.of(System.getProperty("tessel.root.dir", ".."), "docs", "examples", "tiny_cnn.yaml")
          .toString();

  @Test
  void profile_writesCsvAndPlot_andPrintsTheFront() throws IOException {
    Path out = tmp.resolve("out");
    Cli r =
        Cli.run(
            "profile",
            "-t",
            TINY,
            "--sweep",
            "array.size=4:16:*2",
            "--sweep",
            "sram.eachKiB=8,64",
            "--threads",
            "2",
            "-p",
            out.toString());
    assertEquals(0, r.exitCode, r::toString);
    Path dir = out.resolve("tiny_cnn_tessel_default");
    assertAll(
        () -> assertEquals(4 + 6, Files.readAllLines(dir.resolve("PROFILE.csv")).size()),
        () -> assertTrue(Files.readString(dir.resolve("pareto.html")).contains("<svg")),
        () -> assertTrue(Files.readString(dir.resolve("pareto.svg")).contains("latency (")),
        () ->
            assertTrue(
                r.out.startsWith(
                    "tiny_cnn on tessel_default: 6 points (6 computed, 0"
                        + " reused), 0 infeasible, "),
                r.out),
        () -> assertTrue(r.out.contains("array.size sram.eachKiB cycles"), r.out),
        () ->
            assertTrue(r.err.contains("profile: [##############################] 6/6 100%"), r.err),
        () -> assertTrue(r.err.contains("evaluation cache: "), r.err));
    byte[] first = Files.readAllBytes(dir.resolve("PROFILE.csv"));
    Cli again =
        Cli.run(
            "profile",
            "-t",
            TINY,
            "--sweep",
            "array.size=4:16:*2",
            "--sweep",
            "sram.eachKiB=8,64",
            "--threads",
            "1",
            "-p",
            out.toString());
    assertEquals(0, again.exitCode, again::toString);
    assertTrue(
        again.err.startsWith("profile: resuming, 6 of 6 points already in PROFILE.csv"), again.err);
    assertArrayEquals(first, Files.readAllBytes(dir.resolve("PROFILE.csv")));
  }

  @Test
  void gridFile_andName() throws IOException {
    Path grid = tmp.resolve("grid.yaml");
    Files.writeString(grid, "array.rows: [4, 8]\narray.cols: 8\n");
    Path out = tmp.resolve("out");
    Cli r =
        Cli.run(
            "profile",
            "-t",
            TINY,
            "--grid",
            grid.toString(),
            "--objective",
            "edp",
            "--name",
            "mine",
            "--no-progress",
            "-p",
            out.toString());
    assertEquals(0, r.exitCode, r::toString);
    assertTrue(Files.readString(out.resolve("mine/PROFILE.csv")).contains("objective edp"));
    assertFalse(r.err.contains("["), r.err);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--sweep array.rows=32:8:8 | tessel: --sweep: array.rows: reversed range '32:8:8': start 32"
            + " > stop 8",
        "--sweep array.rows= | tessel: --sweep: array.rows: no values",
        "--sweep array.rowz=8 | tessel: --sweep: unknown parameter 'array.rowz' (did you mean"
            + " 'array.rows'?)",
        "--sweep array.size=8 --sweep array.cols=8 | tessel: --sweep: array.cols: also set by"
            + " array.size (--sweep)",
        "--hw eyeriss --sweep scratchpad.filterWords=1,2 | tessel: tiny_cnn: no point of the sweep"
            + " fits (2 of 2 infeasible); scratchpad.filterWords=1: layer conv1: no dataflow and"
            + " tiling fits: rs: filter row of 3 words needs p*q*S <= 1 filter scratchpad words (2"
            + " too many)",
        "--sweep dram.bandwidthWordsPerCycle=4,8 | tessel: --sweep: dram.bandwidthWordsPerCycle:"
            + " has no effect",
        "--threads 0 | tessel: --threads: must be > 0, was 0",
        "--objective speed | tessel: --objective: expected cycles, energy or edp, was 'speed'",
        "--batch 0 | tessel: --batch: must be > 0, was 0",
      })
  void badInput_isOneLine_exit3_andNoOutput(String args, String expected) {
    Path out = tmp.resolve("out");
    String[] extra = args.split(" ", -1);
    String[] all = new String[extra.length + 5];
    all[0] = "profile";
    all[1] = "-t";
    all[2] = TINY;
    System.arraycopy(extra, 0, all, 3, extra.length);
    all[extra.length + 3] = "-p";
    all[extra.length + 4] = out.toString();
    Cli r = Cli.run(all);
    assertAll(
        () -> assertEquals(3, r.exitCode, r::toString),
        // progress lines may come first when points ran; the error is one line, the last
        () ->
            assertEquals(
                1, r.err.lines().filter(l -> l.startsWith("tessel:")).count(), r::toString),
        () ->
            assertTrue(
                r.err.lines().reduce((a, b) -> b).orElse("").startsWith(expected), r::toString),
        () -> assertEquals("", r.out),
        () -> assertFalse(Files.exists(out), "no output directory"));
  }

  @Test
  void gridFileMistake_namesFileAndLine() throws IOException {
    Path grid = tmp.resolve("g.csv");
    Files.writeString(grid, "array.rows,array.cols\n8,8\n16\n");
    Cli r =
        Cli.run(
            "profile", "-t", TINY, "--grid", grid.toString(), "-p", tmp.resolve("out").toString());
    assertEquals(3, r.exitCode, r::toString);
    assertEquals(
        "tessel: " + grid + ":3: expected 2 values (array.rows,array.cols), found 1",
        r.err.strip());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void progressBar_showsRateAndEta() {
    StringWriter sw = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintWriter(sw), true, now::get);
    bar.started(100, 20);
    now.set(2_000_000_000L);
    bar.pointDone(60, 100); // 40 points in 2 s: 20 points/s, 40 left: 2 s
    assertEquals(
        "profile: resuming, 20 of 100 points already in PROFILE.csv\n"
            + "\r[##################------------] 60/100  60%  20.0 points/s  ETA 0:02",
        sw.toString());
    assertEquals("1:01:01", ProgressBar.clock(3661));
  }
}
