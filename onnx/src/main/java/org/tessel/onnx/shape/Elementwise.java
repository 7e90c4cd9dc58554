package org.tessel.onnx.shape;

import org.jspecify.annotations.Nullable;

/**
 * Element-wise operators over broadcast inputs; on known integer contents (shape arithmetic) the
 * result is computed too.
 */
final class Elementwise {
  private Elementwise() {}

  static Tensor infer(Node n) {
    long[] dims = Broadcast.shape(n);
    boolean act = Shapes.anyActivation(n);
    if (act) {
      return Tensor.of(dims, true);
    }
    long size = 1;
    for (long d : dims) {
      size *= d;
    }
    long[][] vals = new long[n.inputCount()][];
    for (int i = 0; i < n.inputCount(); i++) {
      Tensor t = n.input(i);
      if (t == null || !t.hasInts()) {
        return Tensor.of(dims, false);
      }
      vals[i] = t.intValues();
    }
    if (size > Tensor.MAX_VALUES) {
      return Tensor.of(dims, false);
    }
    long[] out = new long[(int) size];
    for (int e = 0; e < out.length; e++) {
      long[] x = new long[vals.length];
      for (int i = 0; i < vals.length; i++) {
        x[i] = Broadcast.at(n.required(i), vals[i], dims, e);
      }
      Long v = apply(n.op(), x);
      if (v == null) {
        return Tensor.of(dims, false);
      }
      out[e] = v;
    }
    return Tensor.ints(dims, out);
  }

  private static @Nullable Long apply(String op, long[] x) {
    switch (op) {
      case "Add", "Sum" -> {
        long s = 0;
        for (long v : x) {
          s += v;
        }
        return s;
      }
      case "Sub" -> {
        return x[0] - x[1];
      }
      case "Mul" -> {
        return x[0] * x[1];
      }
      case "Div" -> {
        return x[1] == 0 ? null : x[0] / x[1];
      }
      case "Mod" -> {
        return x[1] == 0 ? null : Math.floorMod(x[0], x[1]);
      }
      case "Max" -> {
        long mx = Long.MIN_VALUE;
        for (long v : x) {
          mx = Math.max(mx, v);
        }
        return mx;
      }
      case "Min" -> {
        long mn = Long.MAX_VALUE;
        for (long v : x) {
          mn = Math.min(mn, v);
        }
        return mn;
      }
      case "Equal" -> {
        return x[0] == x[1] ? 1L : 0L;
      }
      case "Less" -> {
        return x[0] < x[1] ? 1L : 0L;
      }
      case "Greater" -> {
        return x[0] > x[1] ? 1L : 0L;
      }
      case "LessOrEqual" -> {
        return x[0] <= x[1] ? 1L : 0L;
      }
      case "GreaterOrEqual" -> {
        return x[0] >= x[1] ? 1L : 0L;
      }
      case "And" -> {
        return x[0] != 0 && x[1] != 0 ? 1L : 0L;
      }
      case "Or" -> {
        return x[0] != 0 || x[1] != 0 ? 1L : 0L;
      }
      case "Where" -> {
        return x[0] != 0 ? x[1] : x[2];
      }
      default -> {
        return null;
      }
    }
  }
}
