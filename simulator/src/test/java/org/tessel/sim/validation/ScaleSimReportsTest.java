package org.tessel.sim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.ScaleSimConfigReader;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.report.ScaleSimReports;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Network;

/**
 * Every case SCALE-Sim v2 produced ({@code ../shared/validation/scalesim/cases}): Tessel's three
 * report files against SCALE-Sim's, cell by cell. Integers (counts, Total/Stall Cycles, start and
 * stop cycles) must be equal, floats (util %, bandwidths) within 1e-9 relative, and every line must
 * be byte-identical.
 *
 * <p>All 16 cases take about 5 s together (the alexnet USER ones 0.5 to 1 s each), so all run by
 * default; each prints its wall time.
 */
final class ScaleSimReportsTest {
  static Stream<String> cases() throws IOException {
    Path v = Shared.validationDirOrNull();
    if (v == null) {
      return Stream.of("(no ../shared)");
    }
    List<String> out = new ArrayList<>();
    try (var s = Files.list(v.resolve("scalesim/cases"))) {
      s.sorted().map(p -> p.getFileName().toString()).forEach(out::add);
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reports_equalScaleSim(String name) throws IOException {
    check(name);
  }

  /** Runs one case and compares its three reports. */
  static void check(String name) throws IOException {
    Path dir = Shared.validationDir().resolve("scalesim/cases").resolve(name);
    HardwareSpec hw = ScaleSimConfigReader.read(dir.resolve("scale.cfg"));
    String topo = Files.readString(dir.resolve("topology")).strip();
    TopologyReader.Mode mode =
        Files.readString(dir.resolve("mode")).strip().equals("gemm")
            ? TopologyReader.Mode.GEMM
            : TopologyReader.Mode.CONV;
    Network net = TopologyReader.read(dir.resolve("../../topologies/" + topo + ".csv"), mode);
    SimResult r = Simulation.run(net, hw, 1);
    int identical = 0;
    int lines = 0;
    String[][] reports = {
      {"COMPUTE_REPORT.csv", ScaleSimReports.compute(r)},
      {"BANDWIDTH_REPORT.csv", ScaleSimReports.bandwidth(r)},
      {"DETAILED_ACCESS_REPORT.csv", ScaleSimReports.detailed(r)}
    };
    for (String[] rep : reports) {
      List<String> exp = Files.readAllLines(dir.resolve(rep[0]));
      List<String> act = rep[1].lines().toList();
      assertEquals(exp.size(), act.size(), name + " " + rep[0] + ": lines");
      assertEquals(exp.get(0).strip(), act.get(0).strip(), name + " " + rep[0] + ": header");
      for (int i = 1; i < exp.size(); i++) {
        int layer = i - 1;
        lines++;
        if (exp.get(i).equals(act.get(i))) {
          identical++;
        }
        compareLine(name + " " + rep[0] + " layer " + layer, rep[0], exp.get(i), act.get(i));
      }
    }
    assertEquals(lines, identical, name + ": byte-identical lines");
    System.out.printf(
        "%-40s %3d layers, %d/%d lines identical%n", name, r.layers().size(), identical, lines);
  }

  private static void compareLine(String where, String report, String exp, String act) {
    String[] e = exp.split(",", -1);
    String[] a = act.split(",", -1);
    assertEquals(e.length, a.length, where + ": cells\n exp " + exp + "\n act " + act);
    for (int c = 0; c < e.length; c++) {
      String es = e[c].strip();
      String as = a[c].strip();
      if (es.isEmpty() && as.isEmpty()) {
        continue;
      }
      double ev = Double.parseDouble(es);
      double av = Double.parseDouble(as);
      String msg = where + " column " + c + "\n exp " + exp + "\n act " + act;
      boolean integral = !es.contains(".") || report.startsWith("DETAILED");
      if (integral) {
        assertEquals(ev, av, 0, msg);
      } else {
        assertTrue(Math.abs(ev - av) <= 1e-9 * Math.abs(ev), msg);
      }
    }
  }
}
