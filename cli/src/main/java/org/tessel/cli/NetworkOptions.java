package org.tessel.cli;

import java.nio.file.Path;
import org.tessel.onnx.OnnxImport;
import org.tessel.sim.workload.Network;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The network options of the commands that run one network: {@code -t FILE}, {@code -i}, and
 * the ONNX options.
 */
final class NetworkOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = {"-t", "--topology"}, required = true, paramLabel = "FILE",
      description = "Network: a SCALE-Sim topology CSV, a Tessel network YAML or an ONNX model"
          + " (.onnx).")
  Path topology;

  @Option(names = {"-i", "--input-type"}, paramLabel = "conv|gemm", defaultValue = "conv",
      description = "Columns of a topology CSV, as SCALE-Sim's -i (default: ${DEFAULT-VALUE}).")
  String inputType;

  @Mixin OnnxOptions onnx;

  /** The network these options name. */
  Network load() {
    if (OnnxImport.isOnnx(topology)) {
      return onnx.read(topology, spec.commandLine().getErr()).network();
    }
    return Loads.network(topology, inputType);
  }
}
