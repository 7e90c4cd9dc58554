package org.tessel.onnx.testing;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.tessel.onnx.map.Importer;
import org.tessel.onnx.model.ModelFile;
import org.tessel.onnx.proto.Onnx.AttributeProto;
import org.tessel.onnx.proto.Onnx.GraphProto;
import org.tessel.onnx.proto.Onnx.ModelProto;
import org.tessel.onnx.proto.Onnx.NodeProto;
import org.tessel.onnx.proto.Onnx.OperatorSetIdProto;
import org.tessel.onnx.proto.Onnx.TensorProto;
import org.tessel.onnx.proto.Onnx.TensorShapeProto;
import org.tessel.onnx.proto.Onnx.TypeProto;
import org.tessel.onnx.proto.Onnx.ValueInfoProto;

/** Builds small ONNX models with the generated classes, for tests and benchmarks. */
public final class OnnxModels {
  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
  private final int opset;
  private int count;

  /** A model for the default domain's {@code opset}. */
  public OnnxModels(int opset) {
    this.opset = opset;
  }

  /** Declares a float graph input; a String dim is symbolic. */
  public OnnxModels input(String name, Object... dims) {
    graph.addInput(value(name, dims));
    return this;
  }

  /** Declares a graph output. */
  public OnnxModels output(String name) {
    graph.addOutput(ValueInfoProto.newBuilder().setName(name));
    return this;
  }

  /** A float initializer of {@code dims} with no data (a weight declared, as tests need). */
  public OnnxModels weight(String name, long... dims) {
    TensorProto.Builder t =
        TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
    for (long d : dims) {
      t.addDims(d);
    }
    graph.addInitializer(t);
    return this;
  }

  /** A float initializer holding {@code bytes} of raw data (a weight with its values). */
  public OnnxModels weightData(String name, byte[] bytes, long... dims) {
    TensorProto.Builder t =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.FLOAT_VALUE)
            .setRawData(ByteString.copyFrom(bytes));
    for (long d : dims) {
      t.addDims(d);
    }
    graph.addInitializer(t);
    return this;
  }

  /** An int64 initializer with its values, stored as raw little-endian data. */
  public OnnxModels ints(String name, long... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putLong(v);
    }
    graph.addInitializer(
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.INT64_VALUE)
            .addDims(values.length)
            .setRawData(ByteString.copyFrom(b.array())));
    return this;
  }

  /** A float initializer with its values (float_data). */
  public OnnxModels floats(String name, float... values) {
    TensorProto.Builder t =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.FLOAT_VALUE)
            .addDims(values.length);
    for (float v : values) {
      t.addFloatData(v);
    }
    graph.addInitializer(t);
    return this;
  }

  /** A node; attributes as name/value pairs (Long, long[], Float, float[], String, TensorProto). */
  public OnnxModels node(
      String op, String name, String[] inputs, String[] outputs, Object... attrs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name);
    for (String i : inputs) {
      n.addInput(i);
    }
    for (String o : outputs) {
      n.addOutput(o);
    }
    for (int i = 0; i < attrs.length; i += 2) {
      n.addAttribute(attr((String) attrs[i], attrs[i + 1]));
    }
    graph.addNode(n);
    count++;
    return this;
  }

  /** A node with one output named after it. */
  public OnnxModels node(String op, String name, String... inputs) {
    return node(op, name, inputs, new String[] {name});
  }

  /** The model. */
  public ModelProto model() {
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("tessel-test")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
        .setGraph(graph)
        .build();
  }

  /** The model's bytes. */
  public byte[] bytes() {
    return model().toByteArray();
  }

  /** Imports the model as a file would be (parsed from its bytes). */
  public Importer.Result load() {
    return load(false, Map.of());
  }

  /** Imports the model with options. */
  public Importer.Result load(boolean skipUnknown, Map<String, Long> dims) {
    return Importer.run(
        ModelFile.parse("test.onnx", bytes()), "test.onnx", "test", skipUnknown, dims);
  }

  /** Nodes added so far. */
  public int nodes() {
    return count;
  }

  private static ValueInfoProto value(String name, Object... dims) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (Object d : dims) {
      if (d instanceof String string) {
        s.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(string));
      } else {
        s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(((Number) d).longValue()));
      }
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(1).setShape(s)))
        .build();
  }

  private static AttributeProto attr(String name, Object v) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
    if (v instanceof Long || v instanceof Integer) {
      a.setType(AttributeProto.AttributeType.INT).setI(((Number) v).longValue());
    } else if (v instanceof long[] array) {
      a.setType(AttributeProto.AttributeType.INTS);
      for (long x : array) {
        a.addInts(x);
      }
    } else if (v instanceof Float f) {
      a.setType(AttributeProto.AttributeType.FLOAT).setF(f);
    } else if (v instanceof float[] array) {
      a.setType(AttributeProto.AttributeType.FLOATS);
      for (float x : array) {
        a.addFloats(x);
      }
    } else if (v instanceof String string) {
      a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(string));
    } else if (v instanceof TensorProto tensorProto) {
      a.setType(AttributeProto.AttributeType.TENSOR).setT(tensorProto);
    } else {
      throw new IllegalArgumentException("attribute " + name + ": " + v);
    }
    return a.build();
  }

  /** An int64 tensor value (for Constant nodes). */
  public static TensorProto intTensor(long... values) {
    TensorProto.Builder t =
        TensorProto.newBuilder()
            .setDataType(TensorProto.DataType.INT64_VALUE)
            .addDims(values.length);
    for (long v : values) {
      t.addInt64Data(v);
    }
    return t.build();
  }

  /** A scalar int64 tensor value (no dimensions). */
  public static TensorProto intScalar(long value) {
    return TensorProto.newBuilder()
        .setDataType(TensorProto.DataType.INT64_VALUE)
        .addInt64Data(value)
        .build();
  }

  /** Shorthand for a string array. */
  public static String[] in(String... names) {
    return names;
  }
}
