package org.tessel.validate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.testing.Shared;
import org.tessel.validate.catalog.Suites;
import org.tessel.validate.eyeriss.EyerissSuite;
import org.tessel.validate.scalesim.ScaleSim3Suite;
import org.tessel.validate.scalesim.ScaleSimSuite;

/** The validation suites over the real reference data (skipped when absent) and tampered copies. */
final class ValidationTest {
  @TempDir Path tmp;

  private static ValidationReport real;

  private static synchronized ValidationReport real() {
    if (real == null) {
      real =
          Validation.run(
              Suites.simulator(), "eyeriss", Shared.validationDir(), Shared.rootDir(), s -> {});
    }
    return real;
  }

  /** A copy of one small SCALE-Sim case (and its topology) under {@code tmp/data}. */
  static Path copyCase(Path data, Path tmp, String name, String topology) throws IOException {
    Path copy = tmp.resolve("data");
    Path cases = copy.resolve("scalesim/cases").resolve(name);
    Files.createDirectories(cases);
    try (var s = Files.list(data.resolve("scalesim/cases").resolve(name))) {
      for (Path p : s.toList()) {
        Files.copy(p, cases.resolve(p.getFileName()));
      }
    }
    Path topo = copy.resolve("scalesim/topologies");
    Files.createDirectories(topo);
    Files.copy(
        data.resolve("scalesim/topologies/" + topology + ".csv"), topo.resolve(topology + ".csv"));
    return copy;
  }

  /**
   * The Eyeriss suite on the real data. The whole validation (every suite, and docs/validation.md
   * current) runs once in the default build, in the CLI's {@code ValidateCommandTest}; this module
   * checks the suite whose tolerances and deviations it defines.
   */
  @Test
  void eyerissSuite_realData_allPass() {
    ValidationReport r = real();
    List<String> failed = new ArrayList<>();
    r.results().stream().filter(c -> !c.passed()).forEach(c -> failed.add(c.name()));
    long eyeriss = r.results().stream().filter(c -> c.suite().equals("eyeriss")).count();
    assertAll(
        r.table(),
        () -> assertTrue(r.passed(), "failed: " + failed),
        () -> assertEquals(r.results().size(), eyeriss),
        () ->
            assertEquals(
                33,
                eyeriss,
                "chip rule: 5 latencies and the total, 5 active-PE"
                    + " counts, 5 buffer and 5 DRAM counts, 5 total latencies and their total; best"
                    + " rule: 5 latencies and the total"),
        () ->
            assertTrue(
                r.table()
                    .endsWith(
                        r.results().size()
                            + " cases: "
                            + r.results().size()
                            + " passed, 0 failed\n"),
                r.table()));
  }

  @Test
  void eyerissDeviations_carryTheirToleranceAndReason() {
    ValidationReport r = real();
    for (String name : EyerissSuite.DEVIATIONS.keySet()) {
      CaseResult c =
          r.results().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
      assertAll(
          name,
          () ->
              assertTrue(
                  c.tolerance() > EyerissSuite.COUNTER_TOLERANCE && c.tolerance() <= 0.5,
                  c.toString()),
          () ->
              assertTrue(
                  Math.abs(c.error()) > EyerissSuite.LAYER_TOLERANCE,
                  "still a" + " deviation: " + c),
          () -> assertTrue(c.note().contains("docs/validation.md"), c.note()));
    }
  }

  @Test
  void output_isDeterministic() {
    ValidationReport a = real();
    ValidationReport b =
        Validation.run(
            Suites.simulator(), "eyeriss", Shared.validationDir(), Shared.rootDir(), s -> {});
    String eyerissRows =
        a.table()
            .lines()
            .filter(l -> l.contains("JSSC"))
            .map(String::strip)
            .reduce("", (x, y) -> x + y + "\n");
    String again =
        b.table()
            .lines()
            .filter(l -> l.contains("JSSC"))
            .map(String::strip)
            .reduce("", (x, y) -> x + y + "\n");
    assertEquals(eyerissRows.replaceAll(" +", " "), again.replaceAll(" +", " "));
    assertTrue(a.html().contains("<svg"));
  }

  /** SCALE-Sim v3: one changed digit in a bandwidth cell fails the case (lines, not totals). */
  @Test
  void scaleSim3_tamperedLine_fails_untouchedCopy_passes() throws IOException {
    Path src = Shared.validationDir().resolve("scalesim3/cases/test_os_8x8_64kB_CALC");
    Path c = tmp.resolve("scalesim3/cases/test_os_8x8_64kB_CALC");
    Files.createDirectories(c);
    try (var s = Files.list(src)) {
      for (Path p : s.toList()) {
        Files.copy(p, c.resolve(p.getFileName()));
      }
    }
    CaseResult ok = ScaleSim3Suite.runCase(c);
    Path report = c.resolve("BANDWIDTH_REPORT.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(report));
    String line = lines.get(1);
    int dot = line.indexOf('.');
    char d = line.charAt(dot + 1);
    lines.set(
        1,
        line.substring(0, dot + 1) + (d == '9' ? '0' : (char) (d + 1)) + line.substring(dot + 2));
    Files.write(report, lines);
    CaseResult bad = ScaleSim3Suite.runCase(c);
    assertAll(
        () -> assertTrue(ok.passed(), ok.toString()),
        () -> assertEquals("6/6 report lines identical", ok.note()),
        () -> assertFalse(bad.passed(), bad.toString()),
        () -> assertEquals("5/6 report lines identical", bad.note()),
        () -> assertEquals(-1, bad.error()));
  }

  @Test
  void tamperedReference_fails_untouchedCopy_passes() throws IOException {
    Path data = Shared.validationDir();
    Path copy = copyCase(data, tmp, "test__os__32x32__64kB", "test");
    Path c = copy.resolve("scalesim/cases/test__os__32x32__64kB");
    CaseResult ok = ScaleSimSuite.runCase(c);
    Path report = c.resolve("COMPUTE_REPORT.csv");
    String text = Files.readString(report);
    assertTrue(text.contains("0, 21479, 0,"), text);
    Files.writeString(report, text.replace("0, 21479, 0,", "0, 21480, 0,"));
    CaseResult bad = ScaleSimSuite.runCase(c);
    ValidationReport r =
        Validation.run(Suites.simulator(), "scalesim", copy, Shared.rootDir(), s -> {});
    assertAll(
        () -> assertTrue(ok.passed(), ok.toString()),
        () -> assertFalse(bad.passed(), bad.toString()),
        () -> assertEquals(-1, bad.error()),
        () -> assertEquals(0, bad.tolerance()),
        () -> assertEquals("0/1 layers exact", bad.note()),
        () -> assertFalse(r.passed()),
        () -> assertTrue(r.table().contains("FAIL"), r.table()),
        () -> assertTrue(r.table().contains("1 cases: 0 passed, 1 failed"), r.table()));
  }

  @Test
  void missingDataDir_isAConfigError() {
    Path none = tmp.resolve("nope");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> Validation.run(Suites.simulator(), "all", none, tmp, s -> {}));
    assertTrue(e.getMessage().contains("validation data directory not found"), e.getMessage());
  }

  @Test
  void unknownSuite_isAConfigError() {
    assertThrows(
        ConfigException.class,
        () -> Validation.run(Suites.simulator(), "timeloop", tmp, tmp, s -> {}));
  }

  @Test
  void caseResult_exactAndRelativeTolerances() {
    CaseResult exact = CaseResult.absolute("s", "c", "src", 10, 11, "cycles", 0, "");
    CaseResult within = CaseResult.relative("s", "c", "src", 100, 110, "ms", 0.10, "");
    CaseResult over = CaseResult.relative("s", "c", "src", 100, 110.5, "ms", 0.10, "");
    assertAll(
        () -> assertFalse(exact.passed()),
        () -> assertEquals(Double.POSITIVE_INFINITY, exact.errorRatio()),
        () -> assertEquals("+1 cycles", exact.errorText()),
        () -> assertEquals("exact", exact.toleranceText()),
        () -> assertTrue(within.passed()),
        () -> assertEquals("<= 10 %", within.toleranceText()),
        () -> assertEquals("+10.0 %", within.errorText()),
        () -> assertEquals("100.00 ms", within.referenceText()),
        () -> assertFalse(over.passed()),
        () -> assertFalse(new ValidationReport(List.of(within, over)).passed()),
        () -> assertTrue(new ValidationReport(List.of(over)).html().contains("<svg")));
  }

  @Test
  void markdown_oneRowPerCase_numbersRightAligned_failuresBold_pipesEscaped() {
    CaseResult pass = CaseResult.absolute("s", "a|b", "src", 10, 10, "cycles", 0, "1/1 exact");
    CaseResult fail = CaseResult.relative("s", "c", "src", 100, 120, "ms", 0.10, "");
    String md = new ValidationReport(List.of(pass, fail)).markdown();
    List<String> lines = md.lines().toList();
    assertAll(
        md,
        () ->
            assertEquals(
                "| case | reference source | reference | tessel | error | tolerance"
                    + " | result | note |",
                lines.get(0)),
        () -> assertEquals("|---|---|---:|---:|---:|---|---|---|", lines.get(1)),
        () ->
            assertEquals(
                "| a\\|b | src | 10 cycles | 10 cycles | +0 cycles | exact | pass"
                    + " | 1/1 exact |",
                lines.get(2)),
        () -> assertTrue(lines.get(3).contains("| **FAIL** |"), lines.get(3)),
        () -> assertEquals("", lines.get(4)),
        () -> assertEquals("2 cases: 1 passed, 1 failed", lines.get(5)),
        () -> assertEquals(6, lines.size()));
  }
}
