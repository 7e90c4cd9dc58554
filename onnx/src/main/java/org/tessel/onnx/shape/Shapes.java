package org.tessel.onnx.shape;

import java.util.Set;

/**
 * Shape inference: the output tensors of one node from its inputs and attributes, with the opset
 * differences that moved attributes into inputs. Values are computed where they are small and known
 * (shape arithmetic: Shape, Gather, Concat, Slice, ... on constants), so that Reshape, Expand and
 * the like get their targets.
 */
public final class Shapes {
  /** Operators that keep their first input's shape (activations, normalisations, casts). */
  static final Set<String> SAME_SHAPE =
      Set.of(
          "Relu",
          "LeakyRelu",
          "Sigmoid",
          "HardSigmoid",
          "HardSwish",
          "Gelu",
          "Erf",
          "Tanh",
          "Softmax",
          "LogSoftmax",
          "Hardmax",
          "Sqrt",
          "Exp",
          "Log",
          "Neg",
          "Reciprocal",
          "Abs",
          "Elu",
          "Selu",
          "Celu",
          "Softplus",
          "Softsign",
          "Mish",
          "Swish",
          "ThresholdedRelu",
          "Shrink",
          "Floor",
          "Ceil",
          "Round",
          "Sign",
          "Not",
          "Sin",
          "Cos",
          "IsNaN",
          "IsInf",
          "Identity",
          "Dropout",
          "Cast",
          "CastLike",
          "Clip",
          "InstanceNormalization",
          "LRN",
          "BatchNormalization",
          "LayerNormalization",
          "GroupNormalization",
          "RMSNormalization",
          "PRelu",
          "Trilu",
          "CumSum",
          "ScatterND",
          "ScatterElements",
          "QuantizeLinear",
          "DequantizeLinear");

  /** Element-wise operators over broadcast inputs. */
  static final Set<String> ELEMENTWISE =
      Set.of(
          "Add",
          "Sub",
          "Mul",
          "Div",
          "Pow",
          "Max",
          "Min",
          "Mean",
          "Sum",
          "Equal",
          "Less",
          "Greater",
          "LessOrEqual",
          "GreaterOrEqual",
          "And",
          "Or",
          "Xor",
          "Mod",
          "Where",
          "BitShift");

  /** Reductions with an {@code axes} attribute, or input from opset 18 (ReduceSum: 13). */
  static final Set<String> REDUCE =
      Set.of(
          "ReduceMean",
          "ReduceSum",
          "ReduceMax",
          "ReduceMin",
          "ReduceProd",
          "ReduceL1",
          "ReduceL2",
          "ReduceSumSquare",
          "ReduceLogSum",
          "ReduceLogSumExp");

  private Shapes() {}

  /** True when {@link #infer} has a rule for {@code op} (default domain). */
  public static boolean known(String op) {
    return SAME_SHAPE.contains(op)
        || ELEMENTWISE.contains(op)
        || REDUCE.contains(op)
        || WindowShapes.OPS.contains(op)
        || LayoutShapes.OPS.contains(op)
        || op.equals("Gemm")
        || op.equals("MatMul")
        || op.equals("ArgMax")
        || op.equals("ArgMin")
        || op.equals("Einsum")
        || op.equals("Attention")
        || op.equals("TopK")
        || op.equals("OneHot");
  }

  /**
   * The outputs of {@code n}, one per declared output.
   *
   * @throws org.tessel.sim.config.ConfigException for inputs that do not agree
   */
  public static Tensor[] infer(Node n) {
    String op = n.op();
    Tensor[] out;
    if (SAME_SHAPE.contains(op)) {
      out = sameShape(n);
    } else if (ELEMENTWISE.contains(op)) {
      out = new Tensor[] {Elementwise.infer(n)};
    } else if (REDUCE.contains(op) || op.equals("ArgMax") || op.equals("ArgMin")) {
      out = new Tensor[] {reduce(n)};
    } else if (WindowShapes.OPS.contains(op)) {
      out = WindowShapes.infer(n);
    } else if (op.equals("Gemm")) {
      out = new Tensor[] {gemm(n)};
    } else if (op.equals("MatMul")) {
      out = new Tensor[] {matmul(n)};
    } else if (LayoutShapes.OPS.contains(op)) {
      out = LayoutShapes.infer(n);
    } else if (op.equals("Einsum")) {
      out = new Tensor[] {Contractions.einsum(n)};
    } else if (op.equals("Attention")) {
      out = Contractions.attention(n);
    } else if (op.equals("TopK")) {
      out = topK(n);
    } else if (op.equals("OneHot")) {
      out = new Tensor[] {oneHot(n)};
    } else {
      throw new IllegalArgumentException("no rule for " + op);
    }
    for (Tensor t : out) {
      if (t != null) {
        for (long d : t.dims()) {
          if (d < 0) {
            throw n.error("inferred a negative dimension " + t);
          }
        }
      }
    }
    return out;
  }

  private static Tensor[] sameShape(Node n) {
    Tensor x = n.required(0);
    boolean act = anyActivation(n);
    Tensor[] out = new Tensor[n.outputCount()];
    boolean keepValues =
        n.op().equals("Identity")
            || n.op().equals("Cast")
            || n.op().equals("CastLike")
            || n.op().equals("Dropout");
    out[0] = keepValues && !act ? x : Tensor.of(x.dims(), act);
    String op = n.op();
    for (int i = 1; i < out.length; i++) {
      if (op.equals("BatchNormalization")) {
        out[i] = Tensor.constant(x.rank() > 1 ? x.dim(1) : 1); // running/saved mean and var
      } else if (op.equals("LayerNormalization")) {
        int axis = n.axis(n.intAttr("axis", -1), x.rank());
        long[] d = x.dims();
        for (int a = axis; a < d.length; a++) {
          d[a] = 1;
        }
        out[i] = Tensor.of(d, act);
      } else {
        out[i] = Tensor.of(x.dims(), act); // Dropout's mask
      }
    }
    if (op.equals("BatchNormalization")) {
      for (int i = 1; i < 5 && i < n.inputCount(); i++) {
        Tensor p = n.input(i);
        if (p != null && x.rank() > 1 && (p.rank() != 1 || p.dim(0) != x.dim(1))) {
          throw n.error(
              "shapes do not agree: input "
                  + i
                  + " "
                  + p
                  + " for "
                  + x.dim(1)
                  + " channels of "
                  + x);
        }
      }
    }
    return out;
  }

  private static Tensor[] topK(Node n) {
    Tensor x = n.required(0);
    long k;
    if (n.opset() < 10) {
      k = n.intAttr("k", -1);
    } else {
      long[] kv = n.required(1).intValues();
      k = kv == null || kv.length != 1 ? -1 : kv[0];
    }
    int axis = n.axis(n.intAttr("axis", -1), x.rank());
    if (k < 0 || k > x.dim(axis)) {
      throw n.error("k must be a known constant from 0 to " + x.dim(axis));
    }
    long[] d = x.dims();
    d[axis] = k;
    Tensor[] out = new Tensor[n.outputCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Tensor.of(d, x.isActivation());
    }
    return out;
  }

  private static Tensor oneHot(Node n) {
    Tensor idx = n.required(0);
    double[] depth = n.required(1).numbers();
    if (depth == null || depth.length != 1 || depth[0] < 1) {
      throw n.error("depth must be a known constant > 0");
    }
    int rank = idx.rank() + 1;
    int axis = n.axis(n.intAttr("axis", -1), rank);
    long[] d = new long[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      d[i] = i == axis ? (long) depth[0] : idx.dim(j++);
    }
    return Tensor.of(d, idx.isActivation());
  }

  static boolean anyActivation(Node n) {
    for (Tensor t : n.present()) {
      if (t.isActivation()) {
        return true;
      }
    }
    return false;
  }

  private static Tensor reduce(Node n) {
    Tensor x = n.required(0);
    String op = n.op();
    boolean keep = n.intAttr("keepdims", 1) != 0;
    long[] axes;
    if (op.startsWith("Arg")) {
      axes = new long[] {n.intAttr("axis", 0)};
    } else {
      axes = n.intsAttrOrInput("axes", 1, op.equals("ReduceSum") ? 13 : 18);
    }
    boolean[] reduced = new boolean[x.rank()];
    if (axes == null || axes.length == 0) {
      if (n.intAttr("noop_with_empty_axes", 0) != 0) {
        return Tensor.of(x.dims(), x.isActivation());
      }
      java.util.Arrays.fill(reduced, true);
    } else {
      for (long a : axes) {
        reduced[n.axis(a, x.rank())] = true;
      }
    }
    long[] d = x.dims();
    int r = 0;
    long[] out = new long[d.length];
    for (int a = 0; a < d.length; a++) {
      if (!reduced[a]) {
        out[r++] = d[a];
      } else if (keep) {
        out[r++] = 1;
      }
    }
    return Tensor.of(java.util.Arrays.copyOf(out, r), x.isActivation());
  }

  private static Tensor gemm(Node n) {
    Tensor a = n.required(0);
    Tensor b = n.required(1);
    if (a.rank() != 2 || b.rank() != 2) {
      throw n.error("Gemm takes matrices, found " + a + " and " + b);
    }
    boolean ta = n.intAttr("transA", 0) != 0;
    boolean tb = n.intAttr("transB", 0) != 0;
    long m = ta ? a.dim(1) : a.dim(0);
    long k = ta ? a.dim(0) : a.dim(1);
    long kb = tb ? b.dim(1) : b.dim(0);
    long nn = tb ? b.dim(0) : b.dim(1);
    if (k != kb) {
      throw n.error(
          "shapes do not agree: A "
              + a
              + (ta ? " (transposed)" : "")
              + " and B "
              + b
              + (tb ? " (transposed)" : "")
              + " have inner sizes "
              + k
              + " and "
              + kb);
    }
    Tensor c = n.input(2);
    if (c != null && Broadcast.shape(new long[] {m, nn}, c.dims()) == null) {
      throw n.error(
          "shapes do not agree: C " + c + " does not broadcast to [" + m + ", " + nn + "]");
    }
    return Tensor.of(new long[] {m, nn}, anyActivation(n));
  }

  private static Tensor matmul(Node n) {
    Tensor a = n.required(0);
    Tensor b = n.required(1);
    long[] da = a.dims();
    long[] db = b.dims();
    if (da.length == 0 || db.length == 0) {
      throw n.error("MatMul of a scalar");
    }
    boolean va = da.length == 1;
    boolean vb = db.length == 1;
    if (va) {
      da = new long[] {1, da[0]};
    }
    if (vb) {
      db = new long[] {db[0], 1};
    }
    long k = da[da.length - 1];
    if (k != db[db.length - 2]) {
      throw n.error(
          "shapes do not agree: "
              + a
              + " times "
              + b
              + " (inner sizes "
              + k
              + " and "
              + db[db.length - 2]
              + ")");
    }
    long[] ba = java.util.Arrays.copyOf(da, da.length - 2);
    long[] bb = java.util.Arrays.copyOf(db, db.length - 2);
    long[] batch = Broadcast.shape(ba, bb);
    if (batch == null) {
      throw n.error(
          "shapes do not agree: batch dimensions of " + a + " and " + b + " do not broadcast");
    }
    long[] out = java.util.Arrays.copyOf(batch, batch.length + (va ? 0 : 1) + (vb ? 0 : 1));
    int i = batch.length;
    if (!va) {
      out[i++] = da[da.length - 2];
    }
    if (!vb) {
      out[i] = db[db.length - 1];
    }
    return Tensor.of(out, anyActivation(n));
  }
}
