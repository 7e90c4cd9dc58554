package org.tessel.bench;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tessel.onnx.OnnxImport;
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

/**
 * ONNX import of a ResNet-50 with its weights in the file (25.5 million float parameters, about 102
 * MB, written by the setup as the classic exporter lays it out: convolutions with folded batch norm
 * biases, ReLU, residual Adds, global pooling, Flatten, Gemm).
 *
 * <ul>
 *   <li>{@code parse}: memory-map the file and parse the ModelProto (weights aliased, not read);
 *   <li>{@code importModel}: parse, infer every shape and map the graph onto layers, as {@code
 *       tessel simulate -t model.onnx} does before simulating.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OnnxBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class OnnxBenchmark {
  private Path dir;
  private Path file;

  /** Writes the model. */
  @Setup(Level.Trial)
  public void write() throws IOException {
    dir = Files.createTempDirectory("tessel-onnx-bench");
    file = dir.resolve("resnet50.onnx");
    try (OutputStream out = Files.newOutputStream(file)) {
      resnet50().writeTo(out);
    }
    long macs = OnnxImport.read(file, false, Map.of()).network().macs();
    if (macs != 4_089_184_256L) {
      throw new IllegalStateException("ResNet-50 has 4,089,184,256 MACs, the model " + macs);
    }
  }

  /** Removes the model. */
  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  /** Parse only. */
  @Benchmark
  public int parse() {
    return ModelFile.read(file).getGraph().getNodeCount();
  }

  /** Parse, shape inference and mapping onto layers. */
  @Benchmark
  public long importModel() {
    return OnnxImport.read(file, false, Map.of()).network().macs();
  }

  /** The model, with random-free (zero) weight data of the true sizes. */
  static ModelProto resnet50() {
    Gen g = new Gen();
    String x = g.conv("input", 3, 64, 7, 2, 3, true);
    x =
        g.node(
            "MaxPool",
            new String[] {x},
            AttributeProto.newBuilder()
                .setName("kernel_shape")
                .setType(AttributeProto.AttributeType.INTS)
                .addInts(3)
                .addInts(3)
                .build(),
            ints("strides", 2, 2),
            ints("pads", 1, 1, 1, 1));
    int in = 64;
    int[] blocks = {3, 4, 6, 3};
    for (int s = 0; s < 4; s++) {
      int width = 64 << s;
      for (int b = 0; b < blocks[s]; b++) {
        int stride = b == 0 && s > 0 ? 2 : 1;
        String y = g.conv(x, in, width, 1, 1, 0, true);
        y = g.conv(y, width, width, 3, stride, 1, true);
        y = g.conv(y, width, width * 4, 1, 1, 0, false);
        String skip = b == 0 ? g.conv(x, in, width * 4, 1, stride, 0, false) : x;
        x = g.node("Relu", new String[] {g.node("Add", new String[] {y, skip})});
        in = width * 4;
      }
    }
    x = g.node("GlobalAveragePool", new String[] {x});
    x = g.node("Flatten", new String[] {x});
    String w = g.weight(1000, 2048);
    String bias = g.weight(1000);
    x =
        g.node(
            "Gemm",
            new String[] {x, w, bias},
            AttributeProto.newBuilder()
                .setName("transB")
                .setType(AttributeProto.AttributeType.INT)
                .setI(1)
                .build());
    g.graph.addOutput(ValueInfoProto.newBuilder().setName(x));
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : new long[] {1, 3, 224, 224}) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    g.graph.addInput(
        0,
        ValueInfoProto.newBuilder()
            .setName("input")
            .setType(
                TypeProto.newBuilder()
                    .setTensorType(TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape))));
    return ModelProto.newBuilder()
        .setIrVersion(7)
        .setProducerName("tessel-bench")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13))
        .setGraph(g.graph.setName("resnet50"))
        .build();
  }

  private static AttributeProto ints(String name, long... v) {
    AttributeProto.Builder a =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long x : v) {
      a.addInts(x);
    }
    return a.build();
  }

  /** Names values and nodes as it adds them. */
  private static final class Gen {
    final GraphProto.Builder graph = GraphProto.newBuilder();
    int n;

    String weight(long... dims) {
      long size = 1;
      TensorProto.Builder t =
          TensorProto.newBuilder().setName("w" + n++).setDataType(TensorProto.DataType.FLOAT_VALUE);
      for (long d : dims) {
        t.addDims(d);
        size *= d;
      }
      graph.addInitializer(t.setRawData(ByteString.copyFrom(new byte[(int) (4 * size)])));
      return t.getName();
    }

    String node(String op, String[] inputs, AttributeProto... attrs) {
      String out = op.toLowerCase() + "_" + n++;
      NodeProto.Builder b = NodeProto.newBuilder().setOpType(op).setName(out).addOutput(out);
      for (String i : inputs) {
        b.addInput(i);
      }
      for (AttributeProto a : attrs) {
        b.addAttribute(a);
      }
      graph.addNode(b);
      return out;
    }

    String conv(String x, int in, int out, int k, int stride, int pad, boolean relu) {
      String w = weight(out, in, k, k);
      String b = weight(out);
      String y =
          node(
              "Conv",
              new String[] {x, w, b},
              ints("kernel_shape", k, k),
              ints("strides", stride, stride),
              ints("pads", pad, pad, pad, pad));
      return relu ? node("Relu", new String[] {y}) : y;
    }
  }
}
