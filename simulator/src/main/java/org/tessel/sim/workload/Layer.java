package org.tessel.sim.workload;

import static org.tessel.sim.util.IntMath.ceilDiv;

import org.tessel.sim.util.Checks;

/**
 * One layer's shape, in elements (words), for a single input image.
 *
 * <p>The input is {@code inH x inW x inC}; the output {@code outH x outW x outC}. The window is
 * {@code kernelH x kernelW} over {@code inC / groups} channels, moved by the strides; input
 * coordinate {@code oy * strideH - padH + ky} (likewise for x) is outside the input when it falls
 * below 0 or at/after {@code inH}, and then reads nothing (zero padding). SCALE-Sim topologies give
 * already padded inputs and {@code padH = padW = 0}; their output size rule is applied by the
 * loader, so this record stores the output size instead of deriving it.
 *
 * @param name unique name within the network
 * @param kind what the layer computes
 * @param inH input height
 * @param inW input width
 * @param inC input channels
 * @param kernelH window height
 * @param kernelW window width
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param padH rows of zero padding above the input
 * @param padW columns of zero padding left of the input
 * @param outH output height
 * @param outW output width
 * @param outC output channels (filters)
 * @param groups channel groups; {@code groups == inC == outC} is depthwise
 */
public record Layer(
    String name,
    LayerKind kind,
    int inH,
    int inW,
    int inC,
    int kernelH,
    int kernelW,
    int strideH,
    int strideW,
    int padH,
    int padW,
    int outH,
    int outW,
    int outC,
    int groups) {

  /**
   * The name's hash: equal layers have equal names, so this agrees with {@link #equals}, and a
   * network's layers have distinct names. Written out, like {@link #equals}, because the record's
   * generated members link through an invokedynamic bootstrap on first use: 14 and 20 ms of a 0.3 s
   * {@code tessel simulate} call, when the network graph first hashes and compares layers.
   */
  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** Every component equal, as a record's equals is. */
  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof Layer l
            && name.equals(l.name)
            && kind == l.kind
            && inH == l.inH
            && inW == l.inW
            && inC == l.inC
            && kernelH == l.kernelH
            && kernelW == l.kernelW
            && strideH == l.strideH
            && strideW == l.strideW
            && padH == l.padH
            && padW == l.padW
            && outH == l.outH
            && outW == l.outW
            && outC == l.outC
            && groups == l.groups);
  }

  /** Validates every field; a shape that cannot be computed is rejected here. */
  public Layer {
    Checks.notBlank("name", name);
    if (kind == null) {
      throw new IllegalArgumentException(name + ": kind must not be null");
    }
    Checks.positive(name + ": inH", inH);
    Checks.positive(name + ": inW", inW);
    Checks.positive(name + ": inC", inC);
    Checks.positive(name + ": kernelH", kernelH);
    Checks.positive(name + ": kernelW", kernelW);
    Checks.positive(name + ": strideH", strideH);
    Checks.positive(name + ": strideW", strideW);
    Checks.nonNegative(name + ": padH", padH);
    Checks.nonNegative(name + ": padW", padW);
    Checks.positive(name + ": outH", outH);
    Checks.positive(name + ": outW", outW);
    Checks.positive(name + ": outC", outC);
    Checks.positive(name + ": groups", groups);
    if (kernelH > inH + 2 * padH || kernelW > inW + 2 * padW) {
      throw new IllegalArgumentException(
          name
              + ": filter "
              + kernelH
              + "x"
              + kernelW
              + " is larger than its padded input "
              + (inH + 2 * padH)
              + "x"
              + (inW + 2 * padW));
    }
    if (inC % groups != 0 || outC % groups != 0) {
      throw new IllegalArgumentException(
          name
              + ": groups "
              + groups
              + " must divide input channels "
              + inC
              + " and output channels "
              + outC);
    }
  }

  /**
   * A convolution with the usual output size {@code floor((in + 2 pad - k) / stride) + 1}.
   *
   * @throws IllegalArgumentException for a shape with no output
   */
  public static Layer conv(
      String name,
      int inH,
      int inW,
      int inC,
      int kernel,
      int stride,
      int pad,
      int outC,
      int groups) {
    int outH = Math.floorDiv(inH + 2 * pad - kernel, stride) + 1;
    int outW = Math.floorDiv(inW + 2 * pad - kernel, stride) + 1;
    return new Layer(
        name,
        LayerKind.CONV,
        inH,
        inW,
        inC,
        kernel,
        kernel,
        stride,
        stride,
        pad,
        pad,
        outH,
        outW,
        outC,
        groups);
  }

  /**
   * A convolution sized as SCALE-Sim v2 sizes it: no explicit padding, output {@code ceil((in - k +
   * stride) / stride)}; windows that run past the input read nothing.
   */
  public static Layer scaleSimConv(
      String name, int inH, int inW, int kernelH, int kernelW, int inC, int outC, int stride) {
    return scaleSimConv(name, inH, inW, kernelH, kernelW, inC, outC, stride, stride);
  }

  /** As {@link #scaleSimConv(String, int, int, int, int, int, int, int)} with two strides. */
  public static Layer scaleSimConv(
      String name,
      int inH,
      int inW,
      int kernelH,
      int kernelW,
      int inC,
      int outC,
      int strideH,
      int strideW) {
    if (kernelH > inH || kernelW > inW) {
      throw new IllegalArgumentException(
          name
              + ": filter "
              + kernelH
              + "x"
              + kernelW
              + " is larger than its input "
              + inH
              + "x"
              + inW);
    }
    int outH = ceilDiv(inH - kernelH + strideH, strideH);
    int outW = ceilDiv(inW - kernelW + strideW, strideW);
    return new Layer(
        name,
        LayerKind.CONV,
        inH,
        inW,
        inC,
        kernelH,
        kernelW,
        strideH,
        strideW,
        0,
        0,
        outH,
        outW,
        outC,
        1);
  }

  /** A GEMM {@code (m x k) * (k x n)}, as SCALE-Sim lowers it: an m x k input, a 1 x k filter. */
  public static Layer gemm(String name, int m, int n, int k) {
    return new Layer(name, LayerKind.GEMM, m, k, 1, 1, k, 1, 1, 0, 0, m, 1, n, 1);
  }

  /**
   * An activation-by-activation matrix multiply: {@code heads} products {@code (m x k) * (k x n)},
   * laid out as a grouped GEMM (input {@code m x k x heads}, window {@code 1 x k} over one group's
   * channel, output {@code m x 1 x n * heads}, {@code groups = heads}).
   */
  public static Layer matmul(String name, int m, int n, int k, int heads) {
    Checks.positive(name + ": heads", heads);
    return new Layer(
        name,
        LayerKind.MATMUL,
        m,
        k,
        heads,
        1,
        k,
        1,
        1,
        0,
        0,
        m,
        1,
        Math.multiplyExact(n, heads),
        heads);
  }

  /** A fully connected layer over {@code inFeatures} flattened inputs. */
  public static Layer fc(String name, int inFeatures, int outFeatures) {
    return new Layer(name, LayerKind.FC, 1, 1, inFeatures, 1, 1, 1, 1, 0, 0, 1, 1, outFeatures, 1);
  }

  /** Output pixels per image ({@code outH * outW}). */
  public long outPixels() {
    return (long) outH * outW;
  }

  /** Window size per group: {@code kernelH * kernelW * inC / groups}. */
  public long windowSize() {
    return (long) kernelH * kernelW * (inC / groups);
  }

  /** Multiply-accumulates for one image; 0 for layers that do not use the array. */
  public long macs() {
    return kind.usesArray() ? outPixels() * outC * windowSize() : 0;
  }

  /** Input words for one image. */
  public long inputWords() {
    return (long) inH * inW * inC;
  }

  /** Filter (weight) words; 0 for layers without weights. */
  public long filterWords() {
    return kind.usesArray() ? windowSize() * outC : 0;
  }

  /** Output words for one image. */
  public long outputWords() {
    return outPixels() * outC;
  }

  /**
   * The operand-matrix view of one group for a batch: {@code Sr = batch * outPixels} rows, {@code
   * Sc = outC / groups} columns, depth {@code T = windowSize}.
   *
   * @throws IllegalStateException for a layer that does not use the array
   */
  public GemmShape gemm(int batch) {
    if (!kind.usesArray()) {
      throw new IllegalStateException(name + ": " + kind + " does not run on the PE array");
    }
    Checks.positive("batch", batch);
    return new GemmShape(outPixels() * batch, outC / groups, windowSize());
  }
}
