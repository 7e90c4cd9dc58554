package org.tessel.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessel.onnx.testing.OnnxModels.in;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tessel.onnx.map.Importer;
import org.tessel.onnx.testing.OnnxModels;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;

/** Element-wise arithmetic, activations and normalisations. */
class ElementwiseRulesTest {
  @Test
  void squeezeExcitationMultipliesWithBroadcast() {
    // x [1, 32, 14, 14] * sigmoid(fc(gap(x))) [1, 32, 1, 1] -> [1, 32, 14, 14], a mul layer
    Importer.Result r =
        new OnnxModels(13)
            .input("in", 1, 32, 14, 14)
            .weight("w0", 32, 32, 1, 1)
            .weight("w1", 8, 32, 1, 1)
            .weight("w2", 32, 8, 1, 1)
            .node("Conv", "conv", in("in", "w0"), in("x"))
            .node("GlobalAveragePool", "gap", in("x"), in("g"))
            .node("Conv", "fc1", in("g", "w1"), in("f1"))
            .node("Relu", "relu", in("f1"), in("f1r"))
            .node("Conv", "fc2", in("f1r", "w2"), in("f2"))
            .node("Sigmoid", "sig", in("f2"), in("s"))
            .node("Mul", "scale", in("x", "s"), in("y"))
            .load();
    assertArrayEquals(new long[] {1, 32, 14, 14}, r.dims("y"));
    Layer mul = r.network().layer("scale");
    assertEquals(LayerKind.MUL, mul.kind());
    assertEquals(14 * 14 * 32, mul.outputWords());
    assertEquals(
        List.of("conv", "gap", "fc1", "fc2", "scale"),
        r.network().layers().stream().map(Layer::name).toList());
    assertEquals(2, r.network().inputsOf(mul).size());
  }

  @Test
  void addSubDivBroadcastAndConstantsAreFree() {
    // [1, 8, 4, 4] + [8, 1, 1] (a constant bias): no layer; two activations: add / mul layers
    Importer.Result r =
        new OnnxModels(13)
            .input("x", 1, 8, 4, 4)
            .weight("bias", 8, 1, 1)
            .node("Add", "bias_add", in("x", "bias"), in("a"))
            .node("Sub", "sub", in("a", "x"), in("b"))
            .node("Div", "div", in("b", "a"), in("c"))
            .load();
    assertArrayEquals(new long[] {1, 8, 4, 4}, r.dims("a"));
    assertEquals(null, r.network().layer("bias_add"));
    assertEquals(LayerKind.ADD, r.network().layer("sub").kind());
    assertEquals(LayerKind.MUL, r.network().layer("div").kind());
  }

  @Test
  void shapesThatDoNotBroadcastAreRefused() {
    OnnxModels m =
        new OnnxModels(13)
            .input("x", 1, 8, 4, 4)
            .input("y", 1, 3, 4, 4)
            .node("Relu", "r", in("y"), in("y2"))
            .node("Add", "bad", in("x", "y2"), in("z"));
    ConfigException e = assertThrows(ConfigException.class, m::load);
    assertTrue(
        e.getMessage().startsWith("test.onnx: node 'bad' (Add): shapes do not agree"),
        e.getMessage());
  }

  @Test
  void batchNormFoldsIntoTheConvolutionBeforeIt() {
    // Conv -> BN (inference form) folds; BN on the network input stays, as a one-input mul
    Importer.Result r =
        new OnnxModels(13)
            .input("x", 1, 3, 8, 8)
            .weight("w", 4, 3, 3, 3)
            .weight("s", 4)
            .weight("b", 4)
            .weight("m", 4)
            .weight("v", 4)
            .weight("s3", 3)
            .weight("b3", 3)
            .weight("m3", 3)
            .weight("v3", 3)
            .node("Conv", "conv", in("x", "w"), in("c"))
            .node("BatchNormalization", "bn", in("c", "s", "b", "m", "v"), in("y"))
            .node("BatchNormalization", "bn_in", in("x", "s3", "b3", "m3", "v3"), in("z"))
            .load();
    assertEquals(null, r.network().layer("bn"));
    Layer unfolded = r.network().layer("bn_in");
    assertEquals(LayerKind.MUL, unfolded.kind());
    assertEquals(8 * 8 * 3, unfolded.outputWords());
  }

  @Test
  void trainingBatchNormHasFiveOutputs() {
    Importer.Result r =
        new OnnxModels(13)
            .input("x", 1, 3, 8, 8)
            .weight("w", 4, 3, 3, 3)
            .weight("s", 4)
            .weight("b", 4)
            .weight("m", 4)
            .weight("v", 4)
            .node("Conv", "conv", in("x", "w"), in("c"))
            .node(
                "BatchNormalization",
                "bn",
                in("c", "s", "b", "m", "v"),
                in("y", "rm", "rv", "sm", "sv"),
                "training_mode",
                1L)
            .node("Relu", "relu", in("y"), in("out"))
            .load();
    assertArrayEquals(new long[] {4}, r.dims("rv"));
    assertArrayEquals(new long[] {1, 4, 6, 6}, r.dims("out"));
    assertEquals(1, r.network().layers().size());
  }

  @Test
  void activationsAndNormalisationsKeepTheShapeAtNoCost() {
    OnnxModels m =
        new OnnxModels(13)
            .input("x", 1, 16, 8, 8)
            .floats("lo", 0f)
            .floats("hi", 6f)
            .weight("g", 8)
            .weight("beta", 8);
    String prev = "x";
    String[] ops = {
      "Relu",
      "Sigmoid",
      "HardSigmoid",
      "HardSwish",
      "Erf",
      "Tanh",
      "Softmax",
      "Dropout",
      "Identity",
      "LeakyRelu"
    };
    for (String op : ops) {
      m.node(op, op.toLowerCase(Locale.ROOT), in(prev), in(op + "_out"));
      prev = op + "_out";
    }
    m.node("Clip", "clip", in(prev, "lo", "hi"), in("clipped"));
    m.node("Flatten", "flat", in("clipped"), in("f"), "axis", 2L);
    m.node("Reshape", "rows", in("f", "sh"), in("rows_out")).ints("sh", 1, 128, 8);
    m.node(
        "LayerNormalization", "ln", in("rows_out", "g", "beta"), in("ln_out", "mean"), "axis", -1L);
    m.node("Add", "res", in("ln_out", "rows_out"), in("y"));
    Importer.Result r = m.load();
    for (String op : ops) {
      assertArrayEquals(new long[] {1, 16, 8, 8}, r.dims(op + "_out"), op);
    }
    assertArrayEquals(new long[] {1, 16, 8, 8}, r.dims("clipped"));
    assertArrayEquals(new long[] {16, 64}, r.dims("f"));
    assertArrayEquals(new long[] {1, 128, 8}, r.dims("ln_out"));
    assertArrayEquals(new long[] {1, 128, 1}, r.dims("mean"));
    assertEquals(1, r.network().layers().size());
    Layer add = r.network().layer("res");
    assertEquals(128, add.outH());
    assertEquals(8, add.outC());
    assertEquals(List.of(), r.network().inputsOf(add)); // both operands come from the input
  }

  @Test
  void geluAndClipWithAttributesInOldOpsets() {
    Importer.Result r =
        new OnnxModels(20)
            .input("x", 1, 10)
            .node("Gelu", "gelu", in("x"), in("g"))
            .node("Mul", "gate", in("g", "x"), in("y"))
            .load();
    assertArrayEquals(new long[] {1, 10}, r.dims("g"));
    Importer.Result r6 =
        new OnnxModels(7)
            .input("x", 1, 10)
            .node("Clip", "clip", in("x"), in("c"), "min", 0f, "max", 6f)
            .node("Add", "a", in("c", "x"), in("y"))
            .load();
    assertArrayEquals(new long[] {1, 10}, r6.dims("c"));
  }
}
