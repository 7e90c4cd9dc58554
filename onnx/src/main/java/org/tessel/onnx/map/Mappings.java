package org.tessel.onnx.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tessel.onnx.proto.Onnx.NodeProto;
import org.tessel.onnx.shape.Contractions;
import org.tessel.onnx.shape.Node;
import org.tessel.onnx.shape.Tensor;
import org.tessel.onnx.shape.Window;
import org.tessel.onnx.shape.WindowShapes;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;

/**
 * Maps nodes, once their shapes are known, onto layers: Conv and ConvTranspose onto convolutions,
 * Gemm and MatMul with a weight onto fully connected or GEMM layers, MatMul of two activations onto
 * {@code matmul}, pools (and ReduceMean over the spatial axes) onto pools, Add/Sub/Sum of
 * activations onto {@code add}, Mul/Div of activations onto {@code mul}, Concat of activations onto
 * {@code concat}, BatchNormalization folded into the convolution it follows (else a one-input
 * {@code mul}). Every other node passes its input through at no cost.
 */
final class Mappings {
  private final Map<String, String> source = new HashMap<>();
  private final Map<String, String> producerOp = new HashMap<>();
  private final Map<String, Integer> readers;
  private final List<Emitted> emitted = new ArrayList<>();
  private final Set<String> names = new java.util.HashSet<>();
  private final long batch;

  /**
   * @param readers how many node inputs and graph outputs read each value
   * @param batch the file's batch (the first dimension of the network input), divided out
   */
  Mappings(Map<String, Integer> readers, long batch) {
    this.readers = readers;
    this.batch = batch;
  }

  /** Marks {@code name} as the network's input. */
  void networkInput(String name) {
    source.put(name, "");
  }

  /** The layers made so far, in order. */
  List<Emitted> emitted() {
    return emitted;
  }

  /** Maps node {@code n} (proto {@code p}) whose outputs are {@code outs}. */
  void map(Node n, NodeProto p, Tensor[] outs) {
    for (int i = 0; i < p.getOutputCount(); i++) {
      producerOp.put(p.getOutput(i), n.op());
    }
    List<Integer> acts = new ArrayList<>();
    for (int i = 0; i < n.inputCount(); i++) {
      Tensor t = n.input(i);
      if (t != null && t.isActivation() && source.containsKey(p.getInput(i))) {
        acts.add(i);
      }
    }
    if (acts.isEmpty()) {
      return; // constants and weights only
    }
    String op = n.op();
    Tensor out = outs[0];
    switch (op) {
      case "Conv" -> {
        if (acts.get(0) == 0) {
          conv(n, p);
          return;
        }
      }
      case "ConvTranspose" -> {
        if (acts.get(0) == 0) {
          convTranspose(n, p);
          return;
        }
      }
      case "Gemm", "MatMul" -> {
        matmul(n, p, acts, out);
        return;
      }
      case "Einsum" -> {
        if (n.inputCount() == 2) {
          einsum(n, p, acts);
          return;
        }
      }
      case "Attention" -> {
        attention(n, p, acts);
        return;
      }
      case "MaxPool", "AveragePool", "LpPool" -> {
        pool(n, p, op.equals("MaxPool") ? LayerKind.MAXPOOL : LayerKind.AVGPOOL);
        return;
      }
      case "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool" -> {
        global(n, p, op.equals("GlobalMaxPool") ? LayerKind.MAXPOOL : LayerKind.AVGPOOL);
        return;
      }
      case "ReduceMean", "ReduceMax" -> {
        if (spatialReduce(n)) {
          global(n, p, op.equals("ReduceMax") ? LayerKind.MAXPOOL : LayerKind.AVGPOOL);
          return;
        }
      }
      case "Add", "Sub", "Sum", "Max", "Min", "Mean" -> {
        if (acts.size() >= 2) {
          elementwise(n, p, acts, out, LayerKind.ADD);
          return;
        }
      }
      case "Mul", "Div" -> {
        if (acts.size() >= 2) {
          elementwise(n, p, acts, out, LayerKind.MUL);
          return;
        }
      }
      case "Concat" -> {
        if (acts.size() >= 2) {
          concat(n, p, acts, out);
          return;
        }
      }
      case "BatchNormalization" -> {
        if (acts.get(0) == 0) {
          batchNorm(n, p, out);
          return;
        }
      }
      default -> {}
    }
    passThrough(p, outs, p.getInput(acts.get(0)));
  }

  private void passThrough(NodeProto p, Tensor[] outs, String from) {
    String src = source.get(from);
    for (int i = 0; i < p.getOutputCount(); i++) {
      if (outs[i] != null && outs[i].isActivation()) {
        source.put(p.getOutput(i), src);
      }
    }
  }

  private void conv(Node n, NodeProto p) {
    Tensor x = n.required(0);
    Window w = WindowShapes.window(n);
    int group = i(n, n.intAttr("group", 1));
    int filters = i(n, n.required(1).dim(0));
    Layer l =
        layer(
            n,
            () ->
                new Layer(
                    name(n),
                    LayerKind.CONV,
                    w.inH(),
                    w.inW(),
                    i(n, x.dim(1)),
                    w.kernelH(),
                    w.kernelW(),
                    w.strideH(),
                    w.strideW(),
                    w.padTop(),
                    w.padLeft(),
                    w.outH(),
                    w.outW(),
                    filters,
                    group));
    emit(
        n,
        p,
        l,
        List.of(0),
        new int[] {l.inH(), l.inW(), l.inC()},
        w.padBottom(),
        w.padRight(),
        w.dilationH() == w.dilationW() ? w.dilationH() : -1);
  }

  private void convTranspose(Node n, NodeProto p) {
    Tensor x = n.required(0);
    Window w = WindowShapes.window(n);
    int group = i(n, n.intAttr("group", 1));
    int[] in = Shape3.of(n, x);
    long filters =
        Math.multiplyExact(n.required(1).dim(1) * group, (long) w.kernelH() * w.kernelW());
    // each input pixel times the whole kernel: a 1x1 convolution to Cout*kH*kW channels
    Layer l =
        layer(
            n,
            () ->
                new Layer(
                    name(n),
                    LayerKind.CONV,
                    in[0],
                    in[1],
                    in[2],
                    1,
                    1,
                    1,
                    1,
                    0,
                    0,
                    in[0],
                    in[1],
                    i(n, filters),
                    group));
    emit(n, p, l, List.of(0), in, 0, 0, 1);
  }

  private void matmul(Node n, NodeProto p, List<Integer> acts, Tensor out) {
    Tensor a = n.required(0);
    Tensor b = n.required(1);
    boolean gemm = n.op().equals("Gemm");
    long k = gemm ? (n.intAttr("transA", 0) != 0 ? a.dim(0) : a.dim(1)) : a.dim(-1);
    long cols = out.rank() == 0 || b.rank() == 1 ? 1 : out.dim(-1);
    Tensor weight = !acts.contains(1) ? b : !acts.contains(0) ? a : null;
    if (weight != null && (gemm || weight.rank() <= 2)) {
      // an activation times a weight: fully connected (one row per image) or a GEMM
      long rows = out.size() / cols;
      long mm = rows % batch == 0 ? rows / batch : rows;
      Layer l =
          layer(
              n,
              () ->
                  mm == 1
                      ? Layer.fc(name(n), i(n, k), i(n, cols))
                      : Layer.gemm(name(n), i(n, mm), i(n, cols), i(n, k)));
      int[] view = mm == 1 ? new int[] {1, 1, i(n, k)} : new int[] {l.inH(), l.inW(), l.inC()};
      emit(n, p, l, acts, view, 0, 0, 1);
      return;
    }
    // two activations (attention): one (m x k) * (k x n) product per head
    long m = a.rank() == 1 ? 1 : a.dim(-2);
    long heads = out.size() / (m * cols);
    if (out.rank() >= 3 && heads % batch == 0) {
      heads /= batch;
    } else if (out.rank() <= 2 && m % batch == 0) {
      m /= batch;
    }
    long mm = m;
    long hh = heads;
    Layer l = layer(n, () -> Layer.matmul(name(n), i(n, mm), i(n, cols), i(n, k), i(n, hh)));
    emit(n, p, l, acts, new int[] {l.inH(), l.inW(), l.inC()}, 0, 0, 1);
  }

  /** A two-operand Einsum as a batched GEMM: a weight makes it fc/gemm, two activations matmul. */
  private void einsum(Node n, NodeProto p, List<Integer> acts) {
    Contractions.Gemm g = Contractions.gemm(n);
    if (acts.size() == 1) {
      long rows = g.batch() * g.m();
      long mm = rows % batch == 0 ? rows / batch : rows;
      Layer l =
          layer(
              n,
              () ->
                  mm == 1
                      ? Layer.fc(name(n), i(n, g.k()), i(n, g.n()))
                      : Layer.gemm(name(n), i(n, mm), i(n, g.n()), i(n, g.k())));
      int[] view = mm == 1 ? new int[] {1, 1, i(n, g.k())} : new int[] {l.inH(), l.inW(), l.inC()};
      emit(n, p, l, acts, view, 0, 0, 1);
      return;
    }
    long heads = g.batch() % batch == 0 ? g.batch() / batch : g.batch();
    Layer l =
        layer(n, () -> Layer.matmul(name(n), i(n, g.m()), i(n, g.n()), i(n, g.k()), i(n, heads)));
    emit(n, p, l, acts, new int[] {l.inH(), l.inW(), l.inC()}, 0, 0, 1);
  }

  /**
   * The fused Attention operator (opset 23) as its two products: {@code Q K^T} per query head
   * ({@code name/qk}), then the weights times {@code V} ({@code name/av}).
   */
  private void attention(Node n, NodeProto p, List<Integer> acts) {
    Contractions.AttentionShape s = Contractions.AttentionShape.of(n);
    long heads = s.qHeads();
    Layer qk =
        layer(
            n,
            () ->
                Layer.matmul(
                    unique(n.label() + "/qk"),
                    i(n, s.qLen()),
                    i(n, s.kvLen()),
                    i(n, s.kHead()),
                    i(n, heads)));
    List<Integer> qkSlots = new ArrayList<>();
    for (int a : acts) {
      if (a <= 1 || a == 4) {
        qkSlots.add(a);
      }
    }
    if (qkSlots.isEmpty()) {
      qkSlots.add(acts.get(0));
    }
    emit(n, p, qk, qkSlots, new int[] {qk.inH(), qk.inW(), qk.inC()}, 0, 0, 1);
    Layer av =
        layer(
            n,
            () ->
                Layer.matmul(
                    unique(n.label() + "/av"),
                    i(n, s.qLen()),
                    i(n, s.vHead()),
                    i(n, s.kvLen()),
                    i(n, heads)));
    List<String> ins = new ArrayList<>(List.of(qk.name()));
    for (int a : acts) {
      String src = source.get(p.getInput(a));
      if ((a == 2 || a == 5) && src != null && !ins.contains(src)) {
        ins.add(src);
      }
    }
    names.add(av.name());
    List<int[]> views = new ArrayList<>();
    for (int k = 0; k < ins.size(); k++) {
      views.add(new int[] {av.inH(), av.inW(), av.inC()});
    }
    emitted.add(new Emitted(av, n.op(), ins, views, 0, 0, 1));
    source.put(p.getOutput(0), av.name());
  }

  private String unique(String base) {
    String name = base;
    for (int k = 2; names.contains(name); k++) {
      name = base + "_" + k;
    }
    return name;
  }

  private void pool(Node n, NodeProto p, LayerKind kind) {
    Tensor x = n.required(0);
    Window w = WindowShapes.window(n);
    int c = i(n, x.dim(1));
    Layer l =
        layer(
            n,
            () ->
                new Layer(
                    name(n),
                    kind,
                    w.inH(),
                    w.inW(),
                    c,
                    w.kernelH(),
                    w.kernelW(),
                    w.strideH(),
                    w.strideW(),
                    w.padTop(),
                    w.padLeft(),
                    w.outH(),
                    w.outW(),
                    c,
                    1));
    emit(
        n, p, l, List.of(0), new int[] {l.inH(), l.inW(), l.inC()}, w.padBottom(), w.padRight(), 1);
  }

  private void global(Node n, NodeProto p, LayerKind kind) {
    int[] in = Shape3.of(n, n.required(0));
    Layer l =
        layer(
            n,
            () ->
                new Layer(
                    name(n), kind, in[0], in[1], in[2], in[0], in[1], 1, 1, 0, 0, 1, 1, in[2], 1));
    emit(n, p, l, List.of(0), in, 0, 0, 1);
  }

  /** ReduceMean/Max over exactly the spatial axes of an N x C x H x W activation. */
  private static boolean spatialReduce(Node n) {
    Tensor x = n.required(0);
    if (x.rank() != 4) {
      return false;
    }
    long[] axes;
    try {
      axes = n.intsAttrOrInput("axes", 1, 18);
    } catch (RuntimeException e) {
      return false;
    }
    if (axes == null || axes.length != 2) {
      return false;
    }
    Set<Integer> s = new java.util.HashSet<>();
    for (long a : axes) {
      s.add(n.axis(a, 4));
    }
    return s.equals(Set.of(2, 3));
  }

  private void elementwise(Node n, NodeProto p, List<Integer> acts, Tensor out, LayerKind kind) {
    int[] o = Shape3.of(n, out);
    Layer l =
        layer(
            n,
            () ->
                new Layer(name(n), kind, o[0], o[1], o[2], 1, 1, 1, 1, 0, 0, o[0], o[1], o[2], 1));
    emit(n, p, l, acts, kind == LayerKind.ADD ? o : Shape3.of(n, n.required(acts.get(0))), 0, 0, 1);
  }

  private void concat(Node n, NodeProto p, List<Integer> acts, Tensor out) {
    int[] in = Shape3.of(n, n.required(acts.get(0)));
    int[] o = Shape3.of(n, out);
    Layer l =
        layer(
            n,
            () ->
                new Layer(
                    name(n),
                    LayerKind.CONCAT,
                    in[0],
                    in[1],
                    in[2],
                    1,
                    1,
                    1,
                    1,
                    0,
                    0,
                    o[0],
                    o[1],
                    o[2],
                    1));
    emit(n, p, l, acts, in, 0, 0, 1);
  }

  private void batchNorm(Node n, NodeProto p, Tensor out) {
    String x = p.getInput(0);
    String from = producerOp.get(x);
    String src = source.get(x);
    if (("Conv".equals(from) || "ConvTranspose".equals(from))
        && src != null
        && !src.isEmpty()
        && readers.getOrDefault(x, 0) == 1) {
      source.put(p.getOutput(0), src); // folded into the convolution's weights and bias
      return;
    }
    int[] o = Shape3.of(n, out);
    Layer l =
        layer(
            n,
            () ->
                new Layer(
                    name(n),
                    LayerKind.MUL,
                    o[0],
                    o[1],
                    o[2],
                    1,
                    1,
                    1,
                    1,
                    0,
                    0,
                    o[0],
                    o[1],
                    o[2],
                    1));
    emit(n, p, l, List.of(0), o, 0, 0, 1);
  }

  /** Emits {@code l} reading {@code slots}, the first as {@code view}, the others as they are. */
  private void emit(
      Node n,
      NodeProto p,
      Layer l,
      List<Integer> slots,
      int[] view,
      int padBottom,
      int padRight,
      int dilation) {
    int[][] views = new int[slots.size()][];
    views[0] = view;
    for (int i = 1; i < views.length; i++) {
      views[i] = l.kind() == LayerKind.ADD ? view : Shape3.of(n, n.required(slots.get(i)));
    }
    emit(n, p, l, slots, views, padBottom, padRight, dilation);
  }

  private void emit(
      Node n,
      NodeProto p,
      Layer l,
      List<Integer> slots,
      int[][] views,
      int padBottom,
      int padRight,
      int dilation) {
    Map<String, int[]> inputs = new java.util.LinkedHashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      String src = source.get(p.getInput(slots.get(i)));
      if (src != null) {
        inputs.putIfAbsent(src, views[i]);
      }
    }
    List<int[]> vs = new ArrayList<>(inputs.values());
    if (inputs.keySet().equals(Set.of(""))) {
      inputs.clear(); // the network input alone
    }
    names.add(l.name());
    emitted.add(
        new Emitted(
            l, n.op(), new ArrayList<>(inputs.keySet()), vs, padBottom, padRight, dilation));
    source.put(p.getOutput(0), l.name());
  }

  private String name(Node n) {
    String base = n.label();
    String name = base;
    for (int k = 2; names.contains(name); k++) {
      name = base + "_" + k;
    }
    return name;
  }

  private static Layer layer(Node n, java.util.function.Supplier<Layer> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw n.error("cannot be modelled: " + e.getMessage());
    }
  }

  /** {@code v} as a positive int, or a mistake of node {@code n}. */
  static int i(Node n, long v) {
    if (v <= 0 || v > Integer.MAX_VALUE) {
      throw n.error("size " + v + " is out of range (1 to " + Integer.MAX_VALUE + ")");
    }
    return (int) v;
  }
}
