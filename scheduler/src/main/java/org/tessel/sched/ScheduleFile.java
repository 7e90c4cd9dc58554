package org.tessel.sched;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Csv;
import org.tessel.sim.config.Numbers;
import org.tessel.sim.config.TextFiles;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * {@code SCHEDULE.csv}: one row per layer in execution order, saying which dataflow and tiling it
 * runs with and what that cost. A first comment line names the network, hardware, batch and
 * objective. Layers that do not use the array have {@code -} as dataflow and tiling.
 *
 * <p>Columns: {@code layer, kind, dataflow, tiling, cycles, reconfig_cycles, energy_pj,
 * lower_bound_cycles, occupancy_pct, input_on_chip, output_on_chip, best_os, best_ws, best_is,
 * best_rs, candidates, simulated}; {@code energy_pj} is net of the hand-offs, {@code input_on_chip}
 * / {@code output_on_chip} say ({@code yes}/{@code no}) whether the layer reads its input from, and
 * leaves its output in, on-chip memory instead of DRAM ({@link HandOff}); {@code best_X} is the
 * best cycles of dataflow {@code X} on the layer ({@code -} when it cannot run it), {@code
 * candidates} the dataflow-tiling pairs that fit, {@code simulated} those not pruned by their lower
 * bound.
 */
public final class ScheduleFile {
  /** The header row. */
  public static final String HEADER = header();

  private ScheduleFile() {}

  private static String header() {
    StringBuilder sb =
        new StringBuilder(
            "layer,kind,dataflow,tiling,cycles,reconfig_cycles,"
                + "energy_pj,lower_bound_cycles,occupancy_pct,input_on_chip,output_on_chip");
    for (Dataflow d : Dataflows.all()) {
      sb.append(",best_").append(d.shortName());
    }
    return sb.append(",candidates,simulated").toString();
  }

  /** The file's text. */
  public static String csv(Schedule s) {
    StringBuilder sb = new StringBuilder();
    sb.append("# tessel schedule: network=")
        .append(s.network().name())
        .append(" hardware=")
        .append(s.hardware().name())
        .append(" batch=")
        .append(s.batch())
        .append(" objective=")
        .append(s.objective().shortName())
        .append('\n');
    sb.append(HEADER).append('\n');
    for (ScheduledLayer l : s.layers()) {
      sb.append(Csv.quote(l.layer().name()))
          .append(',')
          .append(l.layer().kind().name().toLowerCase(Locale.ROOT))
          .append(',');
      if (!l.usesArray()) {
        sb.append("-,-,")
            .append(l.cycles())
            .append(",0,")
            .append(num(l.energyPj()))
            .append(",-,-,no,no");
        for (int i = 0; i < Dataflows.all().size(); i++) {
          sb.append(",-");
        }
        sb.append(",0,0\n");
        continue;
      }
      Evaluation e = l.arrayChoice();
      sb.append(e.candidate().dataflowName())
          .append(',')
          .append(e.candidate().tiling())
          .append(',')
          .append(e.cycles())
          .append(',')
          .append(l.reconfigCycles())
          .append(',')
          .append(num(l.energyPj()))
          .append(',')
          .append(e.lowerBoundCycles())
          .append(',')
          .append(
              Double.isNaN(e.occupancy())
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", 100 * e.occupancy()))
          .append(',')
          .append(yesNo(l.inputOnChip()))
          .append(',')
          .append(yesNo(l.outputOnChip()));
      for (Dataflow d : Dataflows.all()) {
        Evaluation b = l.arrayOptions().bestByDataflow().get(d.shortName());
        sb.append(',').append(b == null ? "-" : Long.toString(b.cycles()));
      }
      sb.append(',')
          .append(l.arrayOptions().candidates())
          .append(',')
          .append(l.arrayOptions().simulated())
          .append('\n');
    }
    return sb.toString();
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * Reads a schedule written for {@code network} and checks it against the network and {@code hw}:
   * the layers must be the network's, in order; each array layer's dataflow and tiling must run on
   * the hardware, and each hand-off must be possible there.
   *
   * @return the dataflow (tiling pinned) of each array layer and the hand-offs
   * @throws ConfigException naming the file, line and field of the first mismatch
   */
  public static Replay read(Path file, Network network, HardwareSpec hw, int batch) {
    List<String> lines = TextFiles.lines(file);
    String f = file.toString();
    List<Layer> layers = network.layers();
    IdentityHashMap<Layer, Dataflow> choice = new IdentityHashMap<>();
    List<Integer> arrayIdx = new ArrayList<>();
    List<LayerMapping> mappings = new ArrayList<>();
    List<Integer> arrayLines = new ArrayList<>();
    List<boolean[]> flags = new ArrayList<>();
    Simulation sim = new Simulation(hw);
    int row = 0;
    boolean header = false;
    for (int i = 0; i < lines.size(); i++) {
      int line = i + 1;
      String text = lines.get(i).strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!text.equals(HEADER)) {
          throw new ConfigException(f, line, "header", "expected '" + HEADER + "'");
        }
        header = true;
        continue;
      }
      String[] cells = Csv.fields(text, f, line).toArray(new String[0]);
      if (cells.length != HEADER.split(",").length) {
        throw new ConfigException(
            f,
            line,
            "",
            "expected " + HEADER.split(",").length + " columns, found " + cells.length);
      }
      if (row >= layers.size()) {
        throw new ConfigException(
            f,
            line,
            "layer",
            "network "
                + network.name()
                + " has "
                + layers.size()
                + " layers; this row is one too many (a schedule for another"
                + " network?)");
      }
      Layer layer = layers.get(row);
      if (!cells[0].equals(layer.name())) {
        throw new ConfigException(
            f,
            line,
            "layer",
            "expected '"
                + layer.name()
                + "' (layer "
                + (row + 1)
                + " of "
                + network.name()
                + "), found '"
                + cells[0]
                + "' (a schedule for another network?)");
      }
      row++;
      boolean in = yesNo(cells[9], f, line, "input_on_chip");
      boolean out = yesNo(cells[10], f, line, "output_on_chip");
      if (!layer.kind().usesArray()) {
        if (in || out) {
          throw new ConfigException(
              f,
              line,
              in ? "input_on_chip" : "output_on_chip",
              "expected 'no': a "
                  + layer.kind().name().toLowerCase(Locale.ROOT)
                  + " layer does not use the array");
        }
        continue;
      }
      Dataflow d;
      try {
        d = Candidate.parse(cells[2], cells[3]).dataflow();
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            f,
            line,
            cells[2].equals("-") || Dataflows.find(cells[2]).isEmpty() ? "dataflow" : "tiling",
            ConfigException.messageOf(e));
      }
      if (!CandidateSpace.dataflows(hw).contains(Dataflows.find(d.shortName()).orElseThrow())) {
        throw new ConfigException(
            f,
            line,
            "dataflow",
            d.shortName()
                + " does not run on "
                + hw.name()
                + ", whose network is "
                + hw.cgra().noc().topology().name().toLowerCase(Locale.ROOT)
                + " (it runs "
                + CandidateSpace.dataflows(hw)
                + ")");
      }
      Mapped<LayerMapping> mapped = sim.map(layer, batch, d);
      if (!mapped.fits()) {
        throw new ConfigException(
            f,
            line,
            "tiling",
            "does not fit " + hw.name() + ": " + mapped.infeasibility().message());
      }
      LayerMapping m = mapped.value();
      choice.put(layer, d);
      arrayIdx.add(row - 1);
      mappings.add(m);
      arrayLines.add(line);
      flags.add(new boolean[] {in, out});
    }
    if (!header) {
      throw new ConfigException(f, 0, "header", "no header row; expected '" + HEADER + "'");
    }
    if (row < layers.size()) {
      throw new ConfigException(
          f,
          lines.size(),
          "layer",
          "ends after "
              + row
              + " of the "
              + layers.size()
              + " layers of "
              + network.name()
              + "; missing '"
              + layers.get(row).name()
              + "'");
    }
    Set<String> inputOnChip = new HashSet<>();
    Set<String> outputOnChip = new HashSet<>();
    HandOff handOff = HandOff.of(network, arrayIdx, batch, hw);
    for (int k = 0; k < arrayIdx.size(); k++) {
      String name = layers.get(arrayIdx.get(k)).name();
      if (flags.get(k)[0]) {
        String why =
            k == 0
                ? "the first array layer reads its input from DRAM"
                : handOff.refusal(
                    k, mappings.get(k - 1).outputRoomWords(), mappings.get(k).inputRoomWords());
        if (why != null) {
          throw new ConfigException(
              f, arrayLines.get(k), "input_on_chip", "cannot be 'yes': " + why);
        }
        inputOnChip.add(name);
      }
      if (flags.get(k)[1]) {
        String why =
            k + 1 == arrayIdx.size()
                ? "the last array layer writes its output to DRAM"
                : handOff.refusal(
                    k + 1, mappings.get(k).outputRoomWords(), mappings.get(k + 1).inputRoomWords());
        if (why == null && (!flags.get(k + 1)[0] || !handOff.producerOnly(k + 1))) {
          why =
              "only when the next layer, the only one reading this output, has input_on_chip"
                  + " 'yes'";
        }
        if (why != null) {
          throw new ConfigException(
              f, arrayLines.get(k), "output_on_chip", "cannot be 'yes': " + why);
        }
        outputOnChip.add(name);
      }
    }
    return new Replay(
        layer -> {
          Dataflow d = choice.get(layer);
          if (d == null) {
            throw new IllegalArgumentException("layer " + layer.name() + " is not in " + f);
          }
          return d;
        },
        inputOnChip,
        outputOnChip);
  }

  /**
   * Checks that replaying {@code file} gave the cycles it records: each layer's {@code cycles} and
   * {@code reconfig_cycles} against {@code result}'s (call after {@link #read} accepted the file
   * for the same network).
   *
   * @throws ConfigException at the first layer whose recorded cycles differ, naming both counts
   */
  public static void verify(Path file, SimResult result) {
    String f = file.toString();
    List<String> lines = TextFiles.lines(file);
    int row = 0;
    boolean header = false;
    for (int i = 0; i < lines.size() && row < result.layers().size(); i++) {
      String text = lines.get(i).strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      if (!header) {
        header = true;
        continue;
      }
      String[] cells = Csv.fields(text, f, i + 1).toArray(new String[0]);
      LayerResult r = result.layers().get(row++);
      check(f, i + 1, "cycles", cells[4], r.cycles(), r.layer().name(), result);
      check(f, i + 1, "reconfig_cycles", cells[5], r.reconfigCycles(), r.layer().name(), result);
    }
  }

  private static void check(
      String file,
      int line,
      String field,
      String cell,
      long actual,
      String layer,
      SimResult result) {
    long recorded;
    try {
      recorded = Numbers.whole(cell);
    } catch (NumberFormatException e) {
      throw new ConfigException(file, line, field, "expected a whole number, found '" + cell + "'");
    }
    if (recorded != actual) {
      throw new ConfigException(
          file,
          line,
          field,
          "layer "
              + layer
              + ": the schedule records "
              + recorded
              + " cycles, replaying it on "
              + result.hardware().name()
              + " at batch "
              + result.batch()
              + " took "
              + actual
              + " (written for other hardware, another batch"
              + " or another version of Tessel?)");
    }
  }

  private static boolean yesNo(String cell, String file, int line, String field) {
    return switch (cell) {
      case "yes" -> true;
      case "no" -> false;
      default ->
          throw new ConfigException(file, line, field, "expected yes or no, found '" + cell + "'");
    };
  }
}
