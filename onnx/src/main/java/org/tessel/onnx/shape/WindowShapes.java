package org.tessel.onnx.shape;

import java.util.Set;

/** Convolutions and pooling: a sliding window over a 1-D or 2-D input. */
public final class WindowShapes {
  static final Set<String> OPS =
      Set.of(
          "Conv",
          "ConvTranspose",
          "MaxPool",
          "AveragePool",
          "LpPool",
          "GlobalAveragePool",
          "GlobalMaxPool",
          "GlobalLpPool");

  private WindowShapes() {}

  static Tensor[] infer(Node n) {
    Tensor x = n.required(0);
    String op = n.op();
    if (x.rank() < 3) {
      throw n.error("input " + x + " is not N x C x spatial");
    }
    Tensor[] out = new Tensor[n.outputCount()];
    if (op.startsWith("Global")) {
      long[] d = x.dims();
      for (int a = 2; a < d.length; a++) {
        d[a] = 1;
      }
      out[0] = Tensor.of(d, x.isActivation());
      return out;
    }
    Window w = window(n);
    long channels;
    if (op.equals("Conv") || op.equals("ConvTranspose")) {
      Tensor wt = n.required(1);
      long group = n.intAttr("group", 1);
      if (group <= 0 || x.dim(1) % group != 0) {
        throw n.error("group " + group + " must divide the input channels of " + x);
      }
      if (wt.rank() != x.rank()) {
        throw n.error("shapes do not agree: weight " + wt + " for input " + x);
      }
      if (op.equals("Conv")) {
        if (wt.dim(1) * group != x.dim(1) || wt.dim(0) % group != 0) {
          throw n.error(
              "shapes do not agree: weight "
                  + wt
                  + " with group "
                  + group
                  + " expects "
                  + wt.dim(1) * group
                  + " input channels, input "
                  + x
                  + " has "
                  + x.dim(1));
        }
        channels = wt.dim(0);
      } else {
        if (wt.dim(0) != x.dim(1)) {
          throw n.error(
              "shapes do not agree: weight "
                  + wt
                  + " expects "
                  + wt.dim(0)
                  + " input channels, input "
                  + x
                  + " has "
                  + x.dim(1));
        }
        channels = wt.dim(1) * group;
      }
      Tensor b = n.input(2);
      if (b != null && (b.rank() != 1 || b.dim(0) != channels)) {
        throw n.error("shapes do not agree: bias " + b + " for " + channels + " output channels");
      }
    } else {
      channels = x.dim(1);
    }
    out[0] = Tensor.of(w.outDims(x.dim(0), channels, x.rank()), x.isActivation());
    for (int i = 1; i < out.length; i++) {
      out[i] = Tensor.of(out[0].dims(), x.isActivation()); // MaxPool's indices
    }
    return out;
  }

  /** The window of a Conv, ConvTranspose or pooling node (not a global pool). */
  public static Window window(Node n) {
    Tensor x = n.required(0);
    String op = n.op();
    long[] kernel = n.intsAttr("kernel_shape");
    if (kernel == null && (op.equals("Conv") || op.equals("ConvTranspose"))) {
      long[] wd = n.required(1).dims();
      kernel = java.util.Arrays.copyOfRange(wd, 2, wd.length);
    }
    if (kernel == null) {
      throw n.error("kernel_shape is required");
    }
    boolean ceil = n.intAttr("ceil_mode", 0) != 0;
    return Window.of(n, x, kernel, ceil, op.equals("ConvTranspose"));
  }
}
