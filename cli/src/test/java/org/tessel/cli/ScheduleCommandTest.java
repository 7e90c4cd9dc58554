package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessel schedule}: files out, replay through {@code simulate --schedule}, bad input. */
final class ScheduleCommandTest {
  @TempDir Path tmp;

  private static String network(String name) {
    return Path.of(System.getProperty("tessel.root.dir", ".."), "traces", "networks", name)
        .toString();
  }

  private static long cycles(String quietLine) {
    String s = quietLine.substring(quietLine.indexOf(": ") + 2);
    return Long.parseLong(s.substring(0, s.indexOf(' ')));
  }

  @Test
  void schedule_writesFiles_andSimulateReplaysTheSameCycles() throws IOException {
    // the eyeriss preset with DRAM hidden: on its off-chip link the schedule simulates many more
    // candidates (pass sums are then only lower bounds), which is slow for a default test
    Path calc = tmp.resolve("eyeriss_calc.yaml");
    Files.writeString(
        calc,
        Files.readString(
                Path.of(network("alexnet.yaml"))
                    .getParent()
                    .getParent()
                    .resolve("hardware/eyeriss.yaml"))
            .replace("mode: link", "mode: calc"));
    for (String hw : new String[] {"default", calc.toString()}) {
      Cli s =
          Cli.run(
              "schedule", "-t", network("alexnet.yaml"), "--hw", hw, "-q", "-p", tmp.toString());
      assertEquals(0, s.exitCode, s::toString);
      Path dir = tmp.resolve(hw.equals("default") ? "tessel_default" : "eyeriss");
      for (String f :
          new String[] {
            "SCHEDULE.csv",
            "COMPUTE_REPORT.csv",
            "SUMMARY.json",
            "BANDWIDTH_REPORT.csv",
            "DETAILED_ACCESS_REPORT.csv"
          }) {
        assertTrue(Files.isRegularFile(dir.resolve(f)), f);
      }
      Cli r =
          Cli.run(
              "simulate",
              "-t",
              network("alexnet.yaml"),
              "--hw",
              hw,
              "-q",
              "--schedule",
              dir.resolve("SCHEDULE.csv").toString());
      assertEquals(0, r.exitCode, r::toString);
      assertEquals(cycles(s.out), cycles(r.out), s.out + " / " + r.out);
    }
  }

  @Test
  void schedule_printsEveryBaseline() {
    Cli s = Cli.run("schedule", "-t", network("resnet18.yaml"));
    assertEquals(0, s.exitCode, s::toString);
    for (String b : new String[] {"\nos ", "\nws ", "\nis ", "\ngreedy ", "\noptimal "}) {
      assertTrue(s.out.contains(b), b + " in " + s.out);
    }
  }

  @Test
  void badInput_oneLine_exit3_noOutput() throws IOException {
    Cli r = Cli.run("schedule", "-t", network("alexnet.yaml"), "--objective", "speed");
    assertEquals(3, r.exitCode, r::toString);
    assertTrue(r.err.contains("--objective: expected cycles, energy or edp"), r.err);

    Path out = tmp.resolve("o");
    r =
        Cli.run(
            "schedule", "-t", network("alexnet.yaml"), "--dataflows", "rs", "-p", out.toString());
    assertEquals(3, r.exitCode, r::toString);
    assertTrue(r.err.contains("rs does not run on tessel_default"), r.err);
    assertFalse(Files.exists(out));
    assertEquals(1, r.err.strip().lines().count(), r.err);

    Cli s = Cli.run("schedule", "-t", network("alexnet.yaml"), "-q", "-p", tmp.toString());
    assertEquals(0, s.exitCode, s::toString);
    r =
        Cli.run(
            "simulate",
            "-t",
            network("vgg16.yaml"),
            "--schedule",
            tmp.resolve("tessel_default").resolve("SCHEDULE.csv").toString());
    assertEquals(3, r.exitCode, r::toString);
    assertTrue(r.err.contains("a schedule for another network?"), r.err);
  }
}
