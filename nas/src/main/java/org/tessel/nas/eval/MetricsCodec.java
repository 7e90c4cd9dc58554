package org.tessel.nas.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@link Metrics} as one line of text for the {@link EvaluationLog}: fields separated by {@code ;},
 * doubles in Java's shortest exact form, the per-dataflow latencies as {@code os:1.5,ws:NaN}, the
 * error last (tabs, newlines and semicolons in it become spaces).
 */
public final class MetricsCodec {
  private static final String VERSION = "m1";

  private MetricsCodec() {}

  /** {@code m} as one line (no tabs or newlines). */
  public static String encode(Metrics m) {
    StringBuilder fixed = new StringBuilder();
    for (Map.Entry<String, Double> e : m.fixedLatencyMs().entrySet()) {
      fixed
          .append(fixed.length() == 0 ? "" : ",")
          .append(e.getKey())
          .append(':')
          .append(e.getValue());
    }
    return String.join(
        ";",
        VERSION,
        Long.toString(m.cycles()),
        Double.toString(m.latencyMs()),
        Double.toString(m.energyPj()),
        Integer.toString(m.reconfigurations()),
        Integer.toString(m.dataflowSwitches()),
        Double.toString(m.maladaptation()),
        Integer.toString(m.maladaptiveLayers()),
        m.dominantDataflow(),
        Long.toString(m.macs()),
        Long.toString(m.params()),
        fixed.toString(),
        m.error().replaceAll("[\t\r\n;]", " "));
  }

  /** The metrics in {@code text}, or null when it is not a record of this version. */
  public static @Nullable Metrics decode(String text) {
    String[] f = text.split(";", -1);
    if (f.length != 13 || !f[0].equals(VERSION)) {
      return null;
    }
    try {
      Map<String, Double> fixed = new LinkedHashMap<>();
      if (!f[11].isEmpty()) {
        for (String kv : f[11].split(",", -1)) {
          int c = kv.indexOf(':');
          fixed.put(kv.substring(0, c), Double.parseDouble(kv.substring(c + 1)));
        }
      }
      return new Metrics(
          Long.parseLong(f[1]),
          Double.parseDouble(f[2]),
          Double.parseDouble(f[3]),
          Integer.parseInt(f[4]),
          Integer.parseInt(f[5]),
          Double.parseDouble(f[6]),
          Integer.parseInt(f[7]),
          f[8],
          Long.parseLong(f[9]),
          Long.parseLong(f[10]),
          fixed,
          f[12]);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
