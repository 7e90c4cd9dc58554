package org.tessel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.Objective;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.workload.Network;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Reading the hardware and network options every command shares. */
final class Loads {
  private Loads() {}

  /** The hardware of {@code -c FILE} or {@code --hw PRESET|FILE} (default preset if neither). */
  static HardwareSpec hardware(CommandSpec spec, Path config, String hw) {
    if (config != null && hw != null) {
      throw new ParameterException(spec.commandLine(), "give either -c/--config or --hw, not both");
    }
    return config != null ? Inputs.hardwareFile(config)
        : Inputs.hardware(hw != null ? hw : HardwareReader.DEFAULT_PRESET);
  }

  /** The network of {@code -t FILE} read with {@code -i conv|gemm}. */
  static Network network(Path topology, String inputType) {
    TopologyReader.Mode mode;
    switch (inputType.toLowerCase(Locale.ROOT)) {
      case "conv":
        mode = TopologyReader.Mode.CONV;
        break;
      case "gemm":
        mode = TopologyReader.Mode.GEMM;
        break;
      default:
        throw new ConfigException("-i", 0, "", "expected conv or gemm, was '" + inputType + "'");
    }
    return Inputs.network(topology, mode);
  }

  /**
   * The dataflows named by {@code option} (every one {@code hardware} runs when {@code names} is
   * null), without repeats, in {@link Dataflows#all()} order.
   */
  static List<Dataflow> dataflows(String option, HardwareSpec hardware, List<String> names) {
    List<Dataflow> supported = CandidateSpace.dataflows(hardware);
    if (names == null) {
      return supported;
    }
    List<Dataflow> chosen = new ArrayList<>();
    for (String name : names) {
      Dataflow d = Dataflows.find(name).orElseThrow(() -> new ConfigException(option, 0, "",
          "expected names from " + Dataflows.names() + ", found '" + name + "'"));
      if (!supported.contains(d)) {
        StringBuilder runs = new StringBuilder();
        supported.forEach(x -> runs.append(runs.length() == 0 ? "" : ", ")
            .append(x.shortName()));
        throw new ConfigException(option, 0, "", d.shortName() + " does not run on "
            + hardware.name() + " (it runs " + runs + ")");
      }
      if (!chosen.contains(d)) {
        chosen.add(d);
      }
    }
    chosen.sort((a, b) -> Integer.compare(Dataflows.all().indexOf(a),
        Dataflows.all().indexOf(b)));
    return chosen;
  }

  /** The scheduling objective named by {@code option}. */
  static Objective objective(String option, String name) {
    return Objective.find(name).orElseThrow(() -> new ConfigException(option, 0, "",
        "expected cycles, energy or edp, was '" + name + "'"));
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
