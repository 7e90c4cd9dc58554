package org.tessel.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tessel.onnx.testing.OnnxModels.in;

import org.junit.jupiter.api.Test;
import org.tessel.onnx.map.Importer;
import org.tessel.onnx.testing.OnnxModels;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;

/** Conv, ConvTranspose and pooling: output sizes and layers derived by hand. */
class WindowRulesTest {
  @Test
  void groupedConvWithAsymmetricPads() {
    // 1x32x15x15, 64 filters 3x3 in 4 groups, stride 2, pads top 0 left 1 bottom 1 right 0
    // out H = floor((15 + 0 + 1 - 3) / 2) + 1 = 7; W = floor((15 + 1 + 0 - 3) / 2) + 1 = 7
    Importer.Result r =
        new OnnxModels(13)
            .input("x", 1, 32, 15, 15)
            .weight("w", 64, 8, 3, 3)
            .node(
                "Conv",
                "c",
                in("x", "w"),
                in("y"),
                "group",
                4L,
                "strides",
                new long[] {2, 2},
                "pads",
                new long[] {0, 1, 1, 0})
            .load();
    assertArrayEquals(new long[] {1, 64, 7, 7}, r.dims("y"));
    Layer l = r.network().layer("c");
    assertEquals(LayerKind.CONV, l.kind());
    assertEquals(4, l.groups());
    assertEquals(0, l.padH());
    assertEquals(1, l.padW());
    assertEquals(7L * 7 * 64 * 3 * 3 * 8, l.macs());
    assertEquals(1, r.layers().get(0).padBottom());
    assertEquals(0, r.layers().get(0).padRight());
  }

  @Test
  void depthwiseDilatedConv() {
    // depthwise 3x3, dilation 2 (effective 5), pad 2: 20 -> (20 + 4 - 5) / 1 + 1 = 20
    Importer.Result r =
        new OnnxModels(13)
            .input("x", 1, 16, 20, 20)
            .weight("w", 16, 1, 3, 3)
            .node(
                "Conv",
                "dw",
                in("x", "w"),
                in("y"),
                "group",
                16L,
                "dilations",
                new long[] {2, 2},
                "pads",
                new long[] {2, 2, 2, 2})
            .load();
    assertArrayEquals(new long[] {1, 16, 20, 20}, r.dims("y"));
    Layer l = r.network().layer("dw");
    assertEquals(16, l.groups());
    assertEquals(20L * 20 * 16 * 9, l.macs());
    assertEquals(2, r.layers().get(0).dilation());
  }

  @Test
  void autoPadSameUpperLowerAndValid() {
    // SAME: out = ceil(15 / 2) = 8; total pad = (8 - 1) * 2 + 3 - 15 = 2 -> 1 and 1
    // 4x4 kernel: total = 7 * 2 + 4 - 15 = 3: SAME_UPPER top 1 (extra at the end), LOWER top 2
    OnnxModels m =
        new OnnxModels(13)
            .input("x", 1, 3, 15, 15)
            .weight("w3", 8, 3, 3, 3)
            .weight("w4", 8, 3, 4, 4)
            .node(
                "Conv",
                "same",
                in("x", "w3"),
                in("a"),
                "auto_pad",
                "SAME_UPPER",
                "strides",
                new long[] {2, 2})
            .node(
                "Conv",
                "upper",
                in("x", "w4"),
                in("b"),
                "auto_pad",
                "SAME_UPPER",
                "strides",
                new long[] {2, 2})
            .node(
                "Conv",
                "lower",
                in("x", "w4"),
                in("c"),
                "auto_pad",
                "SAME_LOWER",
                "strides",
                new long[] {2, 2})
            .node(
                "Conv",
                "valid",
                in("x", "w3"),
                in("d"),
                "auto_pad",
                "VALID",
                "strides",
                new long[] {2, 2});
    Importer.Result r = m.load();
    assertArrayEquals(new long[] {1, 8, 8, 8}, r.dims("a"));
    assertEquals(1, r.network().layer("same").padH());
    assertEquals(1, r.network().layer("upper").padH());
    assertEquals(2, r.network().layer("lower").padH());
    assertArrayEquals(new long[] {1, 8, 8, 8}, r.dims("c"));
    // VALID: floor((15 - 3) / 2) + 1 = 7
    assertArrayEquals(new long[] {1, 8, 7, 7}, r.dims("d"));
  }

  @Test
  void oneDimensionalConv() {
    // 1x4x100, kernel 5, stride 1: out 96, as a 1 x 100 input
    Importer.Result r =
        new OnnxModels(13)
            .input("x", 1, 4, 100)
            .weight("w", 6, 4, 5)
            .node("Conv", "c1d", in("x", "w"), in("y"))
            .load();
    assertArrayEquals(new long[] {1, 6, 96}, r.dims("y"));
    Layer l = r.network().layer("c1d");
    assertEquals(1, l.inH());
    assertEquals(96, l.outW());
    assertEquals(96L * 6 * 5 * 4, l.macs());
  }

  @Test
  void convTranspose() {
    // 8x8, kernel 4, stride 2, pads 1: out = 2 * 7 + 4 - 2 = 16; MACs = 8*8 * 16 * 32 * 4*4
    Importer.Result r =
        new OnnxModels(13)
            .input("x", 1, 16, 8, 8)
            .weight("w", 16, 32, 4, 4)
            .node(
                "ConvTranspose",
                "up",
                in("x", "w"),
                in("y"),
                "strides",
                new long[] {2, 2},
                "pads",
                new long[] {1, 1, 1, 1})
            .load();
    assertArrayEquals(new long[] {1, 32, 16, 16}, r.dims("y"));
    assertEquals(8L * 8 * 16 * 32 * 16, r.network().layer("up").macs());
  }

  @Test
  void convTransposeOutputPaddingAndShape() {
    // stride 2, kernel 3, pads 1, output_padding 1: 2 * 6 + 1 + 3 - 2 = 14
    Importer.Result r =
        new OnnxModels(13)
            .input("x", 1, 4, 7, 7)
            .weight("w", 4, 2, 3, 3)
            .node(
                "ConvTranspose",
                "up",
                in("x", "w"),
                in("y"),
                "strides",
                new long[] {2, 2},
                "pads",
                new long[] {1, 1, 1, 1},
                "output_padding",
                new long[] {1, 1})
            .node(
                "ConvTranspose",
                "up2",
                in("x", "w"),
                in("z"),
                "strides",
                new long[] {2, 2},
                "output_shape",
                new long[] {15, 15})
            .load();
    assertArrayEquals(new long[] {1, 2, 14, 14}, r.dims("y"));
    assertArrayEquals(new long[] {1, 2, 15, 15}, r.dims("z"));
  }

  @Test
  void poolsWithCeilMode() {
    // 112, kernel 3, stride 2, no pad: floor 55, ceil ceil(109 / 2) + 1 = 56
    // 5 with kernel 2 stride 2 pad 1 ceil: ceil(5 / 2) + 1 = 4, but the last window would start
    // at 3 * 2 = 6 = in + leading pad, in the trailing pad only: dropped -> 3 (PyTorch's rule)
    // 6 the same way: ceil(6 / 2) + 1 = 4, the last window starts at 6 < 7: kept
    Importer.Result r =
        new OnnxModels(13)
            .input("x", 1, 8, 112, 112)
            .input("s", 1, 8, 6, 6)
            .input("f", 1, 8, 5, 5)
            .node(
                "MaxPool",
                "floor",
                in("x"),
                in("a"),
                "kernel_shape",
                new long[] {3, 3},
                "strides",
                new long[] {2, 2})
            .node(
                "MaxPool",
                "ceil",
                in("x"),
                in("b"),
                "kernel_shape",
                new long[] {3, 3},
                "strides",
                new long[] {2, 2},
                "ceil_mode",
                1L)
            .node(
                "AveragePool",
                "avg",
                in("s"),
                in("c"),
                "kernel_shape",
                new long[] {2, 2},
                "strides",
                new long[] {2, 2},
                "pads",
                new long[] {1, 1, 1, 1},
                "ceil_mode",
                1L)
            .node(
                "AveragePool",
                "avg5",
                in("f"),
                in("d"),
                "kernel_shape",
                new long[] {2, 2},
                "strides",
                new long[] {2, 2},
                "pads",
                new long[] {1, 1, 1, 1},
                "ceil_mode",
                1L)
            .load();
    assertArrayEquals(new long[] {1, 8, 55, 55}, r.dims("a"));
    assertArrayEquals(new long[] {1, 8, 56, 56}, r.dims("b"));
    assertArrayEquals(new long[] {1, 8, 4, 4}, r.dims("c"));
    assertArrayEquals(new long[] {1, 8, 3, 3}, r.dims("d"));
    Layer ceil = r.network().layer("ceil");
    assertEquals(LayerKind.MAXPOOL, ceil.kind());
    assertEquals(0, ceil.macs());
    assertEquals(LayerKind.AVGPOOL, r.network().layer("avg").kind());
  }

  @Test
  void globalPoolsAndSpatialReduceMean() {
    // GlobalAveragePool keeps rank; ReduceMean over [2, 3] without keepdims drops them; opset 18
    // gives the axes as an input
    Importer.Result r13 =
        new OnnxModels(13)
            .input("x", 1, 64, 7, 7)
            .node("GlobalAveragePool", "gap", in("x"), in("a"))
            .node("ReduceMean", "rm", in("x"), in("b"), "axes", new long[] {2, 3}, "keepdims", 0L)
            .load();
    assertArrayEquals(new long[] {1, 64, 1, 1}, r13.dims("a"));
    assertArrayEquals(new long[] {1, 64}, r13.dims("b"));
    assertEquals(7, r13.network().layer("rm").kernelH());
    assertEquals(LayerKind.AVGPOOL, r13.network().layer("gap").kind());
    Importer.Result r18 =
        new OnnxModels(18)
            .input("x", 1, 64, 7, 7)
            .ints("ax", -1, -2)
            .node("ReduceMean", "rm", in("x", "ax"), in("b"), "keepdims", 1L)
            .node(
                "ReduceMean", "chan", in("x"), in("c"), "keepdims", 1L, "noop_with_empty_axes", 0L)
            .load();
    assertArrayEquals(new long[] {1, 64, 1, 1}, r18.dims("b"));
    assertArrayEquals(new long[] {1, 1, 1, 1}, r18.dims("c"));
    assertEquals(1, r18.network().layers().size()); // a full reduction is no pooling layer
  }
}
