package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessel simulate --hw eyeriss --dataflow rs}: the Eyeriss validation run. */
final class EyerissCommandTest {
  @TempDir Path tmp;

  private static Path root() {
    return Path.of(System.getProperty("tessel.root.dir", ".."));
  }

  @Test
  void alexnetOnEyeriss_writesFiveComputeRows() throws IOException {
    Path net = root().resolve("traces/networks/alexnet_eyeriss.csv");
    Path out = tmp.resolve("out");
    Cli r =
        Cli.run(
            "simulate",
            "--hw",
            "eyeriss",
            "--dataflow",
            "rs",
            "--batch",
            "4",
            "-t",
            net.toString(),
            "-p",
            out.toString());
    assertEquals(0, r.exitCode, r::toString);
    List<String> lines = Files.readAllLines(out.resolve("eyeriss/COMPUTE_REPORT.csv"));
    assertAll(
        () -> assertEquals(6, lines.size(), "header and five layers: " + lines),
        // CONV1: 288 passes, 7 of 11001 cycles and 1 of 10993 each per 8 strips, 3168000 cycles
        // of processing, plus the stalls on the 64-bit 60 MHz link; SCALE-Sim's Total Cycles
        // are one less than the duration
        () -> assertEquals(3168000 - 1, total(lines.get(1)) - stall(lines.get(1)), lines.get(1)),
        () -> assertTrue(stall(lines.get(1)) > 0, lines.get(1)),
        () -> assertTrue(r.out.contains("rs"), r.out),
        () -> assertTrue(r.out.contains("CONV5"), r.out));
  }

  @Test
  void rowStationaryOnAMesh_isAConfigError() {
    Path net = root().resolve("traces/networks/alexnet_eyeriss.csv");
    Cli r = Cli.run("simulate", "--dataflow", "rs", "-t", net.toString(), "-q");
    assertAll(
        () -> assertEquals(3, r.exitCode, r::toString),
        () ->
            assertTrue(
                r.err.contains(
                    "layer CONV1: no row-stationary mapping fits: row"
                        + " stationary needs noc.topology xybus"),
                r.err),
        () -> assertEquals(1, r.err.strip().lines().count(), r.err),
        () -> assertFalse(r.err.contains("Exception"), r.err));
  }

  @Test
  void layerThatDoesNotFit_isAConfigErrorNamingIt() throws IOException {
    Path topo = tmp.resolve("t.csv");
    Files.writeString(
        topo,
        """
        Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, \
        Strides,
        conv9, 32, 32, 3, 13, 8, 16, 1,
        """);
    Cli r = Cli.run("simulate", "--hw", "eyeriss", "-t", topo.toString(), "-q");
    assertAll(
        () -> assertEquals(3, r.exitCode, r::toString),
        () ->
            assertTrue(
                r.err.contains(
                    "layer conv9: no row-stationary mapping fits: filter row"
                        + " of 13 words needs q*S <= 12 ifmap scratchpad words (1 too many)"),
                r.err));
  }

  private static long total(String row) {
    return Long.parseLong(row.split(",", -1)[1].strip());
  }

  private static long stall(String row) {
    return Long.parseLong(row.split(",", -1)[2].strip());
  }
}
