package org.tessel.nas.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;
import org.tessel.sim.workload.Network;

/**
 * Builds a network layer by layer with the shapes inferred as {@code NetworkReader} infers them
 * (docs/network-format.md): each layer reads named layers, or the network input when it names none
 * ({@code null}). Batch norm and activations are fused into the layer before them and cost nothing
 * of their own, as in the network files.
 */
final class NetBuilder {
  /** Height, width and channels of a layer's output. */
  record Shape(int h, int w, int c) {}

  private final Network.Builder b;
  private final Shape input;
  private final Map<String, Shape> shapes = new HashMap<>();

  NetBuilder(String name, int h, int w, int c) {
    this.b = Network.builder(name);
    this.input = new Shape(h, w, c);
  }

  /** The output shape of {@code layer} (null: the network input). */
  @Nullable Shape shape(@Nullable String layer) {
    return layer == null ? input : shapes.get(layer);
  }

  /**
   * The output shape of {@code layer} (null: the network input), which must be a layer added
   * before.
   *
   * @throws IllegalArgumentException naming the layer when it is not
   */
  Shape shapeOf(@Nullable String layer) {
    Shape s = shape(layer);
    if (s == null) {
      throw new IllegalArgumentException("input '" + layer + "' is not a layer defined above");
    }
    return s;
  }

  /** A convolution reading {@code in}: {@code kernel x kernel}, stride, zero padding, groups. */
  String conv(
      String name, @Nullable String in, int kernel, int stride, int pad, int outC, int groups) {
    Shape x = shapeOf(in);
    return add(Layer.conv(name, x.h(), x.w(), x.c(), kernel, stride, pad, outC, groups), in);
  }

  /** A convolution padded to keep the size at stride 1 ({@code pad = kernel / 2}). */
  String convSame(String name, @Nullable String in, int kernel, int stride, int outC, int groups) {
    return conv(name, in, kernel, stride, kernel / 2, outC, groups);
  }

  /** Average pooling over {@code kernel x kernel} windows. */
  String avgPool(String name, @Nullable String in, int kernel, int stride, int pad) {
    return pool(LayerKind.AVGPOOL, name, in, kernel, stride, pad);
  }

  /** Max pooling over {@code kernel x kernel} windows. */
  String maxPool(String name, @Nullable String in, int kernel, int stride, int pad) {
    return pool(LayerKind.MAXPOOL, name, in, kernel, stride, pad);
  }

  /** A {@code kind} pooling layer over {@code kernel x kernel} windows, channels kept. */
  private String pool(
      LayerKind kind, String name, @Nullable String in, int kernel, int stride, int pad) {
    Shape x = shapeOf(in);
    int outH = Math.floorDiv(x.h() + 2 * pad - kernel, stride) + 1;
    int outW = Math.floorDiv(x.w() + 2 * pad - kernel, stride) + 1;
    return add(
        new Layer(
            name, kind, x.h(), x.w(), x.c(), kernel, kernel, stride, stride, pad, pad, outH, outW,
            x.c(), 1),
        in);
  }

  /** Global average pooling to {@code 1 x 1}. */
  String globalAvgPool(String name, @Nullable String in) {
    Shape x = shapeOf(in);
    return add(
        new Layer(
            name, LayerKind.AVGPOOL, x.h(), x.w(), x.c(), x.h(), x.w(), 1, 1, 0, 0, 1, 1, x.c(), 1),
        in);
  }

  /** A fully connected layer over the flattened input. */
  String fc(String name, @Nullable String in, int outputs) {
    Shape x = shapeOf(in);
    return add(Layer.fc(name, x.h() * x.w() * x.c(), outputs), in);
  }

  /**
   * The element-wise sum of {@code inputs} (equal shapes; a name given twice is read once).
   *
   * @throws IllegalArgumentException when the shapes differ
   */
  String sum(String name, List<String> inputs) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(inputs));
    Shape x = shapeOf(distinct.get(0));
    for (String in : distinct) {
      if (!shapeOf(in).equals(x)) {
        throw new IllegalArgumentException(
            name + ": inputs differ in shape: " + x + " and " + shapeOf(in));
      }
    }
    Layer l =
        new Layer(
            name, LayerKind.ADD, x.h(), x.w(), x.c(), 1, 1, 1, 1, 0, 0, x.h(), x.w(), x.c(), 1);
    b.add(l, distinct);
    shapes.put(name, x);
    return name;
  }

  /**
   * The element-wise product of {@code inputs} (squeeze-excitation, gating): the largest input's
   * shape; every other input's size divides it (broadcast).
   *
   * @throws IllegalArgumentException when an input does not broadcast
   */
  String product(String name, List<String> inputs) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(inputs));
    Shape x = shapeOf(distinct.get(0));
    for (String in : distinct) {
      if (words(shapeOf(in)) > words(x)) {
        x = shapeOf(in);
      }
    }
    for (String in : distinct) {
      if (words(x) % words(shapeOf(in)) != 0) {
        throw new IllegalArgumentException(
            name + ": inputs do not broadcast: " + x + " and " + shapeOf(in));
      }
    }
    return many(
        new Layer(
            name, LayerKind.MUL, x.h(), x.w(), x.c(), 1, 1, 1, 1, 0, 0, x.h(), x.w(), x.c(), 1),
        distinct);
  }

  /**
   * The channel concatenation of {@code inputs} (equal height and width).
   *
   * @throws IllegalArgumentException when heights or widths differ
   */
  String concat(String name, List<String> inputs) {
    Shape x = shapeOf(inputs.get(0));
    long c = 0;
    for (String in : inputs) {
      Shape s = shapeOf(in);
      if (s.h() != x.h() || s.w() != x.w()) {
        throw new IllegalArgumentException(
            name + ": inputs differ in height or width: " + x + " and " + s);
      }
      c += s.c();
    }
    return many(
        new Layer(
            name,
            LayerKind.CONCAT,
            x.h(),
            x.w(),
            x.c(),
            1,
            1,
            1,
            1,
            0,
            0,
            x.h(),
            x.w(),
            Math.toIntExact(c),
            1),
        new ArrayList<>(new LinkedHashSet<>(inputs)));
  }

  private String many(Layer l, List<String> inputs) {
    List<String> named = new ArrayList<>(inputs);
    named.removeIf(java.util.Objects::isNull); // null: the network input
    b.add(l, named);
    shapes.put(l.name(), new Shape(l.outH(), l.outW(), l.outC()));
    return l.name();
  }

  private static long words(Shape s) {
    return (long) s.h() * s.w() * s.c();
  }

  /** The network. */
  Network build() {
    return b.build();
  }

  private String add(Layer l, @Nullable String in) {
    b.add(l, in == null ? List.of() : List.of(in));
    shapes.put(l.name(), new Shape(l.outH(), l.outW(), l.outC()));
    return l.name();
  }
}
