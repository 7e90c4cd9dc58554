package org.tessel.onnx.shape;

import org.tessel.sim.util.IntMath;

/**
 * The sliding window of a 1-D or 2-D convolution or pooling node, resolved from its attributes and
 * its input's size (1-D nodes have height 1): kernel, strides, dilations, the pads on each side
 * after {@code auto_pad}, and the output size.
 *
 * @param inH input height
 * @param inW input width
 * @param kernelH kernel height
 * @param kernelW kernel width
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param dilationH vertical dilation
 * @param dilationW horizontal dilation
 * @param padTop rows added above
 * @param padLeft columns added on the left
 * @param padBottom rows added below
 * @param padRight columns added on the right
 * @param outH output height
 * @param outW output width
 */
public record Window(
    int inH,
    int inW,
    int kernelH,
    int kernelW,
    int strideH,
    int strideW,
    int dilationH,
    int dilationW,
    int padTop,
    int padLeft,
    int padBottom,
    int padRight,
    int outH,
    int outW) {

  /**
   * The window of node {@code n} over {@code x} ({@code N x C x W} or {@code N x C x H x W}).
   *
   * @param kernel the kernel's spatial size (from the weight or {@code kernel_shape})
   * @param ceil whether the output size rounds up ({@code ceil_mode})
   * @param transposed whether this is a ConvTranspose (output grows with the stride)
   */
  static Window of(Node n, Tensor x, long[] kernel, boolean ceil, boolean transposed) {
    int spatial = x.rank() - 2;
    if (spatial < 1 || spatial > 2) {
      throw n.error(
          "input "
              + x
              + " has "
              + spatial
              + " spatial dimensions; only 1-D and 2-D"
              + " windows are supported");
    }
    if (kernel == null || kernel.length != spatial) {
      throw n.error(
          "kernel "
              + (kernel == null ? "missing" : Tensor.shapeText(kernel))
              + " does not match the input "
              + x);
    }
    long[] in = spatial == 1 ? new long[] {1, x.dim(2)} : new long[] {x.dim(2), x.dim(3)};
    long[] k = spatial == 1 ? new long[] {1, kernel[0]} : kernel;
    long[] s = two(n, "strides", spatial, 1);
    long[] d = two(n, "dilations", spatial, 1);
    long[] p = new long[4];
    long[] pads = n.intsAttr("pads");
    String auto = n.stringAttr("auto_pad", "NOTSET");
    long[] out = new long[2];
    if (pads != null && !auto.equals("NOTSET") && !auto.isEmpty()) {
      throw n.error("pads and auto_pad " + auto + " are both given");
    }
    if (pads != null) {
      if (pads.length != 2 * spatial) {
        throw n.error("pads has " + pads.length + " values, expected " + 2 * spatial);
      }
      if (spatial == 1) {
        p = new long[] {0, pads[0], 0, pads[1]};
      } else {
        p = pads.clone();
      }
    }
    for (int a = 0; a < 2; a++) {
      if (k[a] <= 0 || s[a] <= 0 || d[a] <= 0 || p[a] < 0 || p[a + 2] < 0) {
        throw n.error("kernel, strides and dilations must be > 0 and pads >= 0");
      }
      long eff = (k[a] - 1) * d[a] + 1;
      if (transposed) {
        long[] op = n.intsAttr("output_padding");
        long extra = op == null ? 0 : op[spatial == 1 ? 0 : a];
        long[] shape = n.intsAttr("output_shape");
        if (shape != null) {
          out[a] = shape[shape.length == spatial ? (spatial == 1 ? 0 : a) : shape.length - 2 + a];
          long total = s[a] * (in[a] - 1) + extra + eff - out[a];
          p[a] = auto.equals("SAME_UPPER") ? total / 2 : total - total / 2;
          p[a + 2] = total - p[a];
        } else if (auto.startsWith("SAME")) {
          out[a] = in[a] * s[a];
          long total = Math.max(0, s[a] * (in[a] - 1) + extra + eff - out[a]);
          p[a] = auto.equals("SAME_UPPER") ? total / 2 : total - total / 2;
          p[a + 2] = total - p[a];
        } else {
          out[a] = s[a] * (in[a] - 1) + extra + eff - p[a] - p[a + 2];
        }
      } else if (auto.startsWith("SAME")) {
        out[a] = IntMath.ceilDiv(in[a], s[a]);
        long total = Math.max(0, (out[a] - 1) * s[a] + eff - in[a]);
        p[a] = auto.equals("SAME_UPPER") ? total / 2 : total - total / 2;
        p[a + 2] = total - p[a];
      } else {
        if (auto.equals("VALID")) {
          p[a] = 0;
          p[a + 2] = 0;
        } else if (!auto.equals("NOTSET") && !auto.isEmpty()) {
          throw n.error("unknown auto_pad '" + auto + "'");
        }
        long span = in[a] + p[a] + p[a + 2] - eff;
        if (span < 0) {
          throw n.error(
              "window "
                  + eff
                  + " is larger than the padded input "
                  + (in[a] + p[a] + p[a + 2])
                  + " of "
                  + x);
        }
        out[a] = ceil ? IntMath.ceilDiv(span, s[a]) + 1 : span / s[a] + 1;
        if (ceil && (out[a] - 1) * s[a] >= in[a] + p[a]) {
          out[a]--; // the last window must start inside the input or its leading pad
        }
      }
      if (out[a] <= 0) {
        throw n.error("the output of " + x + " would be empty");
      }
    }
    return new Window(
        i(n, in[0]),
        i(n, in[1]),
        i(n, k[0]),
        i(n, k[1]),
        i(n, s[0]),
        i(n, s[1]),
        i(n, d[0]),
        i(n, d[1]),
        i(n, p[0]),
        i(n, p[1]),
        i(n, p[2]),
        i(n, p[3]),
        i(n, out[0]),
        i(n, out[1]));
  }

  private static long[] two(Node n, String name, int spatial, long fallback) {
    long[] v = n.intsAttr(name);
    if (v == null || v.length == 0) {
      return new long[] {fallback, fallback};
    }
    if (v.length != spatial) {
      throw n.error(name + " has " + v.length + " values, expected " + spatial);
    }
    return spatial == 1 ? new long[] {fallback, v[0]} : v.clone();
  }

  static int i(Node n, long v) {
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw n.error("size " + v + " is out of range");
    }
    return (int) v;
  }

  /** The output dims for {@code batch x channels}: rank 3 for 1-D input, 4 for 2-D. */
  long[] outDims(long batch, long channels, int rank) {
    return rank == 3
        ? new long[] {batch, channels, outW}
        : new long[] {batch, channels, outH, outW};
  }
}
