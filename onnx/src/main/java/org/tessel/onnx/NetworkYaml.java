package org.tessel.onnx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tessel.onnx.map.Emitted;
import org.tessel.onnx.map.Importer;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;

/**
 * Writes an imported model as a Tessel network file (docs/network-format.md) that reads back to the
 * same layers: every layer with the ONNX node's name, its inputs named, its window written out in
 * full, and an {@code input} shape wherever a free reshape, slice or transpose sits between it and
 * the layer it reads.
 */
public final class NetworkYaml {
  private NetworkYaml() {}

  /**
   * The network file's text.
   *
   * @param source the ONNX file's name, for the header comment
   * @throws ConfigException for a layer the format cannot state (unequal dilations)
   */
  public static String write(Importer.Result r, String source) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Converted by 'tessel convert' from ").append(source).append(".\n");
    sb.append("# One layer per ONNX node that Tessel models, named after the node; reshapes,\n");
    sb.append(
        "# activations and batch normalisation after a convolution cost nothing and are"
            + " left out.\n");
    for (String s : r.skipped()) {
      sb.append("# skipped: ").append(s).append('\n');
    }
    sb.append("name: ").append(quote(r.network().name())).append('\n');
    int[] in = r.input();
    sb.append("input: ").append(shape(in)).append('\n');
    sb.append("layers:\n");
    Map<String, int[]> outs = new HashMap<>();
    for (Emitted e : r.layers()) {
      Layer l = e.layer();
      sb.append("  - {name: ").append(quote(l.name())).append(", type: ").append(type(e));
      sb.append(", inputs: [");
      List<String> ins = e.sources();
      for (int i = 0; i < ins.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(ins.get(i).isEmpty() ? "$input" : quote(ins.get(i)));
      }
      sb.append(']');
      boolean differs = false;
      for (int i = 0; i < Math.max(1, ins.size()); i++) {
        int[] from = ins.isEmpty() || ins.get(i).isEmpty() ? in : outs.get(ins.get(i));
        if (from == null) {
          throw new IllegalStateException("layer input " + ins.get(i) + " not emitted before");
        }
        int[] v = e.views().get(i);
        differs |=
            l.kind() == LayerKind.FC ? words(from) != words(v) : !java.util.Arrays.equals(from, v);
      }
      int[] view = e.view();
      if (differs && l.kind() != LayerKind.GEMM && l.kind() != LayerKind.MATMUL) {
        if (e.views().size() == 1) {
          sb.append(", input: ").append(shape(view));
        } else {
          sb.append(", input: [");
          for (int i = 0; i < e.views().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(shape(e.views().get(i)));
          }
          sb.append(']');
        }
      }
      fields(sb, e);
      sb.append("}  # ").append(e.op()).append('\n');
      outs.put(l.name(), new int[] {l.outH(), l.outW(), l.outC()});
    }
    return sb.toString();
  }

  private static String type(Emitted e) {
    Layer l = e.layer();
    return switch (l.kind()) {
      case AVGPOOL -> global(l) ? "globalavgpool" : "avgpool";
      default -> l.kind().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static boolean global(Layer l) {
    return l.kernelH() == l.inH()
        && l.kernelW() == l.inW()
        && l.strideH() == 1
        && l.strideW() == 1
        && l.padH() == 0
        && l.padW() == 0
        && l.outH() == 1
        && l.outW() == 1;
  }

  private static void fields(StringBuilder sb, Emitted e) {
    Layer l = e.layer();
    switch (l.kind()) {
      case CONV -> {
        sb.append(", filters: ").append(l.outC());
        window(sb, e, Math.max(1, e.dilation()));
        sb.append(", groups: ").append(l.groups());
        if (e.dilation() != 1) {
          if (e.dilation() < 1) {
            throw new ConfigException(
                l.name(),
                0,
                "dilation",
                "a network file states one" + " dilation for both axes; this convolution's differ");
          }
          sb.append(", dilation: ").append(e.dilation());
        }
      }
      case MAXPOOL, AVGPOOL -> {
        if (!(l.kind() == LayerKind.AVGPOOL && global(l))) {
          window(sb, e, 1);
        }
      }
      case FC -> sb.append(", outputs: ").append(l.outC());
      case GEMM ->
          sb.append(", m: ")
              .append(l.inH())
              .append(", n: ")
              .append(l.outC())
              .append(", k: ")
              .append(l.inW());
      case MATMUL ->
          sb.append(", m: ")
              .append(l.inH())
              .append(", n: ")
              .append(l.outC() / l.groups())
              .append(", k: ")
              .append(l.inW())
              .append(", heads: ")
              .append(l.groups());
      default -> {}
    }
  }

  private static void window(StringBuilder sb, Emitted e, int dilation) {
    Layer l = e.layer();
    sb.append(", kernelH: ").append(l.kernelH()).append(", kernelW: ").append(l.kernelW());
    sb.append(", strideH: ").append(l.strideH()).append(", strideW: ").append(l.strideW());
    int bottom =
        endPad(
            l.inH(),
            l.kernelH(),
            l.strideH(),
            dilation,
            l.padH(),
            l.outH(),
            e.padBottom(),
            l.name());
    int right =
        endPad(
            l.inW(),
            l.kernelW(),
            l.strideW(),
            dilation,
            l.padW(),
            l.outW(),
            e.padRight(),
            l.name());
    sb.append(", pads: [")
        .append(l.padH())
        .append(", ")
        .append(l.padW())
        .append(", ")
        .append(bottom)
        .append(", ")
        .append(right)
        .append(']');
  }

  /**
   * The end padding that gives {@code out} under the file format's floor rule: the node's own when
   * it does (always, but for ceil_mode pools and SAME padding, whose rounding it absorbs).
   */
  private static int endPad(
      int in, int k, int s, int d, int begin, int out, int actual, String name) {
    long lo = (long) (out - 1) * s + (long) d * (k - 1) + 1 - in - begin;
    long hi = lo + s - 1;
    long p = actual >= lo && actual <= hi ? actual : Math.max(0, lo);
    if (p > hi || p > Integer.MAX_VALUE) {
      throw new ConfigException(name, 0, "pads", "no end padding gives output size " + out);
    }
    return (int) p;
  }

  private static long words(int[] s) {
    return (long) s[0] * s[1] * s[2];
  }

  private static String shape(int[] s) {
    return "{height: " + s[0] + ", width: " + s[1] + ", channels: " + s[2] + "}";
  }

  /** A double-quoted YAML scalar. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
