package org.tessel.sim.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Yaml;
import org.tessel.sim.limits.Limits;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;
import org.tessel.sim.workload.Network;

/**
 * Reads Tessel network files (YAML): an input shape and a list of layers, each reading the previous
 * layer unless it names its {@code inputs}. Output shapes are inferred. The format is documented in
 * {@code docs/network-format.md}.
 */
public final class NetworkReader {
  private static final Set<String> TOP = Set.of("name", "input", "layers");
  private static final Set<String> TYPES =
      Set.of(
          "conv",
          "dwconv",
          "fc",
          "gemm",
          "maxpool",
          "avgpool",
          "globalavgpool",
          "add",
          "concat",
          "mul",
          "matmul");
  private static final Set<String> LAYER_KEYS =
      Set.of(
          "name",
          "type",
          "inputs",
          "input",
          "filters",
          "kernel",
          "kernelH",
          "kernelW",
          "stride",
          "strideH",
          "strideW",
          "pad",
          "pads",
          "dilation",
          "groups",
          "outputs",
          "m",
          "n",
          "k",
          "heads");

  /** In {@code inputs}, the network's input read beside layers (an element-wise layer's). */
  public static final String NETWORK_INPUT = "$input";

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
      input =
          new Shape(in.positiveInt("height"), in.positiveInt("width"), in.positiveInt("channels"));
    }
    Network.Builder b = Network.builder(name);
    java.util.Map<String, Shape> shapes = new java.util.HashMap<>();
    String previous = null;
    List<Yaml.Obj> items = root.objects("layers");
    if (items.isEmpty()) {
      throw root.error("layers", "the network has no layers");
    }
    if (items.size() > Limits.MAX_LAYERS) {
      throw root.error(
          "layers", items.size() + " layers, more than the limit of " + Limits.MAX_LAYERS);
    }
    for (Yaml.Obj o : items) {
      o.allowOnly(LAYER_KEYS);
      String lname = o.string("name");
      if (lname.startsWith("$")) {
        throw o.error(
            "name",
            "a layer name may not start with '$' ('"
                + NETWORK_INPUT
                + "' names the network input)");
      }
      if (b.contains(lname)) {
        throw o.error("name", "duplicate layer name '" + lname + "'");
      }
      String type = o.optionalChoice("type", TYPES);
      if (type == null) {
        throw o.error(
            "type",
            "missing (required): one of " + String.join("|", new java.util.TreeSet<>(TYPES)));
      }
      List<String> inputs =
          o.has("inputs") ? o.strings("inputs") : previous == null ? List.of() : List.of(previous);
      List<Shape> inShapes = new ArrayList<>();
      List<String> layerInputs = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        Shape s = inputs.get(i).equals(NETWORK_INPUT) ? input : shapes.get(inputs.get(i));
        if (s == null) {
          throw o.itemError(
              "inputs",
              i,
              inputs.get(i).equals(NETWORK_INPUT)
                  ? "the file gives no 'input' shape"
                  : "'" + inputs.get(i) + "' is not a layer defined above");
        }
        inShapes.add(s);
        if (!inputs.get(i).equals(NETWORK_INPUT)) {
          layerInputs.add(inputs.get(i));
        }
      }
      @Nullable Shape x; // null for gemm and matmul, which take no shape from their inputs
      if (!type.equals("gemm") && !type.equals("matmul")) {
        List<Shape> views = o.has("input") ? views(o) : List.of();
        if (views.size() > 1) {
          if (views.size() != inShapes.size()) {
            throw o.error("input", views.size() + " shapes for " + inShapes.size() + " inputs");
          }
          for (int i = 1; i < views.size(); i++) {
            inShapes.set(i, views.get(i));
          }
        }
        if (!views.isEmpty()) {
          x = views.get(0);
        } else if (inShapes.isEmpty()) {
          if (input == null) {
            throw o.error("inputs", "the first layer needs the network's 'input' shape");
          }
          x = input;
        } else {
          x = inShapes.get(0);
        }
        boolean many = type.equals("add") || type.equals("concat") || type.equals("mul");
        if (!many && inShapes.size() > 1) {
          throw o.error("inputs", "a " + type + " layer reads one input, found " + inShapes.size());
        }
        if (!inShapes.isEmpty()) {
          inShapes.set(0, x);
        }
      } else {
        if (inShapes.size() > 2) {
          throw o.error(
              "inputs", "a " + type + " layer reads at most two inputs, found " + inShapes.size());
        }
        x = null;
      }
      Layer layer;
      try {
        layer = x == null ? matrix(o, lname, type) : build(o, lname, type, x, inShapes);
      } catch (IllegalArgumentException e) {
        throw o.error("name", ConfigException.messageOf(e));
      }
      b.add(layer, layerInputs);
      shapes.put(lname, new Shape(layer.outH(), layer.outW(), layer.outC()));
      previous = lname;
    }
    return b.build();
  }

  /** A {@code gemm} or {@code matmul} layer: its sizes are given, not read from its inputs. */
  private static Layer matrix(Yaml.Obj o, String name, String type) {
    if (type.equals("gemm")) {
      return Layer.gemm(name, o.positiveInt("m"), o.positiveInt("n"), o.positiveInt("k"));
    }
    return Layer.matmul(
        name,
        o.positiveInt("m"),
        o.positiveInt("n"),
        o.positiveInt("k"),
        o.positiveInt("heads", 1));
  }

  /** A layer of any other type, whose first input has the shape {@code x}. */
  private static Layer build(Yaml.Obj o, String name, String type, Shape x, List<Shape> ins) {
    switch (type) {
      case "conv", "dwconv" -> {
        int kh = o.has("kernel") ? o.positiveInt("kernel") : o.positiveInt("kernelH", 1);
        int kw = o.has("kernel") ? o.positiveInt("kernel") : o.positiveInt("kernelW", kh);
        int stride = o.positiveInt("stride", 1);
        int sh = o.positiveInt("strideH", stride);
        int sw = o.positiveInt("strideW", stride);
        int[] p = pads(o);
        int d = o.positiveInt("dilation", 1);
        int groups = type.equals("dwconv") ? x.c() : o.positiveInt("groups", 1);
        int filters =
            type.equals("dwconv") ? o.positiveInt("filters", x.c()) : o.positiveInt("filters");
        int outH = Math.floorDiv(x.h() + p[0] + p[2] - d * (kh - 1) - 1, sh) + 1;
        int outW = Math.floorDiv(x.w() + p[1] + p[3] - d * (kw - 1) - 1, sw) + 1;
        if (outH <= 0 || outW <= 0) {
          String key =
              o.has("kernel")
                  ? "kernel"
                  : outH <= 0 && o.has("kernelH")
                      ? "kernelH"
                      : o.has("kernelW") ? "kernelW" : "kernelH";
          throw o.error(
              key,
              "filter "
                  + kh
                  + "x"
                  + kw
                  + " is larger than its padded input "
                  + (x.h() + p[0] + p[2])
                  + "x"
                  + (x.w() + p[1] + p[3]));
        }
        if (x.c() % groups != 0) {
          throw o.error("groups", "groups " + groups + " must divide the input channels " + x.c());
        }
        if (filters % groups != 0) {
          throw o.error(
              o.has("groups") ? "groups" : "filters",
              "groups " + groups + " must divide the output channels (filters) " + filters);
        }
        return new Layer(
            name,
            LayerKind.CONV,
            x.h(),
            x.w(),
            x.c(),
            kh,
            kw,
            sh,
            sw,
            p[0],
            p[1],
            outH,
            outW,
            filters,
            groups);
      }
      case "fc" -> {
        long features = (long) x.h() * x.w() * x.c();
        if (features > Integer.MAX_VALUE) {
          throw o.error(
              "type",
              "fc input "
                  + x.h()
                  + "x"
                  + x.w()
                  + "x"
                  + x.c()
                  + " = "
                  + features
                  + " features, more than "
                  + Integer.MAX_VALUE);
        }
        return Layer.fc(name, (int) features, o.positiveInt("outputs"));
      }
      case "maxpool", "avgpool" -> {
        int kh =
            o.has("kernel") || !o.has("kernelH")
                ? o.positiveInt("kernel")
                : o.positiveInt("kernelH");
        int kw = o.has("kernel") ? kh : o.positiveInt("kernelW", kh);
        int stride = o.positiveInt("stride", kh == kw ? kh : 1);
        int sh = o.positiveInt("strideH", o.has("stride") ? stride : kh);
        int sw = o.positiveInt("strideW", o.has("stride") ? stride : kw);
        int[] p = pads(o);
        int outH = Math.floorDiv(x.h() + p[0] + p[2] - kh, sh) + 1;
        int outW = Math.floorDiv(x.w() + p[1] + p[3] - kw, sw) + 1;
        if (outH <= 0 || outW <= 0) {
          throw o.error(
              o.has("kernel") ? "kernel" : "kernelH",
              "window "
                  + (kh == kw ? "" + kh : kh + "x" + kw)
                  + " is larger than its padded input "
                  + (x.h() + p[0] + p[2])
                  + "x"
                  + (x.w() + p[1] + p[3]));
        }
        LayerKind kind = type.equals("maxpool") ? LayerKind.MAXPOOL : LayerKind.AVGPOOL;
        return new Layer(
            name, kind, x.h(), x.w(), x.c(), kh, kw, sh, sw, p[0], p[1], outH, outW, x.c(), 1);
      }
      case "globalavgpool" -> {
        return new Layer(
            name, LayerKind.AVGPOOL, x.h(), x.w(), x.c(), x.h(), x.w(), 1, 1, 0, 0, 1, 1, x.c(), 1);
      }
      case "add" -> {
        if (ins.size() < 2) {
          throw o.error("inputs", "an add layer needs at least two inputs");
        }
        for (Shape s : ins) {
          if (!s.equals(x)) {
            throw o.error(
                "inputs",
                "inputs differ in shape: "
                    + x.h()
                    + "x"
                    + x.w()
                    + "x"
                    + x.c()
                    + " and "
                    + s.h()
                    + "x"
                    + s.w()
                    + "x"
                    + s.c());
          }
        }
        return new Layer(
            name, LayerKind.ADD, x.h(), x.w(), x.c(), 1, 1, 1, 1, 0, 0, x.h(), x.w(), x.c(), 1);
      }
      case "mul" -> {
        Shape big = x;
        for (Shape s : ins) {
          if (words(s) > words(big)) {
            big = s;
          }
        }
        for (Shape s : ins) {
          if (words(big) % words(s) != 0) {
            throw o.error("inputs", "inputs do not broadcast: " + text(big) + " and " + text(s));
          }
        }
        return new Layer(
            name,
            LayerKind.MUL,
            big.h(),
            big.w(),
            big.c(),
            1,
            1,
            1,
            1,
            0,
            0,
            big.h(),
            big.w(),
            big.c(),
            1);
      }
      case "concat" -> {
        if (ins.size() < 2) {
          throw o.error("inputs", "a concat layer needs at least two inputs");
        }
        Shape out = concat(ins);
        if (out == null) {
          throw o.error(
              "inputs",
              "inputs must agree in all but one of height, width and"
                  + " channels: "
                  + text(ins.get(0))
                  + " and "
                  + text(ins.get(1)));
        }
        return new Layer(
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
            out.h(),
            out.w(),
            out.c(),
            1);
      }
      default -> throw o.error("type", "unknown type '" + type + "'");
    }
  }

  /**
   * The shapes a layer reads its inputs as ({@code input: {height, width, channels}} for the first,
   * or a list with one per input): a reshape, transpose or slice between layers.
   */
  private static List<Shape> views(Yaml.Obj o) {
    List<Shape> out = new ArrayList<>();
    for (Yaml.Obj v : o.objectOrObjects("input")) {
      v.allowOnly(Set.of("height", "width", "channels"));
      out.add(
          new Shape(v.positiveInt("height"), v.positiveInt("width"), v.positiveInt("channels")));
    }
    return out;
  }

  /** {@code pads: [top, left, bottom, right]}, or {@code pad} on every side (default 0). */
  private static int[] pads(Yaml.Obj o) {
    if (!o.has("pads")) {
      int pad = o.nonNegativeInt("pad", 0);
      return new int[] {pad, pad, pad, pad};
    }
    if (o.has("pad")) {
      throw o.error("pads", "give either pad or pads, not both");
    }
    List<String> items = o.strings("pads");
    if (items.size() != 4) {
      throw o.error(
          "pads", "expected [top, left, bottom, right], found " + items.size() + " values");
    }
    int[] p = new int[4];
    for (int i = 0; i < 4; i++) {
      try {
        p[i] = Integer.parseInt(items.get(i));
      } catch (NumberFormatException e) {
        throw o.itemError("pads", i, "expected a whole number, was '" + items.get(i) + "'");
      }
      if (p[i] < 0) {
        throw o.itemError("pads", i, "must be >= 0, was " + p[i]);
      }
    }
    return p;
  }

  /**
   * The concatenation of {@code ins} along the one of channels, height or width in which they
   * differ (channels when they agree in all three), or null when they differ in more than one.
   */
  private static @Nullable Shape concat(List<Shape> ins) {
    Shape a = ins.get(0);
    boolean hw = true;
    boolean wc = true;
    boolean hc = true;
    long c = 0;
    long h = 0;
    long w = 0;
    for (Shape s : ins) {
      hw &= s.h() == a.h() && s.w() == a.w();
      wc &= s.w() == a.w() && s.c() == a.c();
      hc &= s.h() == a.h() && s.c() == a.c();
      c += s.c();
      h += s.h();
      w += s.w();
    }
    if (hw && c <= Integer.MAX_VALUE) {
      return new Shape(a.h(), a.w(), (int) c);
    }
    if (wc && h <= Integer.MAX_VALUE) {
      return new Shape((int) h, a.w(), a.c());
    }
    if (hc && w <= Integer.MAX_VALUE) {
      return new Shape(a.h(), (int) w, a.c());
    }
    return null;
  }

  private static long words(Shape s) {
    return (long) s.h() * s.w() * s.c();
  }

  private static String text(Shape s) {
    return s.h() + "x" + s.w() + "x" + s.c();
  }
}
