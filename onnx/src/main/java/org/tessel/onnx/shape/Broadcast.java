package org.tessel.onnx.shape;

import org.jspecify.annotations.Nullable;

/** Numpy-style broadcasting of shapes, and element-wise arithmetic on known integer contents. */
final class Broadcast {
  private Broadcast() {}

  /** The broadcast shape of {@code a} and {@code b}, or null when they do not broadcast. */
  static long @Nullable [] shape(long[] a, long[] b) {
    int r = Math.max(a.length, b.length);
    long[] out = new long[r];
    for (int i = 0; i < r; i++) {
      long x = i < r - a.length ? 1 : a[i - (r - a.length)];
      long y = i < r - b.length ? 1 : b[i - (r - b.length)];
      if (x != y && x != 1 && y != 1) {
        return null;
      }
      out[i] = x == 1 ? y : x;
    }
    return out;
  }

  /** The broadcast shape of every tensor of {@code n}'s present inputs. */
  static long[] shape(Node n) {
    long[] out = null;
    for (Tensor t : n.present()) {
      long[] next = out == null ? t.dims() : shape(out, t.dims());
      if (next == null) {
        throw n.error("shapes do not agree (no broadcast): " + Tensor.shapeText(out) + " and " + t);
      }
      out = next;
    }
    if (out == null) {
      throw n.error("no inputs");
    }
    return out;
  }

  /** Element {@code i} of {@code t}'s integer contents broadcast to {@code outDims} (row-major). */
  static long at(Tensor t, long[] values, long[] outDims, int i) {
    long[] dims = t.dims();
    int off = outDims.length - dims.length;
    long idx = 0;
    long rem = i;
    long[] coord = new long[outDims.length];
    for (int a = outDims.length - 1; a >= 0; a--) {
      coord[a] = rem % outDims[a];
      rem /= outDims[a];
    }
    for (int a = 0; a < dims.length; a++) {
      long c = dims[a] == 1 ? 0 : coord[a + off];
      idx = idx * dims[a] + c;
    }
    return values[(int) idx];
  }
}
