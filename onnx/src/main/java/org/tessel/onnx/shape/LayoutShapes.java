package org.tessel.onnx.shape;

import java.util.Arrays;
import java.util.Set;
import org.tessel.onnx.proto.Onnx.AttributeProto;
import org.tessel.sim.util.IntMath;

/**
 * Operators that move, cut, join or make data without arithmetic: reshapes, transposes, slices,
 * concatenations, padding, resizing, and the shape arithmetic around them (Shape, Gather, Constant,
 * ...), evaluated on known contents.
 */
final class LayoutShapes {
  static final Set<String> OPS =
      Set.of(
          "Reshape",
          "Flatten",
          "Transpose",
          "Squeeze",
          "Unsqueeze",
          "Concat",
          "Split",
          "Slice",
          "Pad",
          "Resize",
          "Upsample",
          "Expand",
          "Tile",
          "Gather",
          "GatherElements",
          "Shape",
          "Size",
          "ConstantOfShape",
          "Range",
          "Constant",
          "DepthToSpace",
          "SpaceToDepth");

  private LayoutShapes() {}

  static Tensor[] infer(Node n) {
    switch (n.op()) {
      case "Split" -> {
        return split(n);
      }
      case "Constant" -> {
        return new Tensor[] {constant(n)};
      }
      default -> {
        Tensor t = one(n);
        Tensor[] out = new Tensor[Math.max(1, n.outputCount())];
        out[0] = t;
        return out;
      }
    }
  }

  private static Tensor one(Node n) {
    Tensor x = n.required(0);
    switch (n.op()) {
      case "Reshape" -> {
        return reshape(n, n.required(0));
      }
      case "Flatten" -> {
        int axis = (int) n.intAttr("axis", 1);
        axis = axis < 0 ? axis + x.rank() : axis;
        if (axis < 0 || axis > n.required(0).rank()) {
          throw n.error("axis " + n.intAttr("axis", 1) + " is outside " + x);
        }
        long[] d = x.dims();
        long a = 1;
        long b = 1;
        for (int i = 0; i < d.length; i++) {
          if (i < axis) {
            a = Math.multiplyExact(a, d[i]);
          } else {
            b = Math.multiplyExact(b, d[i]);
          }
        }
        return x.reshaped(new long[] {a, b});
      }
      case "Transpose" -> {
        long[] d = n.required(0).dims();
        long[] perm = n.intsAttr("perm");
        long[] out = new long[d.length];
        boolean[] used = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
          int p = perm == null ? d.length - 1 - i : (int) (i < perm.length ? perm[i] : -1);
          if ((perm != null && perm.length != d.length) || p < 0 || p >= d.length || used[p]) {
            throw n.error(
                "perm "
                    + Tensor.shapeText(perm)
                    + " is not a permutation of "
                    + d.length
                    + " axes");
          }
          used[p] = true;
          out[i] = d[p];
        }
        return d.length <= 1 ? x : Tensor.of(out, x.isActivation());
      }
      case "Squeeze" -> {
        long[] d = n.required(0).dims();
        long[] axes = n.intsAttrOrInput("axes", 1, 13);
        boolean[] drop = new boolean[d.length];
        if (axes == null || axes.length == 0) {
          for (int i = 0; i < d.length; i++) {
            drop[i] = d[i] == 1;
          }
        } else {
          for (long a : axes) {
            int i = n.axis(a, d.length);
            if (d[i] != 1) {
              throw n.error(
                  "shapes do not agree: cannot squeeze axis "
                      + a
                      + " of size "
                      + d[i]
                      + " in "
                      + x);
            }
            drop[i] = true;
          }
        }
        long[] out = new long[d.length];
        int r = 0;
        for (int i = 0; i < d.length; i++) {
          if (!drop[i]) {
            out[r++] = d[i];
          }
        }
        return x.reshaped(Arrays.copyOf(out, r));
      }
      case "Unsqueeze" -> {
        long[] d = n.required(0).dims();
        long[] axes = n.intsAttrOrInput("axes", 1, 13);
        if (axes == null) {
          throw n.error("axes are required");
        }
        int rank = d.length + axes.length;
        boolean[] added = new boolean[rank];
        for (long a : axes) {
          int i = n.axis(a, rank);
          if (added[i]) {
            throw n.error("axis " + a + " is given twice");
          }
          added[i] = true;
        }
        long[] out = new long[rank];
        int j = 0;
        for (int i = 0; i < rank; i++) {
          out[i] = added[i] ? 1 : d[j++];
        }
        return x.reshaped(out);
      }
      case "Concat" -> {
        return concat(n);
      }
      case "Slice" -> {
        return slice(n);
      }
      case "Pad" -> {
        long[] d = n.required(0).dims();
        long[] pads = n.intsAttrOrInput("pads", 1, 11);
        if (pads == null) {
          throw n.error("pads are required");
        }
        long[] axes =
            n.opset() >= 18 && n.input(3) != null ? n.intsAttrOrInput("axes", 3, 18) : null;
        int k = axes == null ? d.length : axes.length;
        if (pads.length != 2 * k) {
          throw n.error("pads has " + pads.length + " values, expected " + 2 * k + " for " + x);
        }
        long[] out = d.clone();
        for (int i = 0; i < k; i++) {
          int a = axes == null ? i : n.axis(axes[i], d.length);
          out[a] += pads[i] + pads[i + k];
          if (out[a] < 0) {
            throw n.error("pads crop more than axis " + a + " of " + x + " holds");
          }
        }
        return Tensor.of(out, x.isActivation());
      }
      case "Resize", "Upsample" -> {
        return resize(n);
      }
      case "Expand" -> {
        long[] shape = values(n, 1, "shape");
        long[] out = Broadcast.shape(n.required(0).dims(), shape);
        if (out == null) {
          throw n.error(
              "shapes do not agree: " + x + " does not expand to " + Tensor.shapeText(shape));
        }
        return Tensor.of(out, x.isActivation());
      }
      case "Tile" -> {
        long[] rep = values(n, 1, "repeats");
        long[] d = n.required(0).dims();
        if (rep.length != d.length) {
          throw n.error("repeats has " + rep.length + " values for " + x);
        }
        for (int i = 0; i < d.length; i++) {
          d[i] = Math.multiplyExact(d[i], rep[i]);
        }
        return Tensor.of(d, x.isActivation());
      }
      case "Gather" -> {
        return gather(n);
      }
      case "GatherElements" -> {
        return Tensor.of(n.required(1).dims(), Shapes.anyActivation(n));
      }
      case "Shape" -> {
        long[] d = n.required(0).dims();
        int start = (int) n.intAttr("start", 0);
        int end = (int) n.intAttr("end", d.length);
        start = Math.max(0, Math.min(d.length, start < 0 ? start + d.length : start));
        end = Math.max(start, Math.min(d.length, end < 0 ? end + d.length : end));
        return Tensor.ints(Arrays.copyOfRange(d, start, end));
      }
      case "Size" -> {
        return Tensor.ints(new long[0], new long[] {n.required(0).size()});
      }
      case "ConstantOfShape" -> {
        long[] shape = values(n, 0, "shape");
        AttributeProto v = n.attr("value");
        Tensor fill =
            v == null ? Tensor.ints(new long[] {1}, new long[] {0}) : Constants.of(v.getT());
        long size = 1;
        for (long s : shape) {
          if (s < 0) {
            throw n.error("negative dimension in " + Tensor.shapeText(shape));
          }
          size = Math.multiplyExact(size, s);
        }
        long[] fillInts = fill.intValues();
        if (fillInts != null && size <= Tensor.MAX_VALUES) {
          long[] vals = new long[(int) size];
          Arrays.fill(vals, fillInts[0]);
          return Tensor.ints(shape, vals);
        }
        return Tensor.constant(shape);
      }
      case "Range" -> {
        double[] s = n.required(0).numbers();
        double[] l = n.required(1).numbers();
        double[] dl = n.required(2).numbers();
        if (s == null || l == null || dl == null || dl[0] == 0) {
          throw n.error("start, limit and delta must be known constants (delta not 0)");
        }
        long len = Math.max(0, (long) Math.ceil((l[0] - s[0]) / dl[0]));
        if (n.required(0).hasInts() && len <= Tensor.MAX_VALUES) {
          long[] v = new long[(int) len];
          for (int i = 0; i < v.length; i++) {
            v[i] = (long) s[0] + i * (long) dl[0];
          }
          return Tensor.ints(v);
        }
        return Tensor.constant(len);
      }
      case "DepthToSpace", "SpaceToDepth" -> {
        long b = n.intAttr("blocksize", 0);
        long[] d = n.required(0).dims();
        if (b <= 0 || d.length != 4) {
          throw n.error("needs blocksize > 0 and a 4-D input, found " + x);
        }
        boolean up = n.op().equals("DepthToSpace");
        if (up ? d[1] % (b * b) != 0 : d[2] % b != 0 || d[3] % b != 0) {
          throw n.error("shapes do not agree: " + x + " with blocksize " + b);
        }
        long[] out =
            up
                ? new long[] {d[0], d[1] / (b * b), d[2] * b, d[3] * b}
                : new long[] {d[0], d[1] * b * b, d[2] / b, d[3] / b};
        return Tensor.of(out, x.isActivation());
      }
      default -> throw new IllegalArgumentException(n.op());
    }
  }

  private static long[] values(Node n, int slot, String what) {
    long[] v = n.required(slot).intValues();
    if (v == null) {
      throw n.error(what + " (input " + slot + ") must be a constant to know the output shape");
    }
    return v;
  }

  private static Tensor reshape(Node n, Tensor x) {
    long[] shape = n.opset() < 5 ? n.intsAttr("shape") : values(n, 1, "shape");
    if (shape == null) {
      throw n.error("shape is required");
    }
    boolean allowZero = n.intAttr("allowzero", 0) != 0;
    long[] d = x.dims();
    long[] out = shape.clone();
    int minus = -1;
    long known = 1;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0 && !allowZero) {
        if (i >= d.length) {
          throw n.error(
              "shape " + Tensor.shapeText(shape) + " copies axis " + i + " that " + x + " lacks");
        }
        out[i] = d[i];
      }
      if (out[i] == -1) {
        if (minus >= 0) {
          throw n.error("shape " + Tensor.shapeText(shape) + " has more than one -1");
        }
        minus = i;
      } else if (out[i] < 0) {
        throw n.error("shape " + Tensor.shapeText(shape) + " has a negative size");
      } else {
        known = Math.multiplyExact(known, out[i]);
      }
    }
    long size = x.size();
    if (minus >= 0) {
      if (known == 0 || size % known != 0) {
        throw n.error(
            "shapes do not agree: "
                + x
                + " ("
                + size
                + " elements) cannot be"
                + " reshaped to "
                + Tensor.shapeText(shape));
      }
      out[minus] = size / known;
    } else if (known != size) {
      throw n.error(
          "shapes do not agree: "
              + x
              + " ("
              + size
              + " elements) cannot be reshaped"
              + " to "
              + Tensor.shapeText(out)
              + " ("
              + known
              + ")");
    }
    return x.reshaped(out);
  }

  private static Tensor concat(Node n) {
    if (!n.has("axis")) {
      throw n.error("axis is required");
    }
    java.util.List<Tensor> ins = n.present();
    if (ins.isEmpty()) {
      throw n.error("no inputs");
    }
    Tensor first = ins.get(0);
    int axis = n.axis(n.intAttr("axis", 0), first.rank());
    long[] out = first.dims();
    out[axis] = 0;
    boolean act = false;
    boolean values = true;
    for (Tensor t : ins) {
      if (t.rank() != first.rank()) {
        throw n.error("shapes do not agree: " + first + " and " + t + " differ in rank");
      }
      for (int a = 0; a < out.length; a++) {
        if (a != axis && t.dim(a) != first.dim(a)) {
          throw n.error("shapes do not agree: " + first + " and " + t + " differ in axis " + a);
        }
      }
      out[axis] += t.dim(axis);
      act |= t.isActivation();
      values &= t.hasInts();
    }
    if (values && out.length == 1 && out[0] <= Tensor.MAX_VALUES) {
      long[] v = new long[(int) out[0]];
      int k = 0;
      for (Tensor t : ins) {
        long[] tv = t.intValues();
        if (tv == null) {
          throw new IllegalStateException("every input holds integers (checked above)");
        }
        for (long x : tv) {
          v[k++] = x;
        }
      }
      return Tensor.ints(v);
    }
    return Tensor.of(out, act);
  }

  private static Tensor[] split(Node n) {
    Tensor x = n.required(0);
    int axis = n.axis(n.intAttr("axis", 0), x.rank());
    int outs = n.outputCount();
    long d = x.dim(axis);
    long[] sizes = n.intsAttrOrInput("split", 1, 13);
    if (sizes == null) {
      long parts = n.has("num_outputs") ? n.intAttr("num_outputs", outs) : outs;
      if (parts <= 0 || parts != outs) {
        throw n.error("num_outputs " + parts + " but " + outs + " outputs");
      }
      sizes = new long[outs];
      long each = IntMath.ceilDiv(d, parts);
      long left = d;
      for (int i = 0; i < outs; i++) {
        sizes[i] = Math.min(each, left);
        left -= sizes[i];
      }
      if (n.opset() < 18 && d % parts != 0) {
        throw n.error(
            "axis " + axis + " of " + x + " does not split into " + parts + " equal" + " parts");
      }
    }
    if (sizes.length != outs) {
      throw n.error("split has " + sizes.length + " sizes for " + outs + " outputs");
    }
    long sum = 0;
    for (long s : sizes) {
      sum += s;
    }
    if (sum != d) {
      throw n.error(
          "shapes do not agree: split sizes "
              + Tensor.shapeText(sizes)
              + " add up to "
              + sum
              + ", axis "
              + axis
              + " of "
              + x
              + " is "
              + d);
    }
    Tensor[] out = new Tensor[outs];
    for (int i = 0; i < outs; i++) {
      long[] od = x.dims();
      od[axis] = sizes[i];
      out[i] = Tensor.of(od, x.isActivation());
    }
    return out;
  }

  private static Tensor slice(Node n) {
    Tensor x = n.required(0);
    long[] starts;
    long[] ends;
    long[] axes;
    long[] steps = null;
    if (n.opset() < 10) {
      starts = n.intsAttr("starts");
      ends = n.intsAttr("ends");
      axes = n.intsAttr("axes");
    } else {
      starts = values(n, 1, "starts");
      ends = values(n, 2, "ends");
      axes = n.input(3) == null ? null : values(n, 3, "axes");
      steps = n.input(4) == null ? null : values(n, 4, "steps");
    }
    if (starts == null
        || ends == null
        || starts.length != ends.length
        || (axes != null && axes.length != starts.length)
        || (steps != null && steps.length != starts.length)) {
      throw n.error("starts, ends, axes and steps must be given and of one length");
    }
    long[] d = x.dims();
    long[] out = d.clone();
    long[] first = new long[d.length];
    long[] step = new long[d.length];
    Arrays.fill(step, 1);
    for (int i = 0; i < starts.length; i++) {
      int a = n.axis(axes == null ? i : axes[i], d.length);
      long st = steps == null ? 1 : steps[i];
      if (st == 0) {
        throw n.error("a step of 0");
      }
      long s = starts[i] < 0 ? starts[i] + d[a] : starts[i];
      long e = ends[i] < 0 && ends[i] > Long.MIN_VALUE / 2 ? ends[i] + d[a] : ends[i];
      if (st > 0) {
        s = Math.max(0, Math.min(d[a], s));
        e = Math.max(0, Math.min(d[a], e));
        out[a] = Math.max(0, IntMath.ceilDiv(e - s, st));
      } else {
        s = Math.max(0, Math.min(d[a] - 1, s));
        e = Math.max(-1, Math.min(d[a] - 1, e));
        out[a] = Math.max(0, IntMath.ceilDiv(s - e, -st));
      }
      first[a] = s;
      step[a] = st;
    }
    long[] v = x.intValues();
    if (v != null && d.length == 1) {
      long[] r = new long[(int) out[0]];
      for (int i = 0; i < r.length; i++) {
        r[i] = v[(int) (first[0] + i * step[0])];
      }
      return Tensor.ints(r);
    }
    return Tensor.of(out, x.isActivation());
  }

  private static Tensor resize(Node n) {
    Tensor x = n.required(0);
    long[] d = x.dims();
    double[] scales = null;
    long[] sizes = null;
    if ((n.op().equals("Upsample") && n.opset() < 9) || (n.opset() < 10 && n.has("scales"))) {
      scales = n.floatsAttr("scales");
    } else if (n.opset() < 11) {
      scales = n.required(1).numbers();
    } else {
      Tensor sc = n.input(2);
      Tensor sz = n.input(3);
      if (sz != null && sz.size() > 0) {
        sizes = sz.intValues();
        if (sizes == null) {
          throw n.error("sizes (input 3) must be a constant to know the output shape");
        }
      } else if (sc != null && sc.size() > 0) {
        scales = sc.numbers();
        if (scales == null) {
          throw n.error("scales (input 2) must be a constant to know the output shape");
        }
      }
    }
    long[] axes = n.intsAttr("axes");
    int k = axes == null ? d.length : axes.length;
    int given = scales != null ? scales.length : sizes != null ? sizes.length : -1;
    if (given != k) {
      throw n.error("needs " + k + " scales or sizes for " + x);
    }
    long[] out = d.clone();
    double[] sc = scales != null ? scales : new double[0]; // scales or sizes (checked above)
    for (int i = 0; i < k; i++) {
      int a = axes == null ? i : n.axis(axes[i], d.length);
      out[a] = sizes != null ? sizes[i] : (long) Math.floor(d[a] * sc[i]);
    }
    return Tensor.of(out, x.isActivation());
  }

  private static Tensor gather(Node n) {
    Tensor data = n.required(0);
    Tensor idx = n.required(1);
    int axis = n.axis(n.intAttr("axis", 0), data.rank());
    long[] d = data.dims();
    long[] id = idx.dims();
    long[] out = new long[d.length - 1 + id.length];
    int k = 0;
    for (int i = 0; i < axis; i++) {
      out[k++] = d[i];
    }
    for (long v : id) {
      out[k++] = v;
    }
    for (int i = axis + 1; i < d.length; i++) {
      out[k++] = d[i];
    }
    long[] v = data.intValues();
    long[] ix = idx.intValues();
    if (v != null && ix != null && d.length == 1) {
      long[] r = new long[ix.length];
      for (int i = 0; i < ix.length; i++) {
        long j = ix[i] < 0 ? ix[i] + d[0] : ix[i];
        if (j < 0 || j >= d[0]) {
          throw n.error("index " + ix[i] + " is outside " + data);
        }
        r[i] = v[(int) j];
      }
      return Tensor.ints(out, r);
    }
    return Tensor.of(out, Shapes.anyActivation(n));
  }

  private static Tensor constant(Node n) {
    AttributeProto a;
    if ((a = n.attr("value")) != null) {
      return Constants.of(a.getT());
    }
    if ((a = n.attr("value_int")) != null) {
      return Tensor.ints(new long[0], new long[] {a.getI()});
    }
    long[] valueInts = n.intsAttr("value_ints"); // null: no such attribute
    if (valueInts != null) {
      return Tensor.ints(valueInts);
    }
    if ((a = n.attr("value_float")) != null) {
      return Tensor.floats(new long[0], new double[] {a.getF()});
    }
    double[] valueFloats = n.floatsAttr("value_floats"); // null: no such attribute
    if (valueFloats != null) {
      return Tensor.floats(new long[] {valueFloats.length}, valueFloats);
    }
    if ((a = n.attr("sparse_value")) != null) {
      long[] dims = new long[a.getSparseTensor().getDimsCount()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = a.getSparseTensor().getDims(i);
      }
      return Tensor.constant(dims);
    }
    if ((a = n.attr("value_string")) != null) {
      return Tensor.constant();
    }
    if ((a = n.attr("value_strings")) != null) {
      return Tensor.constant(a.getStringsCount());
    }
    throw n.error("has no value attribute");
  }
}
