package org.tessel.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessel.onnx.testing.OnnxModels.in;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.onnx.map.Importer;
import org.tessel.onnx.testing.OnnxModels;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.NetworkReader;
import org.tessel.sim.report.ScaleSimReports;
import org.tessel.sim.report.Summary;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;
import org.tessel.sim.workload.Network;

/**
 * {@code tessel convert}'s file reads back to the same network: the same layers, the same
 * connections, and byte-identical reports on a systolic and a row-stationary array.
 */
class ConvertRoundTripTest {
  @TempDir Path dir;

  private void roundTrip(Importer.Result r) throws IOException {
    roundTrip(r, new String[] {"default", "eyeriss"});
  }

  private void roundTrip(Importer.Result r, String[] hardware) throws IOException {
    Path yaml = dir.resolve(r.network().name() + ".yaml");
    Files.writeString(yaml, NetworkYaml.write(r, "model.onnx"));
    Network back = NetworkReader.read(yaml);
    Network orig = r.network();
    assertEquals(orig.name(), back.name());
    assertEquals(orig.layers(), back.layers());
    for (Layer l : orig.layers()) {
      assertEquals(orig.inputsOf(l), back.inputsOf(back.layer(l.name())), l.name());
    }
    for (String hw : hardware) {
      HardwareSpec spec = HardwareReader.preset(hw);
      SimResult a = Simulation.run(orig, spec, 2);
      SimResult b = Simulation.run(back, spec, 2);
      assertEquals(Summary.json(a), Summary.json(b), hw);
      assertEquals(ScaleSimReports.compute(a), ScaleSimReports.compute(b), hw);
    }
  }

  @Test
  void everyReferenceExport() throws IOException {
    Path onnx = Shared.validationDir().resolve("onnx");
    try (Stream<Path> s = Files.list(onnx)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList()) {
        // the same layers and connections; reports on one array (the rest is slow for VGG-16)
        roundTrip(OnnxImport.read(f, false, Map.of()), new String[] {"default"});
      }
    }
  }

  @Test
  void convolutionalBlockWithEveryWindowFeature() throws IOException {
    // dilated and asymmetric convolutions, SAME padding, ceil-mode pooling, a transposed
    // convolution, squeeze-excitation (mul), concatenation and a flatten into a linear layer
    Importer.Result r =
        new OnnxModels(13)
            .input("x", 1, 3, 33, 33)
            .weight("w1", 16, 3, 3, 3)
            .weight("w2", 16, 1, 3, 3)
            .weight("w3", 8, 16, 2, 2)
            .weight("se1", 4, 16, 1, 1)
            .weight("se2", 16, 4, 1, 1)
            .weight("up", 8, 16, 2, 2)
            .weight("fc", 10, 2048)
            .node(
                "Conv",
                "stem",
                in("x", "w1"),
                in("a"),
                "strides",
                new long[] {2, 2},
                "auto_pad",
                "SAME_UPPER")
            .node(
                "Conv",
                "dw",
                in("a", "w2"),
                in("b"),
                "group",
                16L,
                "dilations",
                new long[] {2, 2},
                "pads",
                new long[] {2, 1, 2, 3})
            .node(
                "MaxPool",
                "pool",
                in("b"),
                in("c"),
                "kernel_shape",
                new long[] {3, 3},
                "strides",
                new long[] {2, 2},
                "ceil_mode",
                1L)
            .node("GlobalAveragePool", "gap", in("c"), in("g"))
            .node("Conv", "se_reduce", in("g", "se1"), in("g1"))
            .node("Conv", "se_expand", in("g1", "se2"), in("g2"))
            .node("Sigmoid", "gate", in("g2"), in("g3"))
            .node("Mul", "excite", in("c", "g3"), in("d"))
            .node("Conv", "asym", in("d", "w3"), in("e"), "pads", new long[] {0, 1, 1, 0})
            .node("ConvTranspose", "deconv", in("e", "up"), in("f"), "strides", new long[] {2, 2})
            .node("Resize", "shrink", in("f", "", "", "size"), in("f2"))
            .ints("size", 1, 16, 8, 8)
            .node("Concat", "cat", in("d", "f2"), in("h"), "axis", 1L)
            .node("Flatten", "flat", in("h"), in("i"))
            .node("Gemm", "classifier", in("i", "fc"), in("y"), "transB", 1L)
            .load();
    assertEquals(
        java.util.List.of(1L, 32L, 8L, 8L), java.util.Arrays.stream(r.dims("h")).boxed().toList());
    assertTrue(r.network().layers().stream().anyMatch(l -> l.kind() == LayerKind.CONCAT));
    roundTrip(r);
  }

  @Test
  void attentionBlock() throws IOException {
    // one transformer block on 50 tokens of 64 features, 4 heads of 16
    OnnxModels m =
        new OnnxModels(17)
            .input("x", "batch", 50, 64)
            .weight("wqkv", 64, 192)
            .weight("wo", 64, 64)
            .weight("w1", 64, 256)
            .weight("w2", 256, 64)
            .weight("g", 64)
            .weight("b", 64)
            .ints("heads", 1, 50, 3, 4, 16)
            .ints("merge", 1, 50, 64)
            .node("LayerNormalization", "ln1", in("x", "g", "b"), in("n1"), "axis", -1L)
            .node("MatMul", "qkv", in("n1", "wqkv"), in("qkv"))
            .node("Reshape", "split_heads", in("qkv", "heads"), in("qkv5"))
            .node("Transpose", "perm", in("qkv5"), in("qkvt"), "perm", new long[] {2, 0, 3, 1, 4})
            .node("Split", "split", in("qkvt"), in("q0", "k0", "v0"), "axis", 0L)
            .ints("ax0", 0)
            .node("Squeeze", "sq", in("q0", "ax0"), in("q"))
            .node("Squeeze", "sk", in("k0", "ax0"), in("k"))
            .node("Squeeze", "sv", in("v0", "ax0"), in("v"))
            .node("Transpose", "kt", in("k"), in("kT"), "perm", new long[] {0, 1, 3, 2})
            .node("MatMul", "scores", in("q", "kT"), in("s"))
            .floats("scale", 0.25f)
            .node("Mul", "scaled", in("s", "scale"), in("s2"))
            .node("Softmax", "softmax", in("s2"), in("p"), "axis", -1L)
            .node("MatMul", "mix", in("p", "v"), in("o"))
            .node("Transpose", "merge_t", in("o"), in("ot"), "perm", new long[] {0, 2, 1, 3})
            .node("Reshape", "merge_heads", in("ot", "merge"), in("om"))
            .node("MatMul", "proj", in("om", "wo"), in("pr"))
            .node("Add", "res1", in("x", "pr"), in("r1"))
            .node("MatMul", "fc1", in("r1", "w1"), in("h1"))
            .node("Gelu", "gelu", in("h1"), in("h2"))
            .node("MatMul", "fc2", in("h2", "w2"), in("h3"))
            .node("Add", "res2", in("r1", "h3"), in("y"));
    Importer.Result r = m.load();
    Network n = r.network();
    assertEquals(4L * 50 * 50 * 16, n.layer("scores").macs());
    assertEquals(4L * 50 * 16 * 50, n.layer("mix").macs());
    assertEquals(
        50L * 64 * 192 + 2 * 4 * 50 * 50 * 16 + 50L * 64 * 64 + 2 * 50L * 64 * 256, n.macs());
    roundTrip(r);
  }
}
