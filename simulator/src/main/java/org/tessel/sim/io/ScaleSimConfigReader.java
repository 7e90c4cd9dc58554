package org.tessel.sim.io;

import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Suggest;
import org.tessel.sim.config.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.arch.DataflowKind;

/**
 * Reads a SCALE-Sim v2 {@code .cfg} file (INI: sections {@code [general]}, {@code
 * [architecture_presets]}, {@code [run_presets]}; {@code key: value} or {@code key = value}; keys
 * case-insensitive, as Python's configparser reads them). Unknown sections and keys are errors.
 */
public final class ScaleSimConfigReader {
  /** Known keys by section, in lower case; values are what SCALE-Sim v2 reads. */
  private static final Map<String, Set<String>> KNOWN = Map.of(
      "general", Set.of("run_name"),
      "architecture_presets", Set.of("arrayheight", "arraywidth", "ifmapsramszkb",
          "filtersramszkb", "ofmapsramszkb", "ifmapoffset", "filteroffset", "ofmapoffset",
          "bandwidth", "dataflow", "memorybanks"),
      "run_presets", Set.of("interfacebandwidth"));

  private static final List<String> REQUIRED = List.of("arrayheight", "arraywidth",
      "ifmapsramszkb", "filtersramszkb", "ofmapsramszkb", "dataflow");

  private ScaleSimConfigReader() {}

  /** True when {@code path} looks like an INI file (its first section header). */
  public static boolean looksLikeIni(Path path) {
    try {
      for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
          continue;
        }
        return t.startsWith("[");
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /**
   * Reads {@code path} into a hardware spec; the run name comes from {@code [general] run_name}.
   *
   * @throws ConfigException naming the file, line and key of the first mistake
   */
  public static HardwareSpec read(Path path) {
    String file = path.toString();
    List<String> lines = TextFiles.lines(path);
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    String section = null;
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      String t = lines.get(i).strip();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
        continue;
      }
      if (t.startsWith("[")) {
        if (!t.endsWith("]")) {
          throw new ConfigException(file, n, "", "section header must end with ']'");
        }
        section = t.substring(1, t.length() - 1).strip().toLowerCase(Locale.ROOT);
        if (!KNOWN.containsKey(section)) {
          throw new ConfigException(file, n, "[" + section + "]",
              "unknown section; expected one of [general], [architecture_presets], [run_presets]");
        }
        continue;
      }
      if (section == null) {
        throw new ConfigException(file, n, "", "a key before any [section]");
      }
      int eq = indexOfDelimiter(t);
      if (eq < 0) {
        throw new ConfigException(file, n, "", "expected 'key: value' or 'key = value'");
      }
      String key = t.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = t.substring(eq + 1).strip();
      Set<String> known = KNOWN.get(section);
      if (!known.contains(key)) {
        String hint = Suggest.closest(key, known);
        throw new ConfigException(file, n, t.substring(0, eq).strip(),
            "unknown key in [" + section + "]"
                + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                + "; expected one of " + String.join(", ", new TreeSet<>(known)));
      }
      if (values.containsKey(key)) {
        throw new ConfigException(file, n, key, "duplicate key (first on line "
            + lineOf.get(key) + ")");
      }
      values.put(key, value);
      lineOf.put(key, n);
    }
    for (String k : REQUIRED) {
      if (!values.containsKey(k)) {
        throw new ConfigException(file, 0, k, "missing (required in [architecture_presets])");
      }
    }
    Field f = new Field(file, values, lineOf);
    int rows = f.positiveInt("arrayheight", "ArrayHeight");
    int cols = f.positiveInt("arraywidth", "ArrayWidth");
    long ifmapKiB = f.positiveInt("ifmapsramszkb", "IfmapSramSzkB");
    long filterKiB = f.positiveInt("filtersramszkb", "FilterSramSzkB");
    long ofmapKiB = f.positiveInt("ofmapsramszkb", "OfmapSramSzkB");
    int banks = values.containsKey("memorybanks") ? f.positiveInt("memorybanks", "MemoryBanks")
        : 1;
    for (String k : List.of("ifmapoffset", "filteroffset", "ofmapoffset")) {
      if (values.containsKey(k)) {
        f.nonNegativeLong(k, k);
      }
    }
    String df = values.get("dataflow");
    DataflowKind dataflow = DataflowKind.find(df).orElseThrow(() -> new ConfigException(file,
        lineOf.get("dataflow"), "Dataflow", "expected " + DataflowKind.names() + ", was '" + df
            + "'"));
    BandwidthMode mode = BandwidthMode.CALC;
    if (values.containsKey("interfacebandwidth")) {
      String m = values.get("interfacebandwidth").toUpperCase(Locale.ROOT);
      if (!m.equals("CALC") && !m.equals("USER")) {
        throw new ConfigException(file, lineOf.get("interfacebandwidth"), "InterfaceBandwidth",
            "expected CALC or USER, was '" + values.get("interfacebandwidth") + "'");
      }
      mode = BandwidthMode.valueOf(m);
    }
    int bandwidth;
    if (values.containsKey("bandwidth")) {
      bandwidth = f.positiveInt("bandwidth", "Bandwidth");
    } else if (mode == BandwidthMode.USER) {
      throw new ConfigException(file, 0, "Bandwidth", "missing (required when"
          + " InterfaceBandwidth is USER)");
    } else {
      bandwidth = 10;
    }
    String runName = values.getOrDefault("run_name", "scale_run").strip();
    if (runName.isEmpty()) {
      throw new ConfigException(file, lineOf.get("run_name"), "run_name", "must not be empty");
    }
    return new HardwareSpec(runName, new ArraySpec(rows, cols),
        new SramSpec(ifmapKiB, filterKiB, ofmapKiB, 1, banks), new DramSpec(mode, bandwidth),
        dataflow, 200.0, MemoryModel.SCALESIM);
  }

  private static int indexOfDelimiter(String t) {
    int c = t.indexOf(':');
    int e = t.indexOf('=');
    if (c < 0) {
      return e;
    }
    if (e < 0) {
      return c;
    }
    return Math.min(c, e);
  }

  /** Typed access to the parsed values with file/line context. */
  private static final class Field {
    private final String file;
    private final Map<String, String> values;
    private final Map<String, Integer> lineOf;

    Field(String file, Map<String, String> values, Map<String, Integer> lineOf) {
      this.file = file;
      this.values = values;
      this.lineOf = lineOf;
    }

    int positiveInt(String key, String display) {
      long v = nonNegativeLong(key, display);
      if (v <= 0 || v > Integer.MAX_VALUE) {
        throw new ConfigException(file, lineOf.get(key), display,
            "expected a whole number > 0, was '" + values.get(key) + "'");
      }
      return (int) v;
    }

    long nonNegativeLong(String key, String display) {
      String s = values.get(key);
      try {
        long v = Long.parseLong(s);
        if (v < 0) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw new ConfigException(file, lineOf.get(key), display,
            "expected a whole number >= 0, was '" + s + "'");
      }
    }
  }
}
