package org.tessel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tessel.onnx.OnnxImport;
import org.tessel.sim.workload.Network;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The network options of the commands that run one network: {@code -t FILE}, {@code -i}, and the
 * ONNX options.
 */
final class NetworkOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-t", "--topology"},
      required = true,
      paramLabel = "FILE",
      description =
          "Network: a SCALE-Sim topology CSV, a Tessel network YAML or an ONNX model" + " (.onnx).")
  Path topology;

  @Option(
      names = {"-i", "--input-type"},
      paramLabel = "conv|gemm",
      defaultValue = "conv",
      description = "Columns of a topology CSV, as SCALE-Sim's -i (default: ${DEFAULT-VALUE}).")
  String inputType;

  @Mixin OnnxOptions onnx;

  /**
   * {@code e} located in the network file when it names a layer ({@code layer NAME}, as the
   * simulation's work limits do); otherwise {@code e} itself.
   */
  org.tessel.sim.config.ConfigException locate(org.tessel.sim.config.ConfigException e) {
    if (!e.file().startsWith("layer ") || e.line() != 0) {
      return e;
    }
    String prefix = e.file() + ": ";
    String all = org.tessel.sim.config.ConfigException.messageOf(e);
    String message = all.startsWith(prefix) ? all.substring(prefix.length()) : all;
    return new org.tessel.sim.config.ConfigException(topology.toString(), 0, e.file(), message);
  }

  /** Settings of the file read by {@link #load} that have no effect, one line each. */
  final List<String> notes = new ArrayList<>();

  /**
   * The network these options name; settings without effect go to {@link #notes}, for {@link
   * Loads#report} once every input has been read. An ONNX model's passed-through operators are
   * listed on stderr as it is read.
   */
  Network load() {
    if (OnnxImport.isOnnx(topology)) {
      return onnx.read(topology, spec.commandLine().getErr()).network();
    }
    return Loads.network(topology, inputType, notes);
  }
}
