package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.validate.scalesim.ScaleSim3Suite;
import org.tessel.validate.scalesim.ScaleSimSuite;

/**
 * {@code tessel validate}: exit 0 on the real data (with docs/validation.md current), 5 on a
 * tampered copy, 3 without data.
 */
final class ValidateCommandTest {
  @TempDir Path tmp;

  private static Path root() {
    return Path.of(System.getProperty("tessel.root.dir", ".."));
  }

  private static Path data() {
    String prop = System.getProperty("tessel.shared.dir");
    Path v = Path.of(prop != null ? prop : "../../shared").resolve("validation");
    assumeTrue(Files.isDirectory(v), "../shared/validation is not present: test skipped");
    return v;
  }

  /**
   * The whole reference validation through the command: exit 0, the table on stdout, progress on
   * stderr, the HTML page with its chart, and the Markdown table equal to the one in
   * docs/validation.md (regenerate it with {@code ./tessel validate --markdown docs/validation.md}
   * when this fails after a change of results). Slow-tagged ({@code mvn verify -Pslow}): CI runs
   * the same validation once, with the built jar, in {@code .ci/run}'s validate step, where the
   * HW-NAS-Bench ranking of all 15,625 cells twice is most of its 12 s.
   */
  @Test
  @Tag("slow")
  void realData_passes_andDocsValidationMdIsCurrent() throws IOException {
    Path data = data();
    Path html = tmp.resolve("report/validation.html");
    Path doc = root().resolve("docs/validation.md");
    Path copy = tmp.resolve("validation.md");
    Files.copy(doc, copy);
    Cli r =
        Cli.run(
            "validate",
            "--data",
            data.toString(),
            "--root",
            root().toString(),
            "--html",
            html.toString(),
            "--markdown",
            copy.toString());
    String page = Files.readString(html);
    List<String> want = Files.readAllLines(copy);
    List<String> have = Files.readAllLines(doc);
    int line = 0;
    while (line < Math.min(want.size(), have.size()) && want.get(line).equals(have.get(line))) {
      line++;
    }
    int first = line + 1;
    assertAll(
        () -> assertEquals(0, r.exitCode, r::toString),
        () -> assertTrue(r.out.startsWith("case "), r.out),
        () -> assertTrue(r.out.contains("test__os__32x32__64kB Total Cycles (sum)"), r.out),
        () -> assertTrue(r.out.contains("Eyeriss, JSSC 2017 Table V"), r.out),
        () -> assertTrue(r.out.contains("SCALE-Sim v2 (HEAD 22f88b1)"), r.out),
        () -> assertFalse(r.out.contains("FAIL"), r.out),
        () ->
            assertTrue(
                r.err.contains(
                    "validate: scalesim: " + ScaleSimSuite.cases(data).size() + " cases, 0 failed"),
                r.err),
        () ->
            assertTrue(
                r.err.contains(
                    "validate: scalesim3: "
                        + ScaleSim3Suite.cases(data).size()
                        + " cases, 0 failed"),
                r.err),
        () -> assertTrue(r.err.contains("validate: eyeriss: "), r.err),
        () -> assertTrue(r.err.contains("validate: hwnasbench: 2 cases, 0 failed"), r.err),
        () ->
            assertTrue(
                r.out.contains("nasbench201:pool-as-conv eyeriss latency rank, 15625" + " cells"),
                r.out),
        () -> assertTrue(page.contains("<svg"), page),
        () -> assertTrue(page.contains("alexnet CONV1 latency"), page),
        () ->
            assertTrue(
                have.stream().anyMatch(l -> l.startsWith(MarkdownRegion.BEGIN)),
                "docs/validation.md has no generated region"),
        () ->
            assertEquals(
                want,
                have,
                () ->
                    "docs/validation.md is out of date from line "
                        + first
                        + "; regenerate it from the repository root with: ./tessel validate"
                        + " --markdown docs/validation.md"));
  }

  @Test
  void tamperedCopy_exitFive() throws IOException {
    Path src = data().resolve("scalesim");
    Path c = tmp.resolve("data/scalesim/cases/test__os__32x32__64kB");
    Files.createDirectories(c);
    try (var s = Files.list(src.resolve("cases/test__os__32x32__64kB"))) {
      for (Path p : s.toList()) {
        Files.copy(p, c.resolve(p.getFileName()));
      }
    }
    Files.createDirectories(tmp.resolve("data/scalesim/topologies"));
    Files.copy(
        src.resolve("topologies/test.csv"), tmp.resolve("data/scalesim/topologies/test.csv"));
    Path report = c.resolve("COMPUTE_REPORT.csv");
    Files.writeString(report, Files.readString(report).replace("0, 21479, 0,", "0, 21478, 0,"));
    Cli r = Cli.run("validate", "--data", tmp.resolve("data").toString(), "--suite", "scalesim");
    assertAll(
        () -> assertEquals(5, r.exitCode, r::toString),
        () -> assertTrue(r.out.contains("FAIL"), r.out),
        () -> assertTrue(r.out.contains("+1 cycles"), r.out),
        () -> assertTrue(r.out.contains("1 cases: 0 passed, 1 failed"), r.out));
  }

  @Test
  void missingDataDir_exitThree_oneLine() {
    Cli r = Cli.run("validate", "--data", tmp.resolve("nope").toString());
    assertAll(
        () -> assertEquals(3, r.exitCode, r::toString),
        () -> assertEquals(1, r.err.strip().lines().count(), r.err),
        () -> assertTrue(r.err.startsWith("tessel: "), r.err),
        () -> assertTrue(r.err.contains("validation data directory not found"), r.err),
        () -> assertFalse(r.err.contains("Exception"), r.err),
        () -> assertEquals("", r.out));
  }

  @Test
  void missingHwNasBenchTable_exitThree_namesTheFile() throws IOException {
    Files.createDirectories(tmp.resolve("data/nasbench201"));
    Cli r = Cli.run("validate", "--data", tmp.resolve("data").toString(), "--suite", "hwnasbench");
    assertAll(
        () -> assertEquals(3, r.exitCode, r::toString),
        () -> assertEquals(1, r.err.strip().lines().count(), r.err),
        () ->
            assertTrue(
                r.err.contains("nb201_accuracy_and_hwnasbench_latency.csv: file not" + " found"),
                r.err),
        () -> assertEquals("", r.out));
  }

  @Test
  void unknownSuite_isAUsageError() {
    Cli r = Cli.run("validate", "--suite", "timeloop");
    assertEquals(2, r.exitCode, r::toString);
  }
}
