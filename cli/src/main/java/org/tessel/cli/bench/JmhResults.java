package org.tessel.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessel.sim.config.ConfigException;

/** Reads the result file JMH writes with {@code -rf json}. */
public final class JmhResults {
  private JmhResults() {}

  /**
   * The results in the file's order.
   *
   * @param json the file's text
   * @param file the file's name, for messages
   * @throws ConfigException when the text is not a JMH JSON result array
   */
  public static List<JmhResult> parse(String json, String file) {
    Object root;
    try {
      root = JsonReader.parse(json);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file, 0, "", e.getMessage());
    }
    if (!(root instanceof List<?> rows)) {
      throw new ConfigException(file, 0, "", "expected a JSON array of JMH results");
    }
    List<JmhResult> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String where = "result " + (i + 1);
      Map<?, ?> row = map(rows.get(i), file, where);
      Map<String, String> params = new LinkedHashMap<>();
      Object p = row.get("params");
      if (p != null) {
        for (Map.Entry<?, ?> e : map(p, file, where + " params").entrySet()) {
          params.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        }
      }
      Map<String, Metric> secondary = new LinkedHashMap<>();
      Object s = row.get("secondaryMetrics");
      if (s != null) {
        for (Map.Entry<?, ?> e : map(s, file, where + " secondaryMetrics").entrySet()) {
          String name = String.valueOf(e.getKey());
          secondary.put(name, metric(e.getValue(), file, where + " " + name));
        }
      }
      out.add(new JmhResult(string(row, "benchmark", file, where),
          string(row, "mode", file, where), (int) number(row, "threads", file, where),
          (int) number(row, "forks", file, where), params,
          metric(row.get("primaryMetric"), file, where + " primaryMetric"), secondary));
    }
    return out;
  }

  private static Metric metric(Object o, String file, String where) {
    Map<?, ?> m = map(o, file, where);
    int count = 0;
    if (m.get("rawData") instanceof List<?> forks) {
      for (Object f : forks) {
        if (f instanceof List<?> iterations) {
          count += iterations.size();
        }
      }
    }
    return new Metric(number(m, "score", file, where), number(m, "scoreError", file, where),
        string(m, "scoreUnit", file, where), count);
  }

  private static Map<?, ?> map(Object o, String file, String where) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new ConfigException(file, 0, where, "expected a JSON object");
    }
    return m;
  }

  private static String string(Map<?, ?> m, String key, String file, String where) {
    if (!(m.get(key) instanceof String s)) {
      throw new ConfigException(file, 0, where, "'" + key + "': expected a string");
    }
    return s;
  }

  /** A number; JMH writes NaN and the infinities as strings. */
  private static double number(Map<?, ?> m, String key, String file, String where) {
    Object v = m.get(key);
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof String s) {
      switch (s) {
        case "NaN" -> {
          return Double.NaN;
        }
        case "Infinity" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-Infinity" -> {
          return Double.NEGATIVE_INFINITY;
        }
        default -> {}
      }
    }
    throw new ConfigException(file, 0, where, "'" + key + "': expected a number, was " + v);
  }
}
