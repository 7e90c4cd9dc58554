package org.tessel.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessel.onnx.testing.OnnxModels.in;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessel.onnx.map.Importer;
import org.tessel.onnx.testing.OnnxModels;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;

/** Gemm and MatMul: weights make fully connected or GEMM layers, two activations a matmul. */
class MatrixRulesTest {
  @Test
  void gemmWithTransposedWeightIsFullyConnected() {
    Importer.Result r =
        new OnnxModels(13)
            .input("x", 1, 512)
            .weight("w", 1000, 512)
            .weight("b", 1000)
            .node("Gemm", "fc", in("x", "w", "b"), in("y"), "transB", 1L)
            .load();
    assertArrayEquals(new long[] {1, 1000}, r.dims("y"));
    Layer l = r.network().layer("fc");
    assertEquals(LayerKind.FC, l.kind());
    assertEquals(512, l.inC());
    assertEquals(1000, l.outC());
    assertEquals(512_000L, l.macs());
  }

  @Test
  void gemmInnerSizesMustAgree() {
    OnnxModels m =
        new OnnxModels(13)
            .input("x", 1, 512)
            .weight("w", 1000, 256)
            .node("Gemm", "fc", in("x", "w"), in("y"), "transB", 1L);
    ConfigException e = assertThrows(ConfigException.class, m::load);
    assertTrue(
        e.getMessage().startsWith("test.onnx: node 'fc' (Gemm): shapes do not agree"),
        e.getMessage());
  }

  @Test
  void matmulOfTokensByWeightIsGemmPerImage() {
    // [1, 197, 768] x [768, 2304]: 197 rows per image -> gemm m 197, n 2304, k 768
    Importer.Result r =
        new OnnxModels(17)
            .input("x", 1, 197, 768)
            .weight("w", 768, 2304)
            .node("MatMul", "qkv", in("x", "w"), in("y"))
            .load();
    assertArrayEquals(new long[] {1, 197, 2304}, r.dims("y"));
    Layer l = r.network().layer("qkv");
    assertEquals(LayerKind.GEMM, l.kind());
    assertEquals(197L * 2304 * 768, l.macs());
    assertEquals(197L * 2304 * 768, l.gemm(1).macs());
  }

  @Test
  void batchedMatmulOfActivationsIsAttention() {
    // scores = q [1, 12, 197, 64] x kT [1, 12, 64, 197]; out = scores x v [1, 12, 197, 64]
    Importer.Result r =
        new OnnxModels(17)
            .input("q", 1, 12, 197, 64)
            .node("Transpose", "kt", in("q"), in("kT"), "perm", new long[] {0, 1, 3, 2})
            .node("MatMul", "scores", in("q", "kT"), in("s"))
            .node("Softmax", "soft", in("s"), in("p"), "axis", -1L)
            .node("MatMul", "mix", in("p", "q"), in("o"))
            .load();
    assertArrayEquals(new long[] {1, 12, 64, 197}, r.dims("kT"));
    assertArrayEquals(new long[] {1, 12, 197, 197}, r.dims("s"));
    assertArrayEquals(new long[] {1, 12, 197, 64}, r.dims("o"));
    Layer scores = r.network().layer("scores");
    assertEquals(LayerKind.MATMUL, scores.kind());
    assertEquals(12, scores.groups());
    assertEquals(12L * 197 * 197 * 64, scores.macs());
    // one GEMM per head: Sr = 197 rows, Sc = 197 columns, T = 64
    assertEquals(197, scores.gemm(1).sr());
    assertEquals(197, scores.gemm(1).sc());
    assertEquals(64, scores.gemm(1).t());
    Layer mix = r.network().layer("mix");
    assertEquals(12L * 197 * 64 * 197, mix.macs());
    assertEquals(List.of(scores), r.network().inputsOf(mix));
  }

  @Test
  void matmulBroadcastsBatchDimensionsAndVectors() {
    // a [2, 1, 4, 8] x b [3, 8, 5] -> [2, 3, 4, 5]: per image (batch 2) 3 products of 4x8 by 8x5
    // v [8] x w [8, 5] -> [5]: one row, fully connected
    Importer.Result r =
        new OnnxModels(13)
            .input("a", 2, 1, 4, 8)
            .input("v", 8)
            .weight("b", 3, 8, 5)
            .weight("w", 8, 5)
            .node("MatMul", "mm", in("a", "b"), in("y"))
            .node("MatMul", "vec", in("v", "w"), in("z"))
            .load();
    assertArrayEquals(new long[] {2, 3, 4, 5}, r.dims("y"));
    assertArrayEquals(new long[] {5}, r.dims("z"));
    Layer mm = r.network().layer("mm");
    assertEquals(3, mm.groups());
    assertEquals(3L * 4 * 5 * 8, mm.macs());
    assertEquals(LayerKind.FC, r.network().layer("vec").kind());
    assertEquals(40, r.network().layer("vec").macs());
  }

  @Test
  void einsumContractions() {
    // bhid,bhjd->bhij: 8 heads of 10x16 by 16x10; bsd,df->bsf with a weight: gemm 10 x 32 x 16
    Importer.Result r =
        new OnnxModels(13)
            .input("q", 1, 8, 10, 16)
            .weight("w", 16, 32)
            .node("Einsum", "scores", in("q", "q"), in("s"), "equation", "bhid,bhjd->bhij")
            .node("Reshape", "rows", in("q", "shape"), in("x"))
            .ints("shape", 1, 80, 16)
            .node("Einsum", "proj", in("x", "w"), in("y"), "equation", "bsd, df -> bsf")
            .node("Einsum", "sum", in("x"), in("z"), "equation", "bsd")
            .load();
    assertArrayEquals(new long[] {1, 8, 10, 10}, r.dims("s"));
    assertArrayEquals(new long[] {1, 80, 32}, r.dims("y"));
    // implicit output: the letters that appear once, in alphabetical order: b, d, s
    assertArrayEquals(new long[] {1, 16, 80}, r.dims("z"));
    Layer scores = r.network().layer("scores");
    assertEquals(LayerKind.MATMUL, scores.kind());
    assertEquals(8L * 10 * 10 * 16, scores.macs());
    Layer proj = r.network().layer("proj");
    assertEquals(LayerKind.GEMM, proj.kind());
    assertEquals(80L * 32 * 16, proj.macs());
  }

  @Test
  void fusedAttentionIsTwoProducts() {
    // opset 23 Attention, 4-D: Q [1, 8, 20, 32], K and V [1, 2, 30, 32] (grouped-query)
    Importer.Result r =
        new OnnxModels(23)
            .input("q", 1, 8, 20, 32)
            .input("k", 1, 2, 30, 32)
            .input("v", 1, 2, 30, 32)
            .node("Relu", "kr", in("k"), in("k2"))
            .node("Relu", "vr", in("v"), in("v2"))
            .node("Attention", "attn", in("q", "k2", "v2"), in("y"))
            .load();
    assertArrayEquals(new long[] {1, 8, 20, 32}, r.dims("y"));
    Layer qk = r.network().layer("attn/qk");
    Layer av = r.network().layer("attn/av");
    assertEquals(8L * 20 * 30 * 32, qk.macs());
    assertEquals(8L * 20 * 32 * 30, av.macs());
    assertEquals(List.of(qk), r.network().inputsOf(av));
    // 3-D with head counts: Q [1, 20, 256] as 8 heads of 32
    Importer.Result r3 =
        new OnnxModels(23)
            .input("q", 1, 20, 256)
            .node(
                "Attention",
                "attn",
                in("q", "q", "q"),
                in("y"),
                "q_num_heads",
                8L,
                "kv_num_heads",
                8L)
            .load();
    assertArrayEquals(new long[] {1, 20, 256}, r3.dims("y"));
    assertEquals(2L * 8 * 20 * 20 * 32, r3.network().macs());
  }

  @Test
  void topKOneHotTrilu() {
    Importer.Result r =
        new OnnxModels(14)
            .input("x", 1, 50, 100)
            .ints("k", 5)
            .ints("depth", 7)
            .node("TopK", "top", in("x", "k"), in("vals", "idx"), "axis", -1L)
            .node("OneHot", "oh", in("idx", "depth", "vals"), in("o"), "axis", 1L)
            .node("Trilu", "tri", in("x"), in("t"))
            .node("Add", "sum", in("t", "x"), in("y"))
            .load();
    assertArrayEquals(new long[] {1, 50, 5}, r.dims("vals"));
    assertArrayEquals(new long[] {1, 7, 50, 5}, r.dims("o"));
    assertArrayEquals(new long[] {1, 50, 100}, r.dims("t"));
  }
}
