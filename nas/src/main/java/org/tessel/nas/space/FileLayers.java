package org.tessel.nas.space;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.config.ConfigException;

/** Builds one layer of a {@link FileSpace} from its chosen fields, as NetworkReader does. */
final class FileLayers {
  static final Set<String> TYPES =
      Set.of("conv", "dwconv", "fc", "maxpool", "avgpool", "globalavgpool", "add", "concat", "mul");

  private FileLayers() {}

  static String build(NetBuilder b, String name, Map<String, String> f, List<String> in) {
    String type = f.get("type");
    if (type == null) {
      throw new IllegalArgumentException("layer " + name + ": type: missing");
    }
    boolean many = type.equals("add") || type.equals("concat") || type.equals("mul");
    if (!many && in.size() > 1) {
      throw new IllegalArgumentException(
          "layer " + name + ": a " + type + " layer reads one" + " input, found " + in.size());
    }
    @Nullable String x = in.isEmpty() ? null : in.get(0); // null: the network input
    NetBuilder.Shape s = b.shape(x);
    if (s == null) {
      throw new IllegalArgumentException(
          "layer " + name + ": input '" + x + "' is not a layer" + " defined above");
    }
    try {
      switch (type) {
        case "conv", "dwconv" -> {
          int k = num(f, "kernel", 1);
          int groups = type.equals("dwconv") ? s.c() : num(f, "groups", 1);
          int filters = type.equals("dwconv") ? num(f, "filters", s.c()) : num(f, "filters", -1);
          if (filters < 1) {
            throw new IllegalArgumentException("filters: missing (required for conv)");
          }
          int pad = "same".equals(f.get("pad")) ? k / 2 : num(f, "pad", 0);
          return b.conv(name, x, k, num(f, "stride", 1), pad, filters, groups);
        }
        case "fc" -> {
          return b.fc(name, x, num(f, "outputs", -1));
        }
        case "maxpool", "avgpool" -> {
          int k = num(f, "kernel", -1);
          int pad = "same".equals(f.get("pad")) ? k / 2 : num(f, "pad", 0);
          return type.equals("avgpool")
              ? b.avgPool(name, x, k, num(f, "stride", k), pad)
              : b.maxPool(name, x, k, num(f, "stride", k), pad);
        }
        case "globalavgpool" -> {
          return b.globalAvgPool(name, x);
        }
        case "mul" -> {
          return b.product(name, in.isEmpty() ? java.util.Collections.singletonList(null) : in);
        }
        case "concat" -> {
          if (in.size() < 2) {
            throw new IllegalArgumentException("a concat layer needs at least two inputs");
          }
          return b.concat(name, in);
        }
        default -> {
          if (in.size() < 2) {
            throw new IllegalArgumentException("an add layer needs at least two inputs");
          }
          return b.sum(name, in);
        }
      }
    } catch (IllegalArgumentException e) {
      String m = ConfigException.messageOf(e);
      throw new IllegalArgumentException(
          m.startsWith(name + ":") || m.startsWith("layer ") ? m : "layer " + name + ": " + m, e);
    }
  }

  private static int num(Map<String, String> f, String key, int fallback) {
    String v = f.get(key);
    if (v == null) {
      if (fallback < 0) {
        throw new IllegalArgumentException(key + ": missing (required)");
      }
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < (key.equals("pad") ? 0 : 1)) {
        throw new IllegalArgumentException(
            key + ": must be " + (key.equals("pad") ? ">= 0" : "> 0") + ", was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": expected a whole number, was '" + v + "'");
    }
  }
}
