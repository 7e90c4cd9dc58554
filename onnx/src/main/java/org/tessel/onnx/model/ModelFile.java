package org.tessel.onnx.model;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tessel.onnx.proto.Onnx.ModelProto;
import org.tessel.sim.config.ConfigException;

/**
 * Reads an ONNX model without copying its weights: the file is memory-mapped and parsed with
 * aliasing, so every {@code raw_data} field is a view of the mapping, never read unless asked for.
 * Weights in an external data file are never opened. A model of hundreds of MB parses in the time
 * its graph's structure takes.
 */
public final class ModelFile {
  private ModelFile() {}

  /**
   * Parses the model in {@code path}.
   *
   * @throws ConfigException when the file is missing, unreadable, truncated or not an ONNX model
   */
  public static ModelProto read(Path path) {
    String file = path.toString();
    // the reading policy of TextFiles (docs/inputs.md) but for the size limit: a model is
    // mapped, not read into memory, so its weights may take up to protobuf's 2 GiB
    if (!Files.exists(path)) {
      throw new ConfigException(
          file,
          0,
          "",
          Files.isSymbolicLink(path)
              ? "file not found (a symbolic link to nothing)"
              : "file not found");
    }
    if (Files.isDirectory(path)) {
      throw new ConfigException(file, 0, "", "is a folder, expected a file");
    }
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(
          file, 0, "", "is not a regular file (a pipe, socket or device);" + " give a file");
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0) {
        throw new ConfigException(file, 0, "", "the file is empty, not an ONNX model");
      }
      if (size > Integer.MAX_VALUE) {
        throw new ConfigException(
            file,
            0,
            "",
            "larger than 2 GiB, protobuf's limit for one"
                + " message; keep the weights in an external data file");
      }
      MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      // wrapped as an immutable ByteString: only then does aliasing hand out views of the
      // mapping instead of copies (CodedInputStream.newInstance(ByteBuffer) copies)
      return parse(file, UnsafeByteOperations.unsafeWrap(buf).newCodedInput());
    } catch (NoSuchFileException e) {
      throw new ConfigException(file, 0, "", "file not found");
    } catch (IOException e) {
      throw new ConfigException(file, 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** Parses a model held in memory (tests, benchmarks); {@code file} names it in messages. */
  public static ModelProto parse(String file, byte[] bytes) {
    return parse(file, UnsafeByteOperations.unsafeWrap(bytes).newCodedInput());
  }

  private static ModelProto parse(String file, CodedInputStream in) {
    in.enableAliasing(true);
    in.setSizeLimit(Integer.MAX_VALUE);
    ModelProto model;
    try {
      model = ModelProto.parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      String why = e.getMessage() == null ? "" : e.getMessage();
      throw new ConfigException(
          file,
          0,
          "",
          why.contains("ended unexpectedly")
              ? "truncated: the file ends in the middle of the model"
              : "not an ONNX model (not a valid protobuf ModelProto: " + firstSentence(why) + ")");
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(file, 0, "", "not an ONNX model (" + e + ")");
    }
    if (model.getIrVersion() <= 0 || !model.hasGraph() || model.getGraph().getNodeCount() == 0) {
      throw new ConfigException(
          file, 0, "", "not an ONNX model (no ir_version or no graph" + " with nodes)");
    }
    return model;
  }

  private static String firstSentence(String s) {
    int dot = s.indexOf(". ");
    return dot > 0 ? s.substring(0, dot) : s;
  }
}
