package org.tessel.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessel.onnx.testing.OnnxModels.in;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.onnx.map.Importer;
import org.tessel.onnx.proto.Onnx.ModelProto;
import org.tessel.onnx.proto.Onnx.TensorProto;
import org.tessel.onnx.testing.OnnxModels;
import org.tessel.sim.config.ConfigException;

/** Every mistake is one line naming the file (and the node where there is one). */
class BadInputTest {
  @TempDir Path dir;

  private static OnnxModels small() {
    return new OnnxModels(13)
        .input("x", 1, 3, 8, 8)
        .weight("w", 4, 3, 3, 3)
        .node("Conv", "conv", in("x", "w"), in("y"))
        .output("y");
  }

  private String fails(Path file) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> OnnxImport.read(file, false, Map.of()));
    assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
    assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
    return e.getMessage();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void truncatedFile() throws IOException {
    byte[] all = small().bytes();
    String m = fails(write("cut.onnx", Arrays.copyOf(all, all.length - 5)));
    assertTrue(m.contains("truncated"), m);
  }

  @Test
  void notProtobuf() throws IOException {
    String m =
        fails(write("text.onnx", "name: resnet\nlayers: []\n".getBytes(StandardCharsets.UTF_8)));
    assertTrue(m.contains("not an ONNX model"), m);
    assertTrue(fails(write("empty.onnx", new byte[0])).contains("empty"));
    assertTrue(fails(dir.resolve("absent.onnx")).contains("file not found"));
  }

  @Test
  void cycle() throws IOException {
    OnnxModels m =
        new OnnxModels(13)
            .input("x", 1, 4)
            .node("Add", "a", in("x", "c"), in("b"))
            .node("Relu", "r", in("b"), in("c"));
    String msg = fails(write("cycle.onnx", m.bytes()));
    assertTrue(msg.contains("node 'a' (Add): the graph has a cycle"), msg);
  }

  @Test
  void missingInput() throws IOException {
    OnnxModels m = small().node("Add", "sum", in("y", "nowhere"), in("z"));
    String msg = fails(write("missing.onnx", m.bytes()));
    assertTrue(msg.contains("node 'sum' (Add): input 'nowhere' is missing"), msg);
  }

  @Test
  void shapeMismatch() throws IOException {
    OnnxModels m =
        new OnnxModels(13)
            .input("x", 1, 5, 8, 8)
            .weight("w", 4, 3, 3, 3)
            .node("Conv", "conv", in("x", "w"), in("y"));
    String msg = fails(write("mismatch.onnx", m.bytes()));
    assertTrue(msg.contains("node 'conv' (Conv): shapes do not agree"), msg);
  }

  @Test
  void unsupportedOpset() throws IOException {
    OnnxModels old =
        new OnnxModels(5)
            .input("x", 1, 3, 8, 8)
            .weight("w", 4, 3, 3, 3)
            .node("Conv", "conv", in("x", "w"), in("y"));
    assertTrue(
        fails(write("old.onnx", old.bytes()))
            .contains("opset_import: unsupported opset 5" + " (supported: 7 to 28)"));
    OnnxModels future =
        new OnnxModels(99)
            .input("x", 1, 3, 8, 8)
            .weight("w", 4, 3, 3, 3)
            .node("Conv", "conv", in("x", "w"), in("y"));
    assertTrue(fails(write("new.onnx", future.bytes())).contains("unsupported opset 99"));
  }

  @Test
  void unknownOperatorIsRefusedOrPassedThrough() throws IOException {
    OnnxModels m =
        small()
            .node("Frobnicate", "frob", in("y"), in("z"))
            .weight("w2", 2, 4, 1, 1)
            .node("Conv", "after", in("z", "w2"), in("out"));
    Path p = write("unknown.onnx", m.bytes());
    String msg = fails(p);
    assertEquals(
        p
            + ": node 'frob' (Frobnicate): unsupported operator Frobnicate"
            + " (--skip-unknown passes it through at zero cost)",
        msg);
    Importer.Result r = OnnxImport.read(p, true, Map.of());
    assertEquals(1, r.skipped().size());
    assertTrue(r.skipped().get(0).startsWith("node 'frob' (Frobnicate)"));
    assertEquals(2, r.network().layers().size());
    assertEquals(6 * 6 * 2 * 4, r.network().layer("after").macs());
    assertEquals(
        r.network().layer("conv"), r.network().inputsOf(r.network().layer("after")).get(0));
  }

  @Test
  void symbolicBatchIsOneImageOtherSymbolsNeedASize() throws IOException {
    Importer.Result r =
        new OnnxModels(13)
            .input("x", "N", 3, 8, 8)
            .weight("w", 4, 3, 3, 3)
            .node("Conv", "conv", in("x", "w"), in("y"))
            .load();
    assertArrayEquals(new long[] {1, 4, 6, 6}, r.dims("y"));
    OnnxModels seq =
        new OnnxModels(13)
            .input("x", "N", "seq", 64)
            .weight("w", 64, 10)
            .node("MatMul", "mm", in("x", "w"), in("y"));
    Path p = write("seq.onnx", seq.bytes());
    assertTrue(
        fails(p)
            .contains(
                "graph.input 'x': dimension 1 is the symbol 'seq'; give it a"
                    + " size with --dim seq=N"));
    Importer.Result given = OnnxImport.read(p, false, Map.of("seq", 128L));
    assertEquals(128L * 64 * 10, given.network().layer("mm").macs());
  }

  @Test
  void weightsAreNeverReadEvenWhenTheirExternalFileIsAbsent() throws IOException {
    ModelProto m = small().model();
    ModelProto ext =
        m.toBuilder()
            .setGraph(
                m.getGraph().toBuilder()
                    .setInitializer(
                        0,
                        m.getGraph().getInitializer(0).toBuilder()
                            .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                            .addExternalData(
                                org.tessel.onnx.proto.Onnx.StringStringEntryProto.newBuilder()
                                    .setKey("location")
                                    .setValue("weights-that-do-not-exist.bin"))))
            .build();
    Path p = write("external.onnx", ext.toByteArray());
    Importer.Result r = OnnxImport.read(p, false, Map.of());
    assertEquals(6L * 6 * 4 * 27, r.network().macs());
  }
}
