package org.tessel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.Objective;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.workload.Network;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Reading the hardware and network options every command shares. */
final class Loads {
  private Loads() {}

  /** The hardware of {@code -c FILE} or {@code --hw PRESET|FILE} (default preset if neither). */
  static HardwareSpec hardware(CommandSpec spec, @Nullable Path config, @Nullable String hw) {
    return hardware(spec, config, hw, 0, null, new ArrayList<>());
  }

  /**
   * The hardware of {@code -c FILE} or {@code --hw PRESET|FILE} (default preset if neither), a
   * SCALE-Sim config read as SCALE-Sim {@code scaleSim} (2, 3, or 0: by the file), with SCALE-Sim
   * v3's layout file {@code layout} (may be null); settings without effect are added to {@code
   * ignored}, one line each.
   */
  static HardwareSpec hardware(
      CommandSpec spec,
      @Nullable Path config,
      @Nullable String hw,
      int scaleSim,
      @Nullable Path layout,
      List<String> ignored) {
    if (config != null && hw != null) {
      throw new ParameterException(spec.commandLine(), "give either -c/--config or --hw, not both");
    }
    if (scaleSim != 0 && scaleSim != 2 && scaleSim != 3) {
      throw new ConfigException("--scalesim", 0, "", "expected 2 or 3, was " + scaleSim);
    }
    HardwareSpec h =
        config != null
            ? Inputs.hardwareFile(config, scaleSim, ignored)
            : Inputs.hardware(hw != null ? hw : HardwareReader.DEFAULT_PRESET, scaleSim, ignored);
    if (layout != null) {
      if (!h.memoryModel().scaleSim()) {
        throw new ConfigException("-l", 0, "", "a layout file goes with a SCALE-Sim .cfg only");
      }
      if (!java.nio.file.Files.isRegularFile(layout)) {
        throw new ConfigException(
            layout.toString(), 0, "", "file not found (SCALE-Sim v3's -l" + " layout file)");
      }
      ignored.add(
          layout
              + ": ignored (SCALE-Sim v3 reads the layout only with IfmapCustomLayout"
              + " or FilterCustomLayout, which Tessel refuses)");
    }
    return h;
  }

  /**
   * Writes each line of {@code ignored} to stderr as {@code tessel: note: LINE} (after every input
   * has been read, so that a mistake is still the only line).
   */
  @SafeVarargs
  static void report(CommandSpec spec, List<String>... ignored) {
    var err = spec.commandLine().getErr();
    for (List<String> lines : ignored) {
      for (String line : lines) {
        err.println("tessel: note: " + line);
      }
    }
    err.flush();
  }

  /** The network of {@code -t FILE} read with {@code -i conv|gemm}. */
  static Network network(Path topology, String inputType) {
    return network(topology, inputType, new ArrayList<>());
  }

  /**
   * The network of {@code -t FILE} read with {@code -i conv|gemm}, its settings without effect
   * added to {@code ignored}.
   */
  static Network network(Path topology, String inputType, List<String> ignored) {
    TopologyReader.Mode mode =
        switch (inputType.toLowerCase(Locale.ROOT)) {
          case "conv" -> TopologyReader.Mode.CONV;
          case "gemm" -> TopologyReader.Mode.GEMM;
          default ->
              throw new ConfigException(
                  "-i", 0, "", "expected conv or gemm, was '" + inputType + "'");
        };
    return Inputs.network(topology, mode, ignored);
  }

  /**
   * The dataflows named by {@code option} (every one {@code hardware} runs when {@code names} is
   * null), without repeats, in {@link Dataflows#all()} order.
   */
  static List<Dataflow> dataflows(
      String option, HardwareSpec hardware, @Nullable List<String> names) {
    List<Dataflow> supported = CandidateSpace.dataflows(hardware);
    if (names == null) {
      return supported;
    }
    List<Dataflow> chosen = new ArrayList<>();
    for (String name : names) {
      Dataflow d =
          Dataflows.find(name)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          option,
                          0,
                          "",
                          "expected names from " + Dataflows.names() + ", found '" + name + "'"));
      if (!supported.contains(d)) {
        StringBuilder runs = new StringBuilder();
        supported.forEach(x -> runs.append(runs.length() == 0 ? "" : ", ").append(x.shortName()));
        throw new ConfigException(
            option,
            0,
            "",
            d.shortName() + " does not run on " + hardware.name() + " (it runs " + runs + ")");
      }
      if (!chosen.contains(d)) {
        chosen.add(d);
      }
    }
    chosen.sort((a, b) -> Integer.compare(Dataflows.all().indexOf(a), Dataflows.all().indexOf(b)));
    return chosen;
  }

  /** The scheduling objective named by {@code option}. */
  static Objective objective(String option, String name) {
    return Objective.find(name)
        .orElseThrow(
            () ->
                new ConfigException(
                    option, 0, "", "expected cycles, energy or edp, was '" + name + "'"));
  }

  /**
   * The hardware schedules are made and replayed on: {@code hw} itself, or for SCALE-Sim's memory
   * model (a {@code .cfg}, {@code memoryModel: scalesim}) the same hardware on Tessel's tile model,
   * which is what the scheduler prices (tilings, hand-offs); a note says so.
   */
  static HardwareSpec forSchedules(HardwareSpec hw, java.io.PrintWriter err) {
    if (hw.memoryModel() == org.tessel.sim.arch.MemoryModel.TILES) {
      return hw;
    }
    err.println(
        "note: schedules are priced and replayed on Tessel's tile memory model; "
            + hw.name()
            + " asks for SCALE-Sim's, which has no tilings or on-chip hand-offs");
    err.flush();
    return new HardwareSpec(
        hw.name(),
        hw.array(),
        hw.sram(),
        hw.dram(),
        hw.dataflow(),
        hw.clockMHz(),
        org.tessel.sim.arch.MemoryModel.TILES,
        hw.cgra());
  }

  /** Checks {@code --threads}. */
  static int threads(int threads) {
    if (threads <= 0) {
      throw new ConfigException("--threads", 0, "", "must be > 0, was " + threads);
    }
    return threads;
  }

  /** Checks {@code --batch}. */
  static int batch(int batch) {
    if (batch <= 0) {
      throw new ConfigException("--batch", 0, "", "must be > 0, was " + batch);
    }
    return batch;
  }
}
