package org.tessel.cli.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessel.sim.config.ConfigException;

/** Reads the result file JMH writes with {@code -rf json} (with Jackson's tree model). */
public final class JmhResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JmhResults() {}

  /**
   * The results in the file's order.
   *
   * @param json the file's text
   * @param file the file's name, for messages
   * @throws ConfigException when the text is not a JMH JSON result array
   */
  public static List<JmhResult> parse(String json, String file) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          file,
          0,
          "",
          "JSON at offset " + e.getLocation().getCharOffset() + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isArray()) {
      throw new ConfigException(file, 0, "", "expected a JSON array of JMH results");
    }
    List<JmhResult> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      String where = "result " + (i + 1);
      JsonNode row = object(root.get(i), file, where);
      Map<String, String> params = new LinkedHashMap<>();
      JsonNode p = row.get("params");
      if (p != null) {
        for (Map.Entry<String, JsonNode> e : object(p, file, where + " params").properties()) {
          params.put(e.getKey(), e.getValue().asText());
        }
      }
      Map<String, Metric> secondary = new LinkedHashMap<>();
      JsonNode s = row.get("secondaryMetrics");
      if (s != null) {
        for (Map.Entry<String, JsonNode> e :
            object(s, file, where + " secondaryMetrics").properties()) {
          secondary.put(e.getKey(), metric(e.getValue(), file, where + " " + e.getKey()));
        }
      }
      out.add(
          new JmhResult(
              string(row, "benchmark", file, where),
              string(row, "mode", file, where),
              (int) number(row, "threads", file, where),
              (int) number(row, "forks", file, where),
              params,
              metric(row.get("primaryMetric"), file, where + " primaryMetric"),
              secondary));
    }
    return out;
  }

  private static Metric metric(JsonNode o, String file, String where) {
    JsonNode m = object(o, file, where);
    int count = 0;
    JsonNode forks = m.get("rawData");
    if (forks != null && forks.isArray()) {
      for (JsonNode f : forks) {
        if (f.isArray()) {
          count += f.size();
        }
      }
    }
    return new Metric(
        number(m, "score", file, where),
        number(m, "scoreError", file, where),
        string(m, "scoreUnit", file, where),
        count);
  }

  private static JsonNode object(JsonNode o, String file, String where) {
    if (o == null || !o.isObject()) {
      throw new ConfigException(file, 0, where, "expected a JSON object");
    }
    return o;
  }

  private static String string(JsonNode m, String key, String file, String where) {
    JsonNode v = m.get(key);
    if (v == null || !v.isTextual()) {
      throw new ConfigException(file, 0, where, "'" + key + "': expected a string");
    }
    return v.textValue();
  }

  /** A number; JMH writes NaN and the infinities as strings. */
  private static double number(JsonNode m, String key, String file, String where) {
    JsonNode v = m.get(key);
    if (v != null && v.isNumber()) {
      return v.doubleValue();
    }
    if (v != null && v.isTextual()) {
      switch (v.textValue()) {
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
    throw new ConfigException(
        file,
        0,
        where,
        "'"
            + key
            + "': expected a number, was "
            + (v != null && v.isTextual() ? v.textValue() : String.valueOf(v)));
  }
}
