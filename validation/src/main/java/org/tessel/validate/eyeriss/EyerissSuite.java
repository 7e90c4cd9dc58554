package org.tessel.validate.eyeriss;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MappingSearchSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Csv;
import org.tessel.sim.config.TextFiles;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;
import org.tessel.validate.CaseResult;

/**
 * Eyeriss (JSSC 2017 Table V): AlexNet CONV1-5 on the {@code eyeriss} preset with the
 * row-stationary dataflow at the paper's batch (4).
 *
 * <ul>
 *   <li>With the preset's mapping rule (the chip's, {@code mapping.search: chip}): processing
 *       latency within 10 % per layer and 5 % in total; active PEs equal to the paper's; global
 *       buffer and DRAM accesses per layer within 10 %; total latency (processing plus the stalls
 *       on the shared 64-bit, 60 MHz off-chip link) within 10 % per layer and 5 % in total. The
 *       DRAM and total-latency runs code each layer's feature maps run-length at the share of zeros
 *       Table V gives for its input.
 *   <li>With the best-mapping search ({@code mapping.search: best}): processing latency, the same
 *       tolerances, so that both rules stay checked.
 * </ul>
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

  /** Largest relative error of one layer's buffer or DRAM accesses. */
  public static final double COUNTER_TOLERANCE = 0.10;

  /** The network, relative to the repository root. */
  public static final String NETWORK = "traces/networks/alexnet_eyeriss.csv";

  /**
   * Cases outside their tolerance for a documented reason (docs/validation.md, "Eyeriss: known
   * deviations"): the case, the tolerance it is held to instead, and the reason.
   */
  public static final Map<String, Map.Entry<Double, String>> DEVIATIONS =
      Map.of(
          "alexnet CONV3 GLB accesses",
              Map.entry(
                  0.45,
                  "Table III's CONV3 mapping implies 70.5 MB,"
                      + " Table V measures 50.2 MB (docs/validation.md)"),
          "alexnet CONV1 DRAM accesses",
              Map.entry(
                  0.25,
                  "filters re-read per strip; outputs coded at the pooled"
                      + " share of zeros, a lower bound (docs/validation.md)"));

  private EyerissSuite() {}

  /** Runs the suite: reference from {@code dataDir/eyeriss}, network from {@code root}. */
  public static List<CaseResult> run(Path dataDir, Path root) {
    Path csv = dataDir.resolve("eyeriss/alexnet_jssc2017_per_layer.csv");
    Map<String, Map<String, String>> ref = reference(csv);
    Path netFile = root.resolve(NETWORK);
    if (!Files.isRegularFile(netFile)) {
      throw new ConfigException(
          netFile.toString(),
          0,
          "",
          "network not found (give the" + " repository root with --root)");
    }
    Network net = TopologyReader.read(netFile, TopologyReader.Mode.CONV);
    HardwareSpec hw = HardwareReader.preset("eyeriss").withDataflow(DataflowKind.RS);
    int batch = (int) number(ref, csv, "CONV1", "batch");
    List<CaseResult> out = new ArrayList<>();
    out.addAll(processing(net, hw, batch, ref, csv, "", "chip's mapping rule"));
    SimResult r = new Simulation(hw).simulate(net, batch);
    List<CaseResult> pes = new ArrayList<>();
    List<CaseResult> glb = new ArrayList<>();
    for (LayerResult l : r.layers()) {
      String name = l.layer().name();
      // whole PEs active per fold (the paper counts PEs): integer division on purpose
      long activePes = l.usedPeFoldSum() / l.folds();
      pes.add(
          CaseResult.absolute(
              NAME,
              "alexnet " + name + " active PEs",
              SOURCE,
              number(ref, csv, name, "active_PEs"),
              (double) activePes,
              "PEs",
              0,
              "row-stationary mapping"));
      glb.add(
          CaseResult.relative(
              NAME,
              "alexnet " + name + " GLB accesses",
              SOURCE,
              number(ref, csv, name, "GLB_accesses_MB"),
              megabytes(hw, l.energy().glbAccesses()),
              "MB",
              COUNTER_TOLERANCE,
              "ifmap, filter and psum reads, psum writes of the chip" + " rule's mapping"));
    }
    out.addAll(pes);
    out.addAll(glb);
    out.addAll(total(net, hw, batch, ref, csv));
    HardwareSpec best = hw.withCgra(hw.cgra().withMapping(MappingSearchSpec.BEST));
    out.addAll(processing(net, best, batch, ref, csv, " (best mapping)", "best-mapping search"));
    List<CaseResult> held = new ArrayList<>(out.size());
    for (CaseResult c : out) {
      Map.Entry<Double, String> d = DEVIATIONS.get(c.name());
      held.add(
          d == null
              ? c
              : new CaseResult(
                  c.suite(),
                  c.name(),
                  c.source(),
                  c.reference(),
                  c.tessel(),
                  c.unit(),
                  c.relative(),
                  c.error(),
                  d.getKey(),
                  "known deviation: " + d.getValue()));
    }
    return held;
  }

  /** Processing latency per layer and in total: the passes alone, DRAM not counted. */
  private static List<CaseResult> processing(
      Network net,
      HardwareSpec hw,
      int batch,
      Map<String, Map<String, String>> ref,
      Path csv,
      String suffix,
      String rule) {
    SimResult r = new Simulation(hw).simulate(net, batch);
    List<CaseResult> out = new ArrayList<>();
    double predicted = 0;
    double measured = 0;
    for (LayerResult l : r.layers()) {
      String name = l.layer().name();
      double ms = hw.millis(l.computeCycles());
      double meas = number(ref, csv, name, "processing_latency_ms");
      predicted += ms;
      measured += meas;
      out.add(
          CaseResult.relative(
              NAME,
              "alexnet " + name + " latency" + suffix,
              SOURCE,
              meas,
              ms,
              "ms",
              LAYER_TOLERANCE,
              "processing latency, batch " + batch + ", 200 MHz, " + rule));
    }
    out.add(
        CaseResult.relative(
            NAME,
            "alexnet total latency" + suffix,
            SOURCE,
            measured,
            predicted,
            "ms",
            TOTAL_TOLERANCE,
            "CONV1-5, reconfiguration excluded, " + rule));
    return out;
  }

  /**
   * DRAM accesses and total latency per layer, each layer's inputs run-length coded at their
   * published share of zeros and its outputs at the next layer's (the same tensor, or across a
   * max-pooling a lower bound of its share: a pooled value is zero only when its whole window is);
   * the last layer's outputs, whose consumer is not in the table, at its inputs' share.
   */
  private static List<CaseResult> total(
      Network net, HardwareSpec hw, int batch, Map<String, Map<String, String>> ref, Path csv) {
    List<CaseResult> dram = new ArrayList<>();
    List<CaseResult> total = new ArrayList<>();
    double predicted = 0;
    double measured = 0;
    int index = 0;
    List<Layer> layers = net.layers();
    for (var layer : layers) {
      String name = layer.name();
      String zeros = field(ref, csv, name, "zeros_in_ifmaps");
      double z = percent(csv, name, zeros);
      String next = index + 1 < layers.size() ? layers.get(index + 1).name() : name;
      String outZeros = field(ref, csv, next, "zeros_in_ifmaps");
      double zOut = percent(csv, next, outZeros);
      HardwareSpec coded = hw.withDram(hw.dram().withRlcZeroFractions(z, zOut));
      LayerResult l = new Simulation(coded).simulate(index++, layer, net, batch);
      double ms = hw.millis(l.cycles());
      double meas = number(ref, csv, name, "total_latency_ms");
      predicted += ms;
      measured += meas;
      String how =
          "inputs run-length coded at " + zeros + " zeros, outputs at " + outZeros + " zeros";
      dram.add(
          CaseResult.relative(
              NAME,
              "alexnet " + name + " DRAM accesses",
              SOURCE,
              number(ref, csv, name, "DRAM_accesses_MB"),
              megabytes(hw, l.energy().dramAccesses()),
              "MB",
              COUNTER_TOLERANCE,
              how));
      total.add(
          CaseResult.relative(
              NAME,
              "alexnet " + name + " total latency",
              SOURCE,
              meas,
              ms,
              "ms",
              LAYER_TOLERANCE,
              "processing and DRAM stalls on the 64-bit 60 MHz link, " + how));
    }
    total.add(
        CaseResult.relative(
            NAME,
            "alexnet total latency incl. DRAM",
            SOURCE,
            measured,
            predicted,
            "ms",
            TOTAL_TOLERANCE,
            "CONV1-5, reconfiguration excluded"));
    dram.addAll(total);
    return dram;
  }

  private static double megabytes(HardwareSpec hw, long words) {
    return words * (double) hw.sram().wordBytes() / 1e6;
  }

  private static double percent(Path csv, String layer, String text) {
    String t = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
    try {
      double v = Double.parseDouble(t) / 100;
      if (v >= 0 && v < 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        csv.toString(),
        0,
        "zeros_in_ifmaps",
        "layer " + layer + ": expected a percentage below 100, was '" + text + "'");
  }

  private static String field(
      Map<String, Map<String, String>> ref, Path csv, String layer, String column) {
    Map<String, String> row = ref.get(layer);
    if (row == null || row.get(column) == null || row.get(column).isEmpty()) {
      throw new ConfigException(csv.toString(), 0, column, "no value for layer " + layer);
    }
    return row.get(column);
  }

  private static double number(
      Map<String, Map<String, String>> ref, Path csv, String layer, String column) {
    String v = field(ref, csv, layer, column);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new ConfigException(
          csv.toString(), 0, column, "layer " + layer + ": expected a number, was '" + v + "'");
    }
  }

  /** The reference rows by layer name ({@code CONV1} ... {@code Total}), columns by header. */
  private static Map<String, Map<String, String>> reference(Path csv) {
    List<String> lines = TextFiles.lines(csv);
    if (lines.isEmpty()) {
      throw new ConfigException(csv.toString(), 0, "", "empty");
    }
    String file = csv.toString();
    String[] header = Csv.fields(lines.get(0), file, 1).toArray(new String[0]);
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (int n = 2; n <= lines.size(); n++) {
      String line = lines.get(n - 1);
      if (line.isBlank()) {
        continue;
      }
      String[] cells = Csv.fields(line, file, n).toArray(new String[0]);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        row.put(header[i].strip(), cells[i].strip());
      }
      rows.put(row.get("layer"), row);
    }
    return rows;
  }
}
