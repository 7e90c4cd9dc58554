package org.tessel.validate.scalesim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.TextFiles;
import org.tessel.sim.io.ScaleSimConfigReader;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.report.ScaleSimReports;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.workload.Network;
import org.tessel.validate.CaseResult;

/**
 * SCALE-Sim v2: every case folder in {@code scalesim/cases} of the data directory is simulated
 * ({@link ScaleSimConfigReader}, {@link TopologyReader}, {@link Simulation}) and its per-layer
 * Total Cycles and Stall Cycles compared with SCALE-Sim's {@code COMPUTE_REPORT.csv}: exact on
 * every layer. One result per case: its worst layer, or the sums over all layers when every layer
 * is exact.
 */
public final class ScaleSimSuite {
  /** The suite's name. */
  public static final String NAME = "scalesim";

  /** The reference. */
  public static final String SOURCE = "SCALE-Sim v2 (HEAD 22f88b1)";

  private ScaleSimSuite() {}

  /** The case folders under {@code dataDir/scalesim/cases}, sorted by name. */
  public static List<Path> cases(Path dataDir) {
    Path dir = dataDir.resolve("scalesim/cases");
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(dir.toString(), 0, "", "no SCALE-Sim cases directory");
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

  /** Runs one case folder and compares it with its {@code COMPUTE_REPORT.csv}. */
  public static CaseResult runCase(Path dir) {
    String name = dir.getFileName().toString();
    HardwareSpec hw = ScaleSimConfigReader.read(dir.resolve("scale.cfg"));
    String topo = TextFiles.text(dir.resolve("topology")).strip();
    TopologyReader.Mode mode =
        TextFiles.text(dir.resolve("mode")).strip().equals("gemm")
            ? TopologyReader.Mode.GEMM
            : TopologyReader.Mode.CONV;
    Network net =
        TopologyReader.read(dir.resolve("../../topologies/" + topo + ".csv").normalize(), mode);
    SimResult r = Simulation.run(net, hw, 1);
    Path refFile = dir.resolve("COMPUTE_REPORT.csv");
    long[][] ref = cycles(TextFiles.text(refFile), refFile.toString());
    long[][] act = cycles(ScaleSimReports.compute(r), "Tessel COMPUTE_REPORT.csv");
    if (ref.length != act.length) {
      throw new ConfigException(
          refFile.toString(),
          0,
          "",
          ref.length + " layers, but the" + " topology has " + act.length);
    }
    int exact = 0;
    int worst = -1;
    int worstCol = 0;
    long worstDiff = 0;
    long refTotal = 0;
    long actTotal = 0;
    for (int l = 0; l < ref.length; l++) {
      refTotal += ref[l][0];
      actTotal += act[l][0];
      if (ref[l][0] == act[l][0] && ref[l][1] == act[l][1]) {
        exact++;
      }
      for (int col = 0; col < 2; col++) {
        long diff = Math.abs(act[l][col] - ref[l][col]);
        if (diff > worstDiff) {
          worst = l;
          worstCol = col;
          worstDiff = diff;
        }
      }
    }
    String layers = exact + "/" + ref.length + " layers exact";
    if (worst < 0) {
      return CaseResult.absolute(
          NAME,
          name + " Total Cycles (sum)",
          SOURCE,
          (double) refTotal,
          (double) actTotal,
          "cycles",
          0,
          layers);
    }
    String quantity = (worstCol == 0 ? " Total" : " Stall") + " Cycles (layer " + worst + ")";
    return CaseResult.absolute(
        NAME,
        name + quantity,
        SOURCE,
        (double) ref[worst][worstCol],
        (double) act[worst][worstCol],
        "cycles",
        0,
        layers);
  }

  /** Total and Stall Cycles per layer from a COMPUTE_REPORT. */
  private static long[][] cycles(String report, String file) {
    List<String> lines = report.lines().filter(s -> !s.isBlank()).toList();
    if (lines.isEmpty() || !lines.get(0).contains("Total Cycles")) {
      throw new ConfigException(file, 1, "", "expected a COMPUTE_REPORT header");
    }
    long[][] out = new long[lines.size() - 1][];
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      try {
        out[i - 1] =
            new long[] {Long.parseLong(cells[1].strip()), Long.parseLong(cells[2].strip())};
      } catch (RuntimeException e) {
        throw new ConfigException(
            file,
            i + 1,
            "Total/Stall Cycles",
            "expected integers, was '" + lines.get(i).strip() + "'");
      }
    }
    return out;
  }
}
