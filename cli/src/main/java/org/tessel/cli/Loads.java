package org.tessel.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.HardwareReader;
import org.tessel.sim.config.Inputs;
import org.tessel.sim.config.TopologyReader;
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

  /** Checks {@code --batch}. */
  static int batch(int batch) {
    if (batch <= 0) {
      throw new ConfigException("--batch", 0, "", "must be > 0, was " + batch);
    }
    return batch;
  }
}
