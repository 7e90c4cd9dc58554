package org.tessel.validate.eyeriss;

import org.tessel.sim.config.TextFiles;
import org.tessel.validate.CaseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.workload.Network;

/**
 * Eyeriss (JSSC 2017 Table V): AlexNet CONV1-5 on the {@code eyeriss} preset with the
 * row-stationary dataflow at the paper's batch (4): processing latency within 10 % per layer and
 * 5 % in total, active PEs equal to the paper's.
 */
public final class EyerissSuite {
  /** The suite's name. */
  public static final String NAME = "eyeriss";

  /** The reference. */
  public static final String SOURCE = "Eyeriss, JSSC 2017 Table V";

  /** Largest relative error of one layer's processing latency. */
  public static final double LAYER_TOLERANCE = 0.10;

  /** Largest relative error of the total processing latency. */
  public static final double TOTAL_TOLERANCE = 0.05;

  /** The network, relative to the repository root. */
  public static final String NETWORK = "traces/networks/alexnet_eyeriss.csv";

  private EyerissSuite() {}

  /** Runs the suite: reference from {@code dataDir/eyeriss}, network from {@code root}. */
  public static List<CaseResult> run(Path dataDir, Path root) {
    Path csv = dataDir.resolve("eyeriss/alexnet_jssc2017_per_layer.csv");
    Map<String, Map<String, String>> ref = reference(csv);
    Path netFile = root.resolve(NETWORK);
    if (!Files.isRegularFile(netFile)) {
      throw new ConfigException(netFile.toString(), 0, "", "network not found (give the"
          + " repository root with --root)");
    }
    Network net = TopologyReader.read(netFile, TopologyReader.Mode.CONV);
    HardwareSpec hw = HardwareReader.preset("eyeriss").withDataflow(DataflowKind.RS);
    int batch = (int) number(ref, csv, "CONV1", "batch");
    SimResult r = new Simulation(hw).simulate(net, batch);
    List<CaseResult> out = new ArrayList<>();
    List<CaseResult> pes = new ArrayList<>();
    double predicted = 0;
    double measured = 0;
    for (LayerResult l : r.layers()) {
      String name = l.layer().name();
      double ms = hw.millis(l.cycles());
      double meas = number(ref, csv, name, "processing_latency_ms");
      predicted += ms;
      measured += meas;
      out.add(CaseResult.relative(NAME, "alexnet " + name + " latency", SOURCE, meas, ms, "ms",
          LAYER_TOLERANCE, "processing latency, batch " + batch + ", 200 MHz"));
      pes.add(CaseResult.absolute(NAME, "alexnet " + name + " active PEs", SOURCE,
          number(ref, csv, name, "active_PEs"), l.usedPeFoldSum() / l.folds(),
          "PEs", 0, "row-stationary mapping"));
    }
    out.add(CaseResult.relative(NAME, "alexnet total latency", SOURCE, measured, predicted, "ms",
        TOTAL_TOLERANCE, "CONV1-5, reconfiguration excluded"));
    out.addAll(pes);
    return out;
  }

  private static String field(Map<String, Map<String, String>> ref, Path csv, String layer,
      String column) {
    Map<String, String> row = ref.get(layer);
    if (row == null || row.get(column) == null || row.get(column).isEmpty()) {
      throw new ConfigException(csv.toString(), 0, column, "no value for layer " + layer);
    }
    return row.get(column);
  }

  private static double number(Map<String, Map<String, String>> ref, Path csv, String layer,
      String column) {
    String v = field(ref, csv, layer, column);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new ConfigException(csv.toString(), 0, column, "layer " + layer
          + ": expected a number, was '" + v + "'");
    }
  }

  /** The reference rows by layer name ({@code CONV1} ... {@code Total}), columns by header. */
  private static Map<String, Map<String, String>> reference(Path csv) {
    List<String> lines = TextFiles.lines(csv);
    if (lines.isEmpty()) {
      throw new ConfigException(csv.toString(), 0, "", "empty");
    }
    String[] header = lines.get(0).split(",", -1);
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        row.put(header[i].strip(), cells[i].strip());
      }
      rows.put(row.get("layer"), row);
    }
    return rows;
  }
}
