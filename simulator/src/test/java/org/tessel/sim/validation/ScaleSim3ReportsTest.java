package org.tessel.sim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessel.sim.Simulation;
import org.tessel.sim.io.ScaleSimConfig;
import org.tessel.sim.io.ScaleSimConfigReader;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.report.ScaleSimReports;
import org.tessel.sim.result.ReportRow;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.testing.Shared;

/**
 * Every case SCALE-Sim v3 produced ({@code ../shared/validation/scalesim3/cases}): its config and
 * topology read unchanged (the file makes it a v3 run), and Tessel's three reports equal to v3's
 * line by line, as text. Skipped without {@code ../shared}.
 */
final class ScaleSim3ReportsTest {
  private static final String[] REPORTS = {
    "COMPUTE_REPORT.csv", "BANDWIDTH_REPORT.csv", "DETAILED_ACCESS_REPORT.csv"
  };

  static Stream<String> cases() throws IOException {
    Path v = Shared.validationDirOrNull();
    if (v == null) {
      return Stream.of("(no ../shared)");
    }
    List<String> out = new ArrayList<>();
    try (var s = Files.list(v.resolve("scalesim3/cases"))) {
      s.sorted().map(p -> p.getFileName().toString()).forEach(out::add);
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reports_equalScaleSimV3_lineByLine(String name) throws IOException {
    Path dir = Shared.validationDir().resolve("scalesim3/cases").resolve(name);
    ScaleSimConfig cfg = ScaleSimConfigReader.readConfig(dir.resolve("scale.cfg"), 0);
    assertEquals(3, cfg.version());
    TopologyReader.Mode mode =
        Files.readString(dir.resolve("mode")).strip().equals("gemm")
            ? TopologyReader.Mode.GEMM
            : TopologyReader.Mode.CONV;
    SimResult r =
        Simulation.run(TopologyReader.read(dir.resolve("topology.csv"), mode), cfg.hardware(), 1);
    String[] act = {
      ScaleSimReports.compute(r), ScaleSimReports.bandwidth(r), ScaleSimReports.detailed(r)
    };
    for (int k = 0; k < REPORTS.length; k++) {
      assertEquals(Files.readString(dir.resolve(REPORTS[k])), act[k], name + " " + REPORTS[k]);
    }
  }

  /**
   * The GEMM cases with {@code --scalesim 2}: SCALE-Sim v2 HEAD's numbers on the same input, as v2
   * HEAD itself gives them (os 50423/40248, ws 50519/39320, is 19984/5777): v3's late prefetch
   * waits, counted twice, make os and ws 52447 cycles; is has none and is equal.
   */
  @Test
  void gemmCases_forcedV2_giveV2HeadNumbers() throws IOException {
    Path cases = Shared.validationDir().resolve("scalesim3/cases");
    String[] dfs = {"os", "ws", "is"};
    long[][] v2 = {{50423, 40248}, {50519, 39320}, {19984, 5777}};
    long[][] v3 = {{52447, 42272}, {52447, 41248}, {19984, 5777}};
    for (int i = 0; i < 3; i++) {
      Path dir = cases.resolve("mnk_" + dfs[i] + "_32x32_64kB_USER10");
      for (int version : new int[] {2, 3}) {
        ScaleSimConfig c = ScaleSimConfigReader.readConfig(dir.resolve("scale.cfg"), version);
        ReportRow r =
            Simulation.run(
                    TopologyReader.read(dir.resolve("topology.csv"), TopologyReader.Mode.GEMM),
                    c.hardware(),
                    1)
                .layers()
                .get(0)
                .report();
        long[] want = version == 2 ? v2[i] : v3[i];
        assertEquals(want[0], r.totalCycles(), dfs[i] + " v" + version);
        assertEquals(want[1], r.stallCycles(), dfs[i] + " v" + version);
      }
    }
  }
}
