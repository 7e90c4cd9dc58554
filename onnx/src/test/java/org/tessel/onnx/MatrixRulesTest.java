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
    Importer.Result r = new OnnxModels(13).input("x", 1, 512).weight("w", 1000, 512)
        .weight("b", 1000)
        .node("Gemm", "fc", in("x", "w", "b"), in("y"), "transB", 1L).load();
    assertArrayEquals(new long[] {1, 1000}, r.dims("y"));
    Layer l = r.network().layer("fc");
    assertEquals(LayerKind.FC, l.kind());
    assertEquals(512, l.inC());
    assertEquals(1000, l.outC());
    assertEquals(512_000L, l.macs());
  }

  @Test
  void gemmInnerSizesMustAgree() {
    OnnxModels m = new OnnxModels(13).input("x", 1, 512).weight("w", 1000, 256)
        .node("Gemm", "fc", in("x", "w"), in("y"), "transB", 1L);
    ConfigException e = assertThrows(ConfigException.class, m::load);
    assertTrue(e.getMessage().startsWith("test.onnx: node 'fc' (Gemm): shapes do not agree"),
        e.getMessage());
  }

  @Test
  void matmulOfTokensByWeightIsGemmPerImage() {
    // [1, 197, 768] x [768, 2304]: 197 rows per image -> gemm m 197, n 2304, k 768
    Importer.Result r = new OnnxModels(17).input("x", 1, 197, 768).weight("w", 768, 2304)
        .node("MatMul", "qkv", in("x", "w"), in("y")).load();
    assertArrayEquals(new long[] {1, 197, 2304}, r.dims("y"));
    Layer l = r.network().layer("qkv");
    assertEquals(LayerKind.GEMM, l.kind());
    assertEquals(197L * 2304 * 768, l.macs());
    assertEquals(197L * 2304 * 768, l.gemm(1).macs());
  }

  @Test
  void batchedMatmulOfActivationsIsAttention() {
    // scores = q [1, 12, 197, 64] x kT [1, 12, 64, 197]; out = scores x v [1, 12, 197, 64]
    Importer.Result r = new OnnxModels(17).input("q", 1, 12, 197, 64)
        .node("Transpose", "kt", in("q"), in("kT"), "perm", new long[] {0, 1, 3, 2})
        .node("MatMul", "scores", in("q", "kT"), in("s"))
        .node("Softmax", "soft", in("s"), in("p"), "axis", -1L)
        .node("MatMul", "mix", in("p", "q"), in("o")).load();
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
    Importer.Result r = new OnnxModels(13).input("a", 2, 1, 4, 8).input("v", 8)
        .weight("b", 3, 8, 5).weight("w", 8, 5)
        .node("MatMul", "mm", in("a", "b"), in("y"))
        .node("MatMul", "vec", in("v", "w"), in("z")).load();
    assertArrayEquals(new long[] {2, 3, 4, 5}, r.dims("y"));
    assertArrayEquals(new long[] {5}, r.dims("z"));
    Layer mm = r.network().layer("mm");
    assertEquals(3, mm.groups());
    assertEquals(3L * 4 * 5 * 8, mm.macs());
    assertEquals(LayerKind.FC, r.network().layer("vec").kind());
    assertEquals(40, r.network().layer("vec").macs());
  }
}
