package org.tessel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tessel.onnx.OnnxImport;
import org.tessel.onnx.map.Importer;
import org.tessel.sim.config.ConfigException;
import picocli.CommandLine.Option;

/** The options of every command that reads an ONNX model: {@code --skip-unknown}, {@code --dim}. */
final class OnnxOptions {
  @Option(
      names = "--skip-unknown",
      description =
          "ONNX: pass operators Tessel has no rule for through at zero cost (listed on"
              + " stderr) instead of refusing the model.")
  boolean skipUnknown;

  @Option(
      names = "--dim",
      paramLabel = "NAME=N",
      description = "ONNX: the size of a symbolic dimension other than the batch (repeatable).")
  Map<String, Long> dims = new LinkedHashMap<>();

  /** Imports the model in {@code file}, listing passed-through operators on {@code err}. */
  Importer.Result read(Path file, PrintWriter err) {
    for (Map.Entry<String, Long> d : dims.entrySet()) {
      if (d.getValue() == null || d.getValue() <= 0) {
        throw new ConfigException("--dim", 0, d.getKey(), "must be > 0, was " + d.getValue());
      }
    }
    Importer.Result r = OnnxImport.read(file, skipUnknown, dims);
    if (!r.skipped().isEmpty()) {
      err.println(
          "tessel: warning: "
              + file
              + ": "
              + r.skipped().size()
              + " node(s) of"
              + " unsupported operators passed through at zero cost (--skip-unknown):");
      for (String s : r.skipped()) {
        err.println("  " + s);
      }
      err.flush();
    }
    return r;
  }
}
