package org.tessel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tessel.sim.workload.Network;
import picocli.CommandLine.Option;

/** The network options of the commands that run one network: {@code -t FILE}, {@code -i}. */
final class NetworkOptions {
  @Option(names = {"-t", "--topology"}, required = true, paramLabel = "FILE",
      description = "Network: a SCALE-Sim topology CSV or a Tessel network YAML file.")
  Path topology;

  @Option(names = {"-i", "--input-type"}, paramLabel = "conv|gemm", defaultValue = "conv",
      description = "Columns of a topology CSV, as SCALE-Sim's -i (default: ${DEFAULT-VALUE}).")
  String inputType;

  /**
   * {@code e} located in the network file when it names a layer ({@code layer NAME}, as the
   * simulation's work limits do); otherwise {@code e} itself.
   */
  org.tessel.sim.config.ConfigException locate(org.tessel.sim.config.ConfigException e) {
    if (!e.file().startsWith("layer ") || e.line() != 0) {
      return e;
    }
    String prefix = e.file() + ": ";
    String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
        : e.getMessage();
    return new org.tessel.sim.config.ConfigException(topology.toString(), 0, e.file(), message);
  }


  /** Settings of the file read by {@link #load} that have no effect, one line each. */
  final List<String> notes = new ArrayList<>();

  /**
   * The network these options name; settings without effect go to {@link #notes}, for {@link
   * Loads#report} once every input has been read.
   */
  Network load() {
    return Loads.network(topology, inputType, notes);
  }
}
