package org.tessel.validate.scalesim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tessel.sim.Simulation;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.TextFiles;
import org.tessel.sim.io.ScaleSimConfig;
import org.tessel.sim.io.ScaleSimConfigReader;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.report.ScaleSimReports;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.workload.Network;
import org.tessel.validate.CaseResult;

/**
 * SCALE-Sim v3: every case folder in {@code scalesim3/cases} of the data directory ({@code
 * scale.cfg}, {@code topology.csv}, {@code mode}, and v3's three reports) is read unchanged ({@link
 * ScaleSimConfigReader}, which picks v3's numbers by the file; {@link TopologyReader}), simulated,
 * and its three reports compared with v3's line by line, as text. One result per case: when every
 * line is identical, the sum of Total Cycles (incl. prefetch) over its layers; else the count of
 * identical lines against the count of lines, which fails.
 */
public final class ScaleSim3Suite {
  /** The suite's name. */
  public static final String NAME = "scalesim3";

  /** The reference. */
  public static final String SOURCE = "SCALE-Sim v3 (fab89b7)";

  private static final String[] REPORTS = {
    "COMPUTE_REPORT.csv", "BANDWIDTH_REPORT.csv", "DETAILED_ACCESS_REPORT.csv"
  };

  private ScaleSim3Suite() {}

  /** The case folders under {@code dataDir/scalesim3/cases}, sorted by name. */
  public static List<Path> cases(Path dataDir) {
    Path dir = dataDir.resolve("scalesim3/cases");
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(dir.toString(), 0, "", "no SCALE-Sim v3 cases directory");
    }
    try (var s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException(dir.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** Runs every case. */
  public static List<CaseResult> run(Path dataDir) {
    List<CaseResult> out = new ArrayList<>();
    for (Path c : cases(dataDir)) {
      out.add(runCase(c));
    }
    return out;
  }

  /** Tessel's three reports for a case folder, in {@link #REPORTS} order. */
  public static String[] reports(Path dir) {
    ScaleSimConfig cfg = ScaleSimConfigReader.readConfig(dir.resolve("scale.cfg"), 0);
    TopologyReader.Mode mode =
        TextFiles.text(dir.resolve("mode")).strip().equals("gemm")
            ? TopologyReader.Mode.GEMM
            : TopologyReader.Mode.CONV;
    Network net = TopologyReader.read(dir.resolve("topology.csv"), mode);
    SimResult r = Simulation.run(net, cfg.hardware(), 1);
    return new String[] {
      ScaleSimReports.compute(r), ScaleSimReports.bandwidth(r), ScaleSimReports.detailed(r)
    };
  }

  /** Runs one case folder and compares its three reports with v3's. */
  public static CaseResult runCase(Path dir) {
    String name = dir.getFileName().toString();
    String[] act = reports(dir);
    int lines = 0;
    int identical = 0;
    long refSum = 0;
    long actSum = 0;
    for (int k = 0; k < REPORTS.length; k++) {
      List<String> e = TextFiles.text(dir.resolve(REPORTS[k])).lines().toList();
      List<String> a = act[k].lines().toList();
      for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
        lines++;
        if (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
          identical++;
        }
        if (k == 0 && i > 0) {
          refSum += i < e.size() ? firstValue(e.get(i), dir.resolve(REPORTS[k]), i + 1) : 0;
          actSum += i < a.size() ? firstValue(a.get(i), dir.resolve(REPORTS[k]), i + 1) : 0;
        }
      }
    }
    String note = identical + "/" + lines + " report lines identical";
    if (identical == lines) {
      return CaseResult.absolute(
          NAME,
          name + " Total Cycles (incl. prefetch) (sum)",
          SOURCE,
          (double) refSum,
          (double) actSum,
          "cycles",
          0,
          note);
    }
    return CaseResult.absolute(
        NAME, name + " report lines identical", SOURCE, lines, identical, "lines", 0, note);
  }

  /** The value after the layer id of a compute line. */
  private static long firstValue(String line, Path file, int n) {
    String[] cells = line.split(",", -1);
    try {
      return Long.parseLong(cells[1].strip());
    } catch (RuntimeException e) {
      throw new ConfigException(
          file.toString(),
          n,
          "Total Cycles (incl. prefetch)",
          "expected an integer, was '" + line.strip() + "'");
    }
  }
}
