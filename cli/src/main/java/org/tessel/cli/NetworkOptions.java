package org.tessel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tessel.sim.workload.Network;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The network options of the commands that run one network: {@code -t FILE}, {@code -i}. */
final class NetworkOptions {
  @Option(names = {"-t", "--topology"}, required = true, paramLabel = "FILE",
      description = "Network: a SCALE-Sim topology CSV or a Tessel network YAML file.")
  Path topology;

  @Option(names = {"-i", "--input-type"}, paramLabel = "conv|gemm", defaultValue = "conv",
      description = "Columns of a topology CSV, as SCALE-Sim's -i (default: ${DEFAULT-VALUE}).")
  String inputType;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The network these options name; settings without effect go to stderr, one line each. */
  Network load() {
    List<String> ignored = new ArrayList<>();
    Network n = Loads.network(topology, inputType, ignored);
    if (mixee != null) {
      Loads.report(mixee, ignored);
    }
    return n;
  }
}
