package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tessel bench}: the whole command against a stand-in jar ({@code FakeJmh}, no JMH, no
 * measurement), the missing-jar message and the one-line usage errors.
 */
final class BenchCommandTest {
  @TempDir Path tmp;

  /** A jar whose main class is {@code FakeJmh}, with the checked-in JMH result file. */
  private Path fakeJar() throws IOException {
    Path jar = tmp.resolve("benchmarks.jar");
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.tessel.cli.bench.FakeJmh");
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os, mf)) {
      for (String c :
          new String[] {"FakeJmh.class", "BenchmarkListTest.class", "jmh-result.json"}) {
        out.putNextEntry(new JarEntry("org/tessel/cli/bench/" + c));
        try (InputStream in = org.tessel.cli.bench.FakeJmh.class.getResourceAsStream(c)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void pattern_runsTheSelectedBenchmarks_tableOnStdout_progressOnStderr() throws IOException {
    Path json = tmp.resolve("out/results.json");
    Cli r =
        Cli.run(
            "bench",
            "Eyeriss",
            "Simulate",
            "--jar",
            fakeJar().toString(),
            "--forks",
            "0",
            "--warmup",
            "1",
            "--iterations",
            "2",
            "--time",
            "0.25",
            "--json",
            json.toString());
    assertAll(
        () -> assertEquals(0, r.exitCode, r::toString),
        () -> assertTrue(r.out.startsWith("benchmark "), r.out),
        () -> assertEquals(4, r.out.lines().count(), r.out),
        () -> assertTrue(r.out.contains("cycles/s"), r.out),
        () ->
            assertTrue(
                r.err.contains(
                    "bench: 2 benchmarks, 14 parameter combinations, no fork,"
                        + " 1 warm-up + 2 measured iterations of 250 ms, 1 thread: about "),
                r.err),
        () ->
            assertTrue(
                r.err.contains(
                    "fake jmh: ^\\Qorg.tessel.bench.EyerissBenchmark"
                        + ".alexnetConv\\E$ ^\\Qorg.tessel.bench.SimulateBenchmark.resnet18\\E$ -f 0 -wi 1"
                        + " -w 250ms -i 2 -r 250ms -t 1 -foe true -rf json -rff "),
                r.err),
        () -> assertFalse(r.err.contains("Schedule"), r.err),
        () -> assertTrue(Files.readString(json).contains("\"jmhVersion\" : \"1.37\"")));
  }

  @Test
  void list_printsSelectedBenchmarksWithParams_addedBenchmarksIncluded() throws IOException {
    Cli r = Cli.run("bench", "--list", "resnet18", "--jar", fakeJar().toString());
    assertAll(
        () -> assertEquals(0, r.exitCode, r::toString),
        () ->
            assertEquals(
                """
                org.tessel.bench.ScheduleBenchmark.resnet18
                org.tessel.bench.SimulateBenchmark.resnet18
                  dataflow = os, ws, is
                  bandwidth = 0, 10
                  memoryModel = tiles, scalesim
                """,
                r.out.replace("\r\n", "\n")));
  }

  @Test
  void failingBenchmark_exitOne_noTable() throws IOException {
    Cli r = Cli.run("bench", "Schedule", "--jar", fakeJar().toString());
    assertAll(
        () -> assertEquals(1, r.exitCode, r::toString),
        () -> assertEquals("", r.out),
        () -> assertTrue(r.err.contains("fake jmh: benchmark failed"), r.err),
        () -> assertTrue(r.err.contains("tessel: the benchmark JVM exited with code 1"), r.err));
  }

  @Test
  void missingJar_exitThree_oneLineSayingHowToBuildIt() {
    Path none = tmp.resolve("benchmarks/target/benchmarks.jar");
    Cli r = Cli.run("bench", "--jar", none.toString());
    assertAll(
        () -> assertEquals(ExitCodes.CONFIG, r.exitCode, r::toString),
        () -> assertEquals(1, r.err.strip().lines().count(), r.err),
        () ->
            assertEquals(
                "tessel: benchmarks jar not found ("
                    + none
                    + "); build it from the"
                    + " repository root with: mvn -q -pl benchmarks -am package -DskipTests",
                r.err.strip()),
        () -> assertEquals("", r.out));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--forks x         | --forks: expected an integer >= 0, was 'x'",
        "--forks -1        | --forks: expected an integer >= 0, was -1",
        "--iterations 0    | --iterations: expected an integer >= 1, was 0",
        "--threads 0       | --threads: expected an integer >= 1, was 0",
        "--time 0          | --time: expected seconds > 0 (at least 0.001), was '0'",
        "--time soon       | --time: expected a number, was 'soon'",
        "--forkz 2         | unknown option '--forkz'",
        "(               | PATTERN '(' is not a regular expression"
      })
  void badFlag_exitTwo_oneLine(String args, String message) throws IOException {
    String[] a = ("bench " + args.strip() + " --jar " + fakeJar()).split(" ");
    Cli r = Cli.run(a);
    assertAll(
        () -> assertEquals(ExitCodes.USAGE, r.exitCode, r::toString),
        () -> assertEquals(1, r.err.strip().lines().count(), r.err),
        () -> assertTrue(r.err.startsWith("tessel: " + message), r.err),
        () -> assertEquals("", r.out));
  }

  @Test
  void noMatch_exitTwo_namesTheBenchmarks() throws IOException {
    Cli r = Cli.run("bench", "Timeloop", "--jar", fakeJar().toString());
    assertAll(
        () -> assertEquals(ExitCodes.USAGE, r.exitCode, r::toString),
        () ->
            assertTrue(
                r.err.startsWith(
                    "tessel: no benchmark matches Timeloop; there are:"
                        + " org.tessel.bench.EyerissBenchmark.alexnetConv, "),
                r.err));
  }

  @Test
  void realJar_listsTheProjectsBenchmarks() {
    Path jar =
        Path.of(System.getProperty("tessel.root.dir", ".."))
            .resolve("benchmarks/target/benchmarks.jar");
    assumeTrue(Files.isRegularFile(jar), "benchmarks jar not built: test skipped");
    Cli r = Cli.run("bench", "--list", "--jar", jar.toString());
    assertAll(
        () -> assertEquals(0, r.exitCode, r::toString),
        () -> assertTrue(r.out.contains("org.tessel.bench.EyerissBenchmark.alexnetConv\n"), r.out),
        () -> assertTrue(r.out.contains("  simulation = fresh, reused\n"), r.out));
  }
}
