package org.tessel.onnx.shape;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tessel.onnx.proto.Onnx.AttributeProto;
import org.tessel.onnx.proto.Onnx.NodeProto;
import org.tessel.sim.config.ConfigException;

/**
 * One node being inferred: its attributes, its inputs' tensors (null for an omitted optional input)
 * and the opset it was written for; every mistake it finds names the file and the node.
 */
public final class Node {
  private final NodeProto proto;
  private final String label;
  private final String file;
  private final int opset;
  private final Tensor[] inputs;

  /** A node of {@code file} with its inputs resolved. */
  public Node(NodeProto proto, String label, String file, int opset, Tensor[] inputs) {
    this.proto = proto;
    this.label = label;
    this.file = file;
    this.opset = opset;
    this.inputs = inputs;
  }

  /** The node's name as Tessel uses it (the ONNX name, or op type and index when it has none). */
  public String label() {
    return label;
  }

  /** The operator type, e.g. {@code Conv}. */
  public String op() {
    return proto.getOpType();
  }

  /** The default domain's opset the model imports. */
  public int opset() {
    return opset;
  }

  /** The number of input slots (omitted optional inputs included). */
  public int inputCount() {
    return inputs.length;
  }

  /** The number of outputs the node declares. */
  public int outputCount() {
    return proto.getOutputCount();
  }

  /** Input {@code i}, or null when it is omitted or beyond the inputs given. */
  public @Nullable Tensor input(int i) {
    return i < inputs.length ? inputs[i] : null;
  }

  /** Input {@code i}, which must be present. */
  public Tensor required(int i) {
    Tensor t = input(i);
    if (t == null) {
      throw error("input " + i + " is required");
    }
    return t;
  }

  /** The tensors given, omitted ones left out. */
  public List<Tensor> present() {
    List<Tensor> out = new ArrayList<>();
    for (Tensor t : inputs) {
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** True when the node has the attribute. */
  public boolean has(String name) {
    return attr(name) != null;
  }

  /** An integer attribute. */
  public long intAttr(String name, long fallback) {
    AttributeProto a = attr(name);
    return a == null ? fallback : a.getI();
  }

  /** A float attribute. */
  public double floatAttr(String name, double fallback) {
    AttributeProto a = attr(name);
    return a == null ? fallback : a.getF();
  }

  /** A string attribute. */
  public String stringAttr(String name, String fallback) {
    AttributeProto a = attr(name);
    return a == null ? fallback : a.getS().toStringUtf8();
  }

  /** An integer-list attribute, or null. */
  public long @Nullable [] intsAttr(String name) {
    AttributeProto a = attr(name);
    if (a == null) {
      return null;
    }
    long[] v = new long[a.getIntsCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.getInts(i);
    }
    return v;
  }

  /** A float-list attribute, or null. */
  public double @Nullable [] floatsAttr(String name) {
    AttributeProto a = attr(name);
    if (a == null) {
      return null;
    }
    double[] v = new double[a.getFloatsCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.getFloats(i);
    }
    return v;
  }

  /** The raw attribute, or null. */
  public @Nullable AttributeProto attr(String name) {
    for (AttributeProto a : proto.getAttributeList()) {
      if (a.getName().equals(name)) {
        return a;
      }
    }
    return null;
  }

  /**
   * An integer list given as an attribute before opset {@code since} and as input {@code slot} from
   * it on (Squeeze axes, Split sizes, Pad pads, ...); null when absent.
   */
  public long @Nullable [] intsAttrOrInput(String name, int slot, int since) {
    if (opset < since || has(name)) {
      return intsAttr(name);
    }
    Tensor t = input(slot);
    if (t == null) {
      return null;
    }
    long[] v = t.intValues();
    if (v == null) {
      throw error("input " + slot + " (" + name + ") must be a constant to know the output shape");
    }
    return v;
  }

  /** A user's mistake in this node: {@code FILE: node 'NAME' (OP): message}. */
  public ConfigException error(String message) {
    return error(file, label, op(), message);
  }

  /** The same for a node not wrapped in a {@link Node}. */
  public static ConfigException error(String file, String label, String op, String message) {
    return new ConfigException(file, 0, "node '" + label + "' (" + op + ")", message);
  }

  /** Axis {@code axis} of a rank-{@code rank} tensor, negative counting from the end. */
  public int axis(long axis, int rank) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw error("axis " + axis + " is outside a tensor of rank " + rank);
    }
    return (int) a;
  }
}
