package org.tessel.onnx;

import java.nio.file.Path;
import java.util.Map;
import org.tessel.onnx.map.Importer;
import org.tessel.onnx.model.ModelFile;
import org.tessel.onnx.proto.Onnx.ModelProto;

/**
 * Reads an ONNX model (weights never loaded) and maps it onto Tessel's layers. The entry point of
 * the module; see docs/onnx.md for the operators and how each maps.
 */
public final class OnnxImport {
  private OnnxImport() {}

  /**
   * Imports the model in {@code path}; the network is named after the file.
   *
   * @param skipUnknown pass operators without a rule through at zero cost (listed in the result)
   *     instead of refusing the model
   * @param dims sizes for symbolic dimensions other than the network input's batch
   * @throws org.tessel.sim.config.ConfigException for a mistake, naming the file and the node
   */
  public static Importer.Result read(Path path, boolean skipUnknown, Map<String, Long> dims) {
    ModelProto model = ModelFile.read(path);
    return Importer.run(model, path.toString(), networkName(path), skipUnknown, dims);
  }

  /** True when {@code path} names an ONNX file (by its extension). */
  public static boolean isOnnx(Path path) {
    return path.getFileName() != null
        && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
  }

  private static String networkName(Path path) {
    String f = path.getFileName().toString();
    int dot = f.lastIndexOf('.');
    return dot > 0 ? f.substring(0, dot) : f;
  }
}
