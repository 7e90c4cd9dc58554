package org.tessel.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessel.onnx.testing.OnnxModels.in;

import org.junit.jupiter.api.Test;
import org.tessel.onnx.map.Importer;
import org.tessel.onnx.testing.OnnxModels;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;

/** Reshapes, slices, joins and the shape arithmetic around them, across opsets. */
class LayoutRulesTest {
  /** A model whose input feeds a conv (so there is a layer) before the nodes under test. */
  private static OnnxModels base(int opset) {
    return new OnnxModels(opset)
        .input("in", 1, 8, 6, 6)
        .weight("w", 8, 8, 1, 1)
        .node("Conv", "conv", in("in", "w"), in("x"));
  }

  @Test
  void reshapeWithZeroAndMinusOneFlattenTranspose() {
    Importer.Result r =
        base(13)
            .ints("s", 0, -1, 3)
            .node("Reshape", "r", in("x", "s"), in("a"))
            .node("Flatten", "f", in("x"), in("b"), "axis", 1L)
            .node("Transpose", "t", in("x"), in("c"), "perm", new long[] {0, 2, 3, 1})
            .node("Transpose", "rev", in("x"), in("d"))
            .load();
    assertArrayEquals(new long[] {1, 96, 3}, r.dims("a")); // 0 copies 1; -1 = 288 / 3
    assertArrayEquals(new long[] {1, 288}, r.dims("b"));
    assertArrayEquals(new long[] {1, 6, 6, 8}, r.dims("c"));
    assertArrayEquals(new long[] {6, 6, 8, 1}, r.dims("d"));
  }

  @Test
  void reshapeOfTheWrongSizeIsRefused() {
    OnnxModels m = base(13).ints("s", 1, 100).node("Reshape", "bad", in("x", "s"), in("a"));
    ConfigException e = assertThrows(ConfigException.class, m::load);
    assertTrue(
        e.getMessage().startsWith("test.onnx: node 'bad' (Reshape): shapes do not agree"),
        e.getMessage());
  }

  @Test
  void squeezeAndUnsqueezeAsAttributeBefore13AndAsInputFrom13() {
    Importer.Result r11 =
        base(11)
            .node("Unsqueeze", "u", in("x"), in("a"), "axes", new long[] {0, -1})
            .node("Squeeze", "s", in("a"), in("b"), "axes", new long[] {0})
            .node("Squeeze", "all", in("a"), in("c"))
            .load();
    assertArrayEquals(new long[] {1, 1, 8, 6, 6, 1}, r11.dims("a"));
    assertArrayEquals(new long[] {1, 8, 6, 6, 1}, r11.dims("b"));
    assertArrayEquals(new long[] {8, 6, 6}, r11.dims("c"));
    Importer.Result r13 =
        base(13)
            .ints("ax", 0, -1)
            .ints("ax0", 0)
            .node("Unsqueeze", "u", in("x", "ax"), in("a"))
            .node("Squeeze", "s", in("a", "ax0"), in("b"))
            .load();
    assertArrayEquals(new long[] {1, 1, 8, 6, 6, 1}, r13.dims("a"));
    assertArrayEquals(new long[] {1, 8, 6, 6, 1}, r13.dims("b"));
  }

  @Test
  void splitSizesAsAttributeInputOrEqualParts() {
    Importer.Result r11 =
        base(11)
            .node("Split", "sp", in("x"), in("a", "b"), "axis", 1L, "split", new long[] {3, 5})
            .load();
    assertArrayEquals(new long[] {1, 3, 6, 6}, r11.dims("a"));
    assertArrayEquals(new long[] {1, 5, 6, 6}, r11.dims("b"));
    Importer.Result r13 =
        base(13)
            .ints("sz", 2, 6)
            .node("Split", "sp", in("x", "sz"), in("a", "b"), "axis", 1L)
            .node("Split", "eq", in("x"), in("c", "d", "e"), "axis", -1L)
            .load();
    assertArrayEquals(new long[] {1, 6, 6, 6}, r13.dims("b"));
    assertArrayEquals(new long[] {1, 8, 6, 2}, r13.dims("e"));
    Importer.Result r18 =
        base(18)
            .node("Split", "odd", in("x"), in("a", "b", "c", "d"), "axis", 1L, "num_outputs", 4L)
            .load();
    assertArrayEquals(new long[] {1, 2, 6, 6}, r18.dims("d"));
    OnnxModels bad =
        base(13).ints("sz", 2, 5).node("Split", "sp", in("x", "sz"), in("a", "b"), "axis", 1L);
    assertThrows(ConfigException.class, bad::load);
  }

  @Test
  void sliceAsAttributesBefore10AndInputsWithStepsAfter() {
    Importer.Result r9 =
        base(9)
            .node(
                "Slice",
                "sl",
                in("x"),
                in("a"),
                "starts",
                new long[] {1, -4},
                "ends",
                new long[] {Long.MAX_VALUE, 5},
                "axes",
                new long[] {1, 3})
            .load();
    assertArrayEquals(new long[] {1, 7, 6, 3}, r9.dims("a")); // axis 3: from 2 to 5
    Importer.Result r13 =
        base(13)
            .ints("st", 5, 0)
            .ints("en", -100, 6)
            .ints("ax", 2, 1)
            .ints("step", -2, 3)
            .node("Slice", "sl", in("x", "st", "en", "ax", "step"), in("a"))
            .load();
    // axis 2: 5, 3, 1 (3 elements); axis 1: 0, 3 (2 elements)
    assertArrayEquals(new long[] {1, 2, 3, 6}, r13.dims("a"));
  }

  @Test
  void padAsAttributeBefore11AndInputFrom11() {
    Importer.Result r7 =
        base(7)
            .node("Pad", "p", in("x"), in("a"), "pads", new long[] {0, 0, 1, 2, 0, 0, 3, 4})
            .load();
    assertArrayEquals(new long[] {1, 8, 10, 12}, r7.dims("a"));
    Importer.Result r13 =
        base(13)
            .ints("pads", 0, 0, 1, 1, 0, 0, 1, 1)
            .node("Pad", "p", in("x", "pads"), in("a"))
            .load();
    assertArrayEquals(new long[] {1, 8, 8, 8}, r13.dims("a"));
  }

  @Test
  void resizeByScalesOrSizesAndUpsample() {
    Importer.Result r13 =
        base(13)
            .floats("sc", 1f, 1f, 2f, 2.5f)
            .ints("sz", 1, 8, 3, 4)
            .node("Resize", "up", in("x", "", "sc"), in("a"))
            .node("Resize", "to", in("x", "", "", "sz"), in("b"))
            .load();
    assertArrayEquals(new long[] {1, 8, 12, 15}, r13.dims("a"));
    assertArrayEquals(new long[] {1, 8, 3, 4}, r13.dims("b"));
    Importer.Result r7 =
        base(7)
            .node("Upsample", "up", in("x"), in("a"), "scales", new float[] {1f, 1f, 2f, 2f})
            .load();
    assertArrayEquals(new long[] {1, 8, 12, 12}, r7.dims("a"));
    Importer.Result r10 =
        base(10).floats("sc", 1f, 1f, 3f, 3f).node("Resize", "up", in("x", "sc"), in("a")).load();
    assertArrayEquals(new long[] {1, 8, 18, 18}, r10.dims("a"));
  }

  @Test
  void concatOfActivationsIsALayer() {
    Importer.Result r =
        base(13)
            .weight("w2", 4, 8, 3, 3)
            .node("Conv", "branch", in("x", "w2"), in("y"), "pads", new long[] {1, 1, 1, 1})
            .node("Concat", "cat", in("x", "y"), in("z"), "axis", 1L)
            .load();
    assertArrayEquals(new long[] {1, 12, 6, 6}, r.dims("z"));
    Layer cat = r.network().layer("cat");
    assertEquals(LayerKind.CONCAT, cat.kind());
    assertEquals(12, cat.outC());
    assertEquals(2, r.network().inputsOf(cat).size());
    OnnxModels bad =
        base(13)
            .weight("w2", 4, 8, 3, 3)
            .node("Conv", "branch", in("x", "w2"), in("y"))
            .node("Concat", "cat", in("x", "y"), in("z"), "axis", 1L);
    ConfigException e = assertThrows(ConfigException.class, bad::load);
    assertTrue(e.getMessage().contains("node 'cat' (Concat): shapes do not agree"));
  }

  @Test
  void shapeGatherConcatChainGivesReshapeItsTarget() {
    // the classic exporter's flatten: Reshape(x, Concat(Unsqueeze(Gather(Shape(x), 0)), [-1]))
    Importer.Result r =
        base(11)
            .ints("idx0", 0)
            .ints("minus1", -1)
            .node("Shape", "shape", in("x"), in("s"))
            .node("Constant", "zero", in(), in("z"), "value", OnnxModels.intScalar(0))
            .node("Gather", "g", in("s", "z"), in("n"), "axis", 0L)
            .node("Unsqueeze", "u", in("n"), in("n1"), "axes", new long[] {0})
            .node("Concat", "c", in("n1", "minus1"), in("target"), "axis", 0L)
            .node("Reshape", "r", in("x", "target"), in("flat"))
            .weight("fcw", 10, 288)
            .node("Gemm", "fc", in("flat", "fcw"), in("y"), "transB", 1L)
            .load();
    assertArrayEquals(new long[] {1, 8, 6, 6}, r.tensors().get("s").intValues());
    assertArrayEquals(new long[] {1, -1}, r.tensors().get("target").intValues());
    assertArrayEquals(new long[] {1, 288}, r.dims("flat"));
    assertEquals(LayerKind.FC, r.network().layer("fc").kind());
    assertEquals(2880, r.network().layer("fc").macs());
  }

  @Test
  void expandTileConstantOfShapeRange() {
    Importer.Result r =
        base(13)
            .ints("shape", 2, 1, 1, 1)
            .ints("rep", 1, 2, 1, 1)
            .ints("start", 0)
            .ints("limit", 10)
            .ints("delta", 3)
            .node("Expand", "e", in("x", "shape"), in("a"))
            .node("Tile", "t", in("x", "rep"), in("b"))
            .node("ConstantOfShape", "c", in("shape"), in("c"))
            .node("Range", "rg", in("start", "limit", "delta"), in("d"))
            .load();
    assertArrayEquals(new long[] {2, 8, 6, 6}, r.dims("a"));
    assertArrayEquals(new long[] {1, 16, 6, 6}, r.dims("b"));
    assertArrayEquals(new long[] {2, 1, 1, 1}, r.dims("c"));
    assertArrayEquals(new long[] {0, 3, 6, 9}, r.tensors().get("d").intValues());
  }
}
