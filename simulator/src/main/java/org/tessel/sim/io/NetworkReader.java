package org.tessel.sim.io;

import org.tessel.sim.config.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tessel.sim.limits.Limits;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;
import org.tessel.sim.workload.Network;

/**
 * Reads Tessel network files (YAML): an input shape and a list of layers, each reading the
 * previous layer unless it names its {@code inputs}. Output shapes are inferred. The format is
 * documented in {@code docs/network-format.md}.
 */
public final class NetworkReader {
  private static final Set<String> TOP = Set.of("name", "input", "layers");
  private static final Set<String> TYPES = Set.of("conv", "dwconv", "fc", "gemm", "maxpool",
      "avgpool", "globalavgpool", "add");
  private static final Set<String> LAYER_KEYS = Set.of("name", "type", "inputs", "filters",
      "kernel", "kernelH", "kernelW", "stride", "pad", "groups", "outputs", "m", "n", "k");

  private NetworkReader() {}

  /** Reads a network file. */
  public static Network read(Path path) {
    return parse(Yaml.load(path));
  }

  /** The shape a layer produces: height, width, channels. */
  private record Shape(int h, int w, int c) {}

  static Network parse(Yaml.Obj root) {
    root.allowOnly(TOP);
    String name = root.string("name");
    Shape input = null;
    if (root.has("input")) {
      Yaml.Obj in = root.obj("input");
      in.allowOnly(Set.of("height", "width", "channels"));
      input = new Shape(in.positiveInt("height"), in.positiveInt("width"),
          in.positiveInt("channels"));
    }
    Network.Builder b = Network.builder(name);
    java.util.Map<String, Shape> shapes = new java.util.HashMap<>();
    String previous = null;
    List<Yaml.Obj> items = root.objects("layers");
    if (items.isEmpty()) {
      throw root.error("layers", "the network has no layers");
    }
    if (items.size() > Limits.MAX_LAYERS) {
      throw root.error("layers", items.size() + " layers, more than the limit of "
          + Limits.MAX_LAYERS);
    }
    for (Yaml.Obj o : items) {
      o.allowOnly(LAYER_KEYS);
      String lname = o.string("name");
      if (b.contains(lname)) {
        throw o.error("name", "duplicate layer name '" + lname + "'");
      }
      String type = o.choice("type", null, TYPES);
      if (type == null) {
        throw o.error("type", "missing (required): one of " + String.join("|", new java.util.TreeSet<>(TYPES)));
      }
      List<String> inputs = o.has("inputs") ? o.strings("inputs")
          : previous == null ? List.of() : List.of(previous);
      List<Shape> inShapes = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        Shape s = shapes.get(inputs.get(i));
        if (s == null) {
          throw o.itemError("inputs", i, "'" + inputs.get(i) + "' is not a layer defined above");
        }
        inShapes.add(s);
      }
      Shape x;
      if (!type.equals("gemm")) {
        if (inShapes.isEmpty()) {
          if (input == null) {
            throw o.error("inputs", "the first layer needs the network's 'input' shape");
          }
          x = input;
        } else {
          x = inShapes.get(0);
        }
        if (!type.equals("add") && inShapes.size() > 1) {
          throw o.error("inputs", "a " + type + " layer reads one input, found "
              + inShapes.size());
        }
      } else {
        x = null;
      }
      Layer layer;
      try {
        layer = build(o, lname, type, x, inShapes);
      } catch (IllegalArgumentException e) {
        throw o.error("name", e.getMessage());
      }
      b.add(layer, inputs);
      shapes.put(lname, new Shape(layer.outH(), layer.outW(), layer.outC()));
      previous = lname;
    }
    return b.build();
  }

  private static Layer build(Yaml.Obj o, String name, String type, Shape x, List<Shape> ins) {
    switch (type) {
      case "conv":
      case "dwconv": {
        int kh = o.has("kernel") ? o.positiveInt("kernel") : o.positiveInt("kernelH", 1);
        int kw = o.has("kernel") ? o.positiveInt("kernel") : o.positiveInt("kernelW", kh);
        int stride = o.positiveInt("stride", 1);
        int pad = o.nonNegativeInt("pad", 0);
        int groups = type.equals("dwconv") ? x.c() : o.positiveInt("groups", 1);
        int filters = type.equals("dwconv") ? o.positiveInt("filters", x.c())
            : o.positiveInt("filters");
        int outH = Math.floorDiv(x.h() + 2 * pad - kh, stride) + 1;
        int outW = Math.floorDiv(x.w() + 2 * pad - kw, stride) + 1;
        if (outH <= 0 || outW <= 0) {
          String key = o.has("kernel") ? "kernel"
              : outH <= 0 && o.has("kernelH") ? "kernelH"
              : o.has("kernelW") ? "kernelW" : "kernelH";
          throw o.error(key, "filter " + kh + "x" + kw + " is larger than its padded input "
              + (x.h() + 2 * pad) + "x" + (x.w() + 2 * pad));
        }
        if (x.c() % groups != 0) {
          throw o.error("groups", "groups " + groups + " must divide the input channels "
              + x.c());
        }
        if (filters % groups != 0) {
          throw o.error(o.has("groups") ? "groups" : "filters", "groups " + groups
              + " must divide the output channels (filters) " + filters);
        }
        return new Layer(name, LayerKind.CONV, x.h(), x.w(), x.c(), kh, kw, stride, stride, pad,
            pad, outH, outW, filters, groups);
      }
      case "fc": {
        long features = (long) x.h() * x.w() * x.c();
        if (features > Integer.MAX_VALUE) {
          throw o.error("type", "fc input " + x.h() + "x" + x.w() + "x" + x.c() + " = " + features
              + " features, more than " + Integer.MAX_VALUE);
        }
        return Layer.fc(name, (int) features, o.positiveInt("outputs"));
      }
      case "gemm":
        return Layer.gemm(name, o.positiveInt("m"), o.positiveInt("n"), o.positiveInt("k"));
      case "maxpool":
      case "avgpool": {
        int k = o.positiveInt("kernel");
        int stride = o.positiveInt("stride", k);
        int pad = o.nonNegativeInt("pad", 0);
        int outH = Math.floorDiv(x.h() + 2 * pad - k, stride) + 1;
        int outW = Math.floorDiv(x.w() + 2 * pad - k, stride) + 1;
        if (outH <= 0 || outW <= 0) {
          throw o.error("kernel", "window " + k + " is larger than its padded input "
              + (x.h() + 2 * pad) + "x" + (x.w() + 2 * pad));
        }
        LayerKind kind = type.equals("maxpool") ? LayerKind.MAXPOOL : LayerKind.AVGPOOL;
        return new Layer(name, kind, x.h(), x.w(), x.c(), k, k, stride, stride, pad, pad, outH,
            outW, x.c(), 1);
      }
      case "globalavgpool":
        return new Layer(name, LayerKind.AVGPOOL, x.h(), x.w(), x.c(), x.h(), x.w(), 1, 1, 0, 0,
            1, 1, x.c(), 1);
      case "add": {
        if (ins.size() < 2) {
          throw o.error("inputs", "an add layer needs at least two inputs");
        }
        for (Shape s : ins) {
          if (!s.equals(x)) {
            throw o.error("inputs", "inputs differ in shape: " + x.h() + "x" + x.w() + "x"
                + x.c() + " and " + s.h() + "x" + s.w() + "x" + s.c());
          }
        }
        return new Layer(name, LayerKind.ADD, x.h(), x.w(), x.c(), 1, 1, 1, 1, 0, 0, x.h(),
            x.w(), x.c(), 1);
      }
      default:
        throw o.error("type", "unknown type '" + type + "'");
    }
  }
}
