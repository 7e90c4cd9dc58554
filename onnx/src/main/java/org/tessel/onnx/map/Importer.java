package org.tessel.onnx.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tessel.onnx.proto.Onnx.GraphProto;
import org.tessel.onnx.proto.Onnx.ModelProto;
import org.tessel.onnx.proto.Onnx.NodeProto;
import org.tessel.onnx.proto.Onnx.OperatorSetIdProto;
import org.tessel.onnx.proto.Onnx.SparseTensorProto;
import org.tessel.onnx.proto.Onnx.TensorProto;
import org.tessel.onnx.proto.Onnx.TensorShapeProto;
import org.tessel.onnx.proto.Onnx.ValueInfoProto;
import org.tessel.onnx.shape.Constants;
import org.tessel.onnx.shape.Node;
import org.tessel.onnx.shape.Shapes;
import org.tessel.onnx.shape.Tensor;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.limits.Limits;
import org.tessel.sim.workload.Network;

/** Runs shape inference over a whole graph and maps it onto a {@link Network}. */
public final class Importer {
  /** The oldest default-domain opset read (attribute forms before it are not handled). */
  public static final int MIN_OPSET = 7;

  /** The newest default-domain opset read (ONNX 1.23's schemas go to 28). */
  public static final int MAX_OPSET = 28;

  /** Ops that only move or reinterpret a weight: a graph input read by them stays a weight. */
  private static final Set<String> WEIGHT_PREP =
      Set.of(
          "Gather",
          "Transpose",
          "Reshape",
          "Cast",
          "Identity",
          "Unsqueeze",
          "Squeeze",
          "Flatten",
          "Shape",
          "Size",
          "DequantizeLinear");

  private Importer() {}

  /**
   * What an import made.
   *
   * @param network the layers and their connections
   * @param layers the layers with what a network file needs to read them back
   * @param input the network input's shape of one image, height x width x channels
   * @param skipped the operators passed through under {@code skipUnknown}, one line each
   * @param tensors every value of the graph by name, as inferred
   */
  // A result holder, never compared or hashed: the input shape's array identity cannot mislead.
  @SuppressWarnings("ArrayRecordComponent")
  public record Result(
      Network network,
      List<Emitted> layers,
      int[] input,
      List<String> skipped,
      Map<String, Tensor> tensors) {
    /** Copies the collections. */
    public Result {
      layers = List.copyOf(layers);
      input = input.clone();
      skipped = List.copyOf(skipped);
      tensors = java.util.Collections.unmodifiableMap(new HashMap<>(tensors));
    }

    /** The dimensions inferred for value {@code name}. */
    public long[] dims(String name) {
      Tensor t = tensors.get(name);
      if (t == null) {
        throw new IllegalArgumentException("no value '" + name + "'");
      }
      return t.dims();
    }

    /** The input shape (a copy). */
    @Override
    public int[] input() {
      return input.clone();
    }
  }

  /**
   * Imports {@code model}.
   *
   * @param file the file's name, for messages
   * @param name the network's name
   * @param skipUnknown pass operators without a rule through at zero cost instead of refusing
   * @param dims values for symbolic dimensions other than the batch
   * @throws ConfigException naming the file and the node for every mistake
   */
  public static Result run(
      ModelProto model, String file, String name, boolean skipUnknown, Map<String, Long> dims) {
    int opset = opset(model, file);
    GraphProto g = model.getGraph();
    Map<String, Tensor> values = new HashMap<>();
    for (TensorProto t : g.getInitializerList()) {
      values.put(t.getName(), Constants.of(t));
    }
    for (SparseTensorProto t : g.getSparseInitializerList()) {
      long[] d = new long[t.getDimsCount()];
      for (int i = 0; i < d.length; i++) {
        d[i] = t.getDims(i);
      }
      values.put(t.getValues().getName(), Tensor.constant(d));
    }
    Map<String, Integer> readers = new HashMap<>();
    Map<String, List<NodeProto>> uses = new HashMap<>();
    for (NodeProto n : g.getNodeList()) {
      for (String in : n.getInputList()) {
        if (!in.isEmpty()) {
          readers.merge(in, 1, Integer::sum);
          uses.computeIfAbsent(in, x -> new ArrayList<>()).add(n);
        }
      }
    }
    for (ValueInfoProto o : g.getOutputList()) {
      readers.merge(o.getName(), 1, Integer::sum);
    }
    List<String> activations = new ArrayList<>();
    long batch = 1;
    for (ValueInfoProto in : g.getInputList()) {
      if (values.containsKey(in.getName())) {
        continue; // an initializer also listed as an input (older exporters)
      }
      boolean act = activations.isEmpty() || readAsData(in.getName(), uses);
      long[] d = dims(in, file, act && activations.isEmpty(), dims);
      if (act) {
        if (activations.isEmpty() && d.length > 0) {
          batch = Math.max(1, d[0]);
        }
        activations.add(in.getName());
        values.put(in.getName(), Tensor.activation(d));
      } else {
        values.put(in.getName(), Tensor.constant(d));
      }
    }
    if (activations.isEmpty()) {
      throw new ConfigException(file, 0, "graph.input", "the graph has no input");
    }
    String[] labels = Graph.labels(g);
    int[] order = Graph.order(g, labels, values.keySet(), file);
    Mappings map = new Mappings(readers, batch);
    for (String a : activations) {
      map.networkInput(a);
    }
    List<String> skipped = new ArrayList<>();
    for (int idx : order) {
      NodeProto p = g.getNode(idx);
      Tensor[] ins = new Tensor[p.getInputCount()];
      for (int i = 0; i < ins.length; i++) {
        ins[i] = p.getInput(i).isEmpty() ? null : values.get(p.getInput(i));
      }
      Node n = new Node(p, labels[idx], file, opset, ins);
      boolean defaultDomain = p.getDomain().isEmpty() || p.getDomain().equals("ai.onnx");
      Tensor[] outs;
      if (defaultDomain && Shapes.known(p.getOpType())) {
        try {
          outs = Shapes.infer(n);
          map.map(n, p, outs);
        } catch (ArithmeticException | IndexOutOfBoundsException | NegativeArraySizeException e) {
          throw n.error("malformed node: " + e.getMessage());
        }
      } else {
        String what =
            "unsupported operator " + (defaultDomain ? "" : p.getDomain() + ".") + p.getOpType();
        if (!skipUnknown) {
          throw n.error(what + " (--skip-unknown passes it through at zero cost)");
        }
        Tensor x = n.present().isEmpty() ? null : n.present().get(0);
        if (x == null) {
          throw n.error(what + " with no input cannot be passed through");
        }
        skipped.add(
            "node '"
                + labels[idx]
                + "' ("
                + p.getOpType()
                + "): "
                + what
                + ", passed through at zero cost with its first input's shape "
                + x);
        outs = new Tensor[p.getOutputCount()];
        java.util.Arrays.fill(outs, x);
        map.map(n, p, outs);
      }
      for (int i = 0; i < p.getOutputCount() && i < outs.length; i++) {
        if (!p.getOutput(i).isEmpty() && outs[i] != null) {
          values.put(p.getOutput(i), outs[i]);
        }
      }
    }
    if (map.emitted().isEmpty()) {
      throw new ConfigException(
          file,
          0,
          "",
          "the model has no layer Tessel models (no"
              + " convolution, matrix multiply, pooling or element-wise layer of activations)");
    }
    if (map.emitted().size() > Limits.MAX_LAYERS) {
      throw new ConfigException(
          file,
          0,
          "",
          "more than "
              + Limits.MAX_LAYERS
              + " layers per"
              + " network ("
              + map.emitted().size()
              + ")");
    }
    Network.Builder b = Network.builder(name);
    for (Emitted e : map.emitted()) {
      b.add(e.layer(), e.inputs());
    }
    Tensor first = values.get(activations.get(0));
    if (first == null) {
      throw new IllegalStateException("no value for the network input " + activations.get(0));
    }
    int[] input =
        Shape3.of(
            new Node(NodeProto.getDefaultInstance(), "input", file, opset, new Tensor[0]), first);
    return new Result(b.build(), map.emitted(), input, skipped, values);
  }

  private static int opset(ModelProto model, String file) {
    int opset = -1;
    for (OperatorSetIdProto o : model.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        opset = (int) o.getVersion();
      }
    }
    if (opset < 0) {
      throw new ConfigException(
          file, 0, "opset_import", "no opset of the default domain" + " (ai.onnx)");
    }
    if (opset < MIN_OPSET || opset > MAX_OPSET) {
      throw new ConfigException(
          file,
          0,
          "opset_import",
          "unsupported opset " + opset + " (supported: " + MIN_OPSET + " to " + MAX_OPSET + ")");
    }
    return opset;
  }

  /**
   * Whether a graph input other than the first is data rather than a weight: it is read as the data
   * operand (first input) of an operator that computes on it, or by a weight-preparing operator
   * whose result is such data.
   */
  private static boolean readAsData(String name, Map<String, List<NodeProto>> uses) {
    return readAsData(name, uses, new HashSet<>());
  }

  private static boolean readAsData(
      String name, Map<String, List<NodeProto>> uses, Set<String> seen) {
    if (!seen.add(name)) {
      return false;
    }
    for (NodeProto n : uses.getOrDefault(name, List.of())) {
      if (n.getInputCount() == 0 || !n.getInput(0).equals(name)) {
        continue;
      }
      if (!WEIGHT_PREP.contains(n.getOpType())) {
        return true;
      }
      if (!n.getOpType().equals("Gather")
          && !n.getOpType().equals("Shape")
          && !n.getOpType().equals("Size")) {
        for (String out : n.getOutputList()) {
          if (readAsData(out, uses, seen)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static long[] dims(
      ValueInfoProto in, String file, boolean first, Map<String, Long> given) {
    if (!in.getType().hasTensorType()) {
      throw new ConfigException(file, 0, "graph.input '" + in.getName() + "'", "not a tensor");
    }
    TensorShapeProto s = in.getType().getTensorType().getShape();
    long[] d = new long[s.getDimCount()];
    for (int i = 0; i < d.length; i++) {
      TensorShapeProto.Dimension dim = s.getDim(i);
      String sym = dim.hasDimParam() ? dim.getDimParam() : "";
      if (!sym.isEmpty() && given.containsKey(sym)) {
        d[i] = given.get(sym);
      } else if (dim.hasDimValue() && dim.getDimValue() > 0) {
        d[i] = dim.getDimValue();
      } else if (dim.hasDimValue() && dim.getDimValue() == 0) {
        d[i] = 0;
      } else if (i == 0 && first) {
        d[i] = 1; // the batch: Tessel's layers are per image, --batch multiplies them
      } else {
        throw new ConfigException(
            file,
            0,
            "graph.input '" + in.getName() + "'",
            "dimension "
                + i
                + (sym.isEmpty() ? " has no size" : " is the symbol '" + sym + "'")
                + "; give it a size with --dim "
                + (sym.isEmpty() ? "NAME" : sym)
                + "=N");
      }
    }
    return d;
  }
}
