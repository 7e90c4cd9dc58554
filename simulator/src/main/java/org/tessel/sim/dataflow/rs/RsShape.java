package org.tessel.sim.dataflow.rs;

import org.tessel.sim.util.Checks;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;

/**
 * One group of a layer as the row-stationary dataflow sees it, in the Eyeriss papers' names: a
 * padded input of {@code h x w}, filters of {@code r} rows of {@code s} words, an output of {@code
 * e x f}, {@code c} input channels and {@code m} filters per group, strides {@code strideH}
 * (between ifmap rows a PE column uses) and {@code strideW} (along a row).
 *
 * @param h padded input rows
 * @param w padded input row length (words)
 * @param r filter rows
 * @param s filter row length (words)
 * @param e output rows
 * @param f output row length
 * @param c input channels per group
 * @param m filters per group
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param groups channel groups, mapped one after another
 */
public record RsShape(
    int h, int w, int r, int s, int e, int f, int c, int m, int strideH, int strideW, int groups) {
  /** Validates every dimension. */
  public RsShape {
    Checks.positive("rs h", h);
    Checks.positive("rs w", w);
    Checks.positive("rs r", r);
    Checks.positive("rs s", s);
    Checks.positive("rs e", e);
    Checks.positive("rs f", f);
    Checks.positive("rs c", c);
    Checks.positive("rs m", m);
    Checks.positive("rs strideH", strideH);
    Checks.positive("rs strideW", strideW);
    Checks.positive("rs groups", groups);
  }

  /**
   * The row-stationary view of {@code layer}. A convolution or fully connected layer maps as it is
   * (a fully connected layer is a 1x1 convolution over a 1x1 input); a GEMM {@code (m x k) * (k x
   * n)} is a 1x1 convolution over one row of {@code m} pixels with {@code k} channels and {@code n}
   * filters.
   *
   * @throws IllegalArgumentException for a layer that does not use the array
   */
  public static RsShape of(Layer layer) {
    if (!layer.kind().usesArray()) {
      throw new IllegalArgumentException(
          layer.name() + ": " + layer.kind() + " does not run on the PE array");
    }
    if (layer.kind() == LayerKind.GEMM) {
      // Layer.gemm: inH = M rows of K words, outC = N
      return new RsShape(1, layer.inH(), 1, 1, 1, layer.inH(), layer.inW(), layer.outC(), 1, 1, 1);
    }
    if (layer.kind() == LayerKind.MATMUL) {
      // Layer.matmul: per head, a GEMM of m rows of k words and n columns
      int g = layer.groups();
      return new RsShape(
          1, layer.inH(), 1, 1, 1, layer.inH(), layer.inW(), layer.outC() / g, 1, 1, g);
    }
    int g = layer.groups();
    return new RsShape(
        layer.inH() + 2 * layer.padH(),
        layer.inW() + 2 * layer.padW(),
        layer.kernelH(),
        layer.kernelW(),
        layer.outH(),
        layer.outW(),
        layer.inC() / g,
        layer.outC() / g,
        layer.strideH(),
        layer.strideW(),
        g);
  }

  /**
   * Ifmap rows a strip of {@code eStrip} output rows reads: {@code (eStrip - 1) * strideH + r}, or
   * {@code eStrip * r} when the stride skips rows ({@code strideH > r}).
   */
  public int rowsFor(int eStrip) {
    return strideH >= r ? eStrip * r : (eStrip - 1) * strideH + r;
  }

  /** MACs of one group for {@code batch} inputs. */
  public long macsPerGroup(int batch) {
    return (long) batch * m * c * r * s * e * f;
  }
}
