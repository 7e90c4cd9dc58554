package org.tessel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tessel.onnx.NetworkYaml;
import org.tessel.onnx.OnnxImport;
import org.tessel.onnx.map.Importer;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.output.OutputFile;
import org.tessel.sim.output.OutputPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tessel convert}: an ONNX model to an editable Tessel network file. */
@Command(
    name = ConvertCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Convert an ONNX model into a Tessel network file (YAML) with the ONNX node names, which"
          + " simulates exactly as the model does.",
      "The file is written whole or not at all."
    })
final class ConvertCommand implements Callable<Integer> {
  /** The subcommand's name, read by {@link Main} without reflection. */
  static final String NAME = "convert";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL.onnx", description = "The ONNX model.")
  Path model;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The network file to write (replaced if it exists).")
  Path output;

  @Mixin OnnxOptions onnx;

  @Override
  public Integer call() throws IOException {
    if (!OnnxImport.isOnnx(model)) {
      throw new ConfigException(model.toString(), 0, "", "expected an ONNX model (.onnx)");
    }
    OutputPolicy policy = OutputPolicy.of(false, model);
    policy.check(output);
    Importer.Result r = onnx.read(model, spec.commandLine().getErr());
    String text = NetworkYaml.write(r, model.getFileName().toString());
    OutputFile.write(output, text, policy);
    spec.commandLine()
        .getOut()
        .printf(
            "%s: %d layers, %,d MACs per image -> %s%n",
            model, r.network().layers().size(), r.network().macs(), output);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
