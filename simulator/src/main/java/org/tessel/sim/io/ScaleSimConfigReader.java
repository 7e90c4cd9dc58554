package org.tessel.sim.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareField;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Numbers;
import org.tessel.sim.config.Suggest;
import org.tessel.sim.config.TextFiles;

/**
 * Reads a SCALE-Sim {@code .cfg} file (INI: {@code key: value} or {@code key = value}; keys
 * case-insensitive, as Python's configparser reads them) of SCALE-Sim v2 (sections {@code
 * [general]}, {@code [architecture_presets]}, {@code [run_presets]}) or v3 (also {@code [layout]},
 * {@code [sparsity]} and the keys {@code ReadRequestBuffer}, {@code WriteRequestBuffer}, {@code
 * UseRamulatorTrace}). A file with any of v3's sections or keys is a v3 file and gets v3's numbers,
 * unless the caller forces a version. Unknown sections and keys are errors.
 *
 * <p>What v3 reads but does not use on the path Tessel models is accepted and listed in {@link
 * ScaleSimConfig#ignored()}; what would change the numbers and is not modelled (a Ramulator trace,
 * custom layouts, sparsity) is refused with the reason, and so is what v3 itself rejects (USER bank
 * bandwidths not divisible by the bank count).
 */
public final class ScaleSimConfigReader {
  /** SCALE-Sim v2 keys with no Tessel field: checked (whole numbers >= 0), not used. */
  private static final List<String> OFFSETS = List.of("ifmapoffset", "filteroffset", "ofmapoffset");

  /**
   * Known keys by section, in lower case: the {@code .cfg} keys of the hardware schema ({@link
   * HardwareField#cfgKey()}), the offsets and v3's own keys.
   */
  private static final Map<String, Set<String>> KNOWN =
      Map.of(
          "general", Set.of(cfg(HardwareField.NAME)),
          "architecture_presets", architectureKeys(),
          "run_presets", Set.of(cfg(HardwareField.DRAM_MODE), "useramulatortrace"),
          "layout",
              Set.of(
                  "ifmapcustomlayout",
                  "ifmapsrambankbandwidth",
                  "ifmapsrambanknum",
                  "ifmapsrambankport",
                  "filtercustomlayout",
                  "filtersrambankbandwidth",
                  "filtersrambanknum",
                  "filtersrambankport"),
          "sparsity",
              Set.of(
                  "sparsitysupport",
                  "sparserep",
                  "optimizedmapping",
                  "blocksize",
                  "randomnumbergeneratorseed",
                  "nonzeroelems"));

  /** Keys that exist in SCALE-Sim v3 only. */
  private static final Set<String> V3_KEYS =
      Set.of("readrequestbuffer", "writerequestbuffer", "useramulatortrace");

  private static final List<HardwareField> REQUIRED =
      List.of(
          HardwareField.ARRAY_ROWS,
          HardwareField.ARRAY_COLS,
          HardwareField.SRAM_IFMAP,
          HardwareField.SRAM_FILTER,
          HardwareField.SRAM_OFMAP,
          HardwareField.DATAFLOW);

  private ScaleSimConfigReader() {}

  /** True when {@code path} looks like an INI file (its first section header). */
  public static boolean looksLikeIni(Path path) {
    List<String> lines;
    try {
      lines = TextFiles.lines(path);
    } catch (ConfigException e) {
      return false; // the reader it goes to says what is wrong
    }
    for (String line : lines) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
        continue;
      }
      return t.startsWith("[");
    }
    return false;
  }

  /**
   * Reads {@code path} into a hardware spec, the version chosen by the file.
   *
   * @throws ConfigException naming the file, line and key of the first mistake
   */
  public static HardwareSpec read(Path path) {
    return readConfig(path, 0).hardware();
  }

  /**
   * Reads {@code path}; {@code version} 2 or 3 forces SCALE-Sim v2's or v3's numbers, 0 lets the
   * file decide (v3 when it has a v3 section or key).
   *
   * @throws ConfigException naming the file, line and key of the first mistake
   */
  public static ScaleSimConfig readConfig(Path path, int version) {
    if (version != 0 && version != 2 && version != 3) {
      throw new ConfigException("--scalesim", 0, "", "expected 2 or 3, was " + version);
    }
    String file = path.toString();
    Ini ini = Ini.parse(file, TextFiles.lines(path));
    Map<String, String> values = ini.values;
    for (HardwareField field : REQUIRED) {
      String k = cfg(field);
      if (!values.containsKey(k)) {
        throw new ConfigException(file, 0, k, "missing (required in [architecture_presets])");
      }
    }
    boolean v3File =
        ini.sections.contains("layout")
            || ini.sections.contains("sparsity")
            || V3_KEYS.stream().anyMatch(values::containsKey);
    int v = version != 0 ? version : v3File ? 3 : 2;
    Field f = new Field(file, ini);
    int rows = f.positiveInt(cfg(HardwareField.ARRAY_ROWS));
    int cols = f.positiveInt(cfg(HardwareField.ARRAY_COLS));
    long ifmapKiB = f.positiveInt(cfg(HardwareField.SRAM_IFMAP));
    long filterKiB = f.positiveInt(cfg(HardwareField.SRAM_FILTER));
    long ofmapKiB = f.positiveInt(cfg(HardwareField.SRAM_OFMAP));
    String banksKey = cfg(HardwareField.SRAM_BANKS);
    int banks = values.containsKey(banksKey) ? f.positiveInt(banksKey) : 1;
    for (String k : OFFSETS) {
      if (values.containsKey(k)) {
        f.nonNegativeLong(k);
      }
    }
    String df = values.getOrDefault("dataflow", ""); // required: checked above
    DataflowKind dataflow =
        DataflowKind.find(df)
            .orElseThrow(
                () ->
                    new ConfigException(
                        file,
                        ini.lineOf.getOrDefault("dataflow", 0),
                        "Dataflow",
                        "expected " + DataflowKind.names() + ", was '" + df + "'"));
    BandwidthMode mode = BandwidthMode.CALC;
    if (values.containsKey("interfacebandwidth")) {
      String m = values.get("interfacebandwidth").toUpperCase(Locale.ROOT);
      if (!m.equals("CALC") && !m.equals("USER")) {
        throw new ConfigException(
            file,
            ini.lineOf.getOrDefault("interfacebandwidth", 0),
            "InterfaceBandwidth",
            "expected CALC or USER, was '" + values.get("interfacebandwidth") + "'");
      }
      mode = BandwidthMode.valueOf(m);
    }
    int bandwidth;
    if (values.containsKey(cfg(HardwareField.DRAM_BANDWIDTH))) {
      bandwidth = f.firstOfList(cfg(HardwareField.DRAM_BANDWIDTH));
    } else if (mode == BandwidthMode.USER) {
      throw new ConfigException(
          file, 0, "Bandwidth", "missing (required when" + " InterfaceBandwidth is USER)");
    } else {
      bandwidth = 10;
    }
    String runName = values.getOrDefault("run_name", "scale_run").strip();
    if (runName.isEmpty()) {
      throw new ConfigException(
          file, ini.lineOf.getOrDefault("run_name", 0), "run_name", "must not be empty");
    }
    List<String> ignored = new ArrayList<>();
    V3Settings v3 = V3Settings.check(f, v, mode, ignored);
    DramSpec dram =
        v == 3 && mode == BandwidthMode.USER
            ? new DramSpec(
                mode, bandwidth, v3.ifmapReadWordsPerCycle(), v3.filterReadWordsPerCycle())
            : new DramSpec(mode, bandwidth);
    HardwareSpec hw;
    try {
      hw =
          new HardwareSpec(
              runName,
              new ArraySpec(rows, cols),
              new SramSpec(ifmapKiB, filterKiB, ofmapKiB, 1, banks),
              dram,
              dataflow,
              200.0,
              v == 3 ? MemoryModel.SCALESIM_V3 : MemoryModel.SCALESIM);
    } catch (IllegalArgumentException e) {
      String m = ConfigException.messageOf(e);
      String key =
          m.startsWith("array")
              ? "arrayheight"
              : m.startsWith("sram") ? "ifmapsramszkb" : "dataflow";
      throw new ConfigException(
          file,
          ini.lineOf.getOrDefault(key, 0),
          m.startsWith("array")
              ? "ArrayHeight, ArrayWidth"
              : m.startsWith("sram") ? "SRAM sizes" : "",
          m);
    }
    // in file order: each note starts with FILE:LINE:
    // not Comparator.comparingInt, whose serializable lambda no class-data archive holds
    ignored.sort((a, b) -> Integer.compare(lineOfNote(file, a), lineOfNote(file, b)));
    return new ScaleSimConfig(hw, v, ignored);
  }

  private static int lineOfNote(String file, String note) {
    String rest = note.substring(file.length() + 1);
    return Integer.parseInt(rest.substring(0, rest.indexOf(':')));
  }

  /** The parsed sections and values of an INI file, keys in lower case. */
  static final class Ini {
    final String file;
    final Set<String> sections = new TreeSet<>();
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, Integer> lineOf = new LinkedHashMap<>();
    final Map<String, String> spelling = new LinkedHashMap<>();

    private Ini(String file) {
      this.file = file;
    }

    static Ini parse(String file, List<String> lines) {
      Ini ini = new Ini(file);
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
            throw new ConfigException(
                file,
                n,
                "[" + section + "]",
                "unknown section; expected"
                    + " one of [general], [architecture_presets], [run_presets], [layout],"
                    + " [sparsity]");
          }
          ini.sections.add(section);
          continue;
        }
        if (section == null) {
          throw new ConfigException(file, n, "", "a key before any [section]");
        }
        int eq = indexOfDelimiter(t);
        if (eq < 0) {
          throw new ConfigException(file, n, "", "expected 'key: value' or 'key = value'");
        }
        String raw = t.substring(0, eq).strip();
        String key = raw.toLowerCase(Locale.ROOT);
        Set<String> known = KNOWN.getOrDefault(section, Set.of()); // a known section: checked
        if (!known.contains(key)) {
          String hint = Suggest.closest(key, known);
          throw new ConfigException(
              file,
              n,
              raw,
              "unknown key in ["
                  + section
                  + "]"
                  + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                  + "; expected one of "
                  + String.join(", ", new TreeSet<>(known)));
        }
        if (ini.values.containsKey(key)) {
          throw new ConfigException(
              file, n, raw, "duplicate key (first on line " + ini.lineOf.get(key) + ")");
        }
        ini.values.put(key, t.substring(eq + 1).strip());
        ini.lineOf.put(key, n);
        ini.spelling.put(key, raw);
      }
      return ini;
    }
  }

  /** The field's {@code .cfg} key in lower case, as configparser reads keys. */
  private static String cfg(HardwareField f) {
    return f.cfgKey().orElseThrow().toLowerCase(Locale.ROOT);
  }

  private static Set<String> architectureKeys() {
    Set<String> keys = new java.util.HashSet<>(OFFSETS);
    keys.addAll(List.of("readrequestbuffer", "writerequestbuffer"));
    for (HardwareField f : HardwareField.values()) {
      if (f.cfgKey().isPresent() && f != HardwareField.NAME && f != HardwareField.DRAM_MODE) {
        keys.add(cfg(f));
      }
    }
    return Set.copyOf(keys);
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
  static final class Field {
    final String file;
    final Ini ini;

    Field(String file, Ini ini) {
      this.file = file;
      this.ini = ini;
    }

    boolean has(String key) {
      return ini.values.containsKey(key);
    }

    /** The value of a key the file {@link #has}. */
    String value(String key) {
      String v = ini.values.get(key);
      if (v == null) {
        throw new IllegalStateException("no key " + key + " in " + file);
      }
      return v;
    }

    String name(String key) {
      return ini.spelling.getOrDefault(key, key);
    }

    int line(String key) {
      return ini.lineOf.getOrDefault(key, 0);
    }

    /** {@code FILE:LINE: KEY: ignored (why)}. */
    String note(String key, String why) {
      return file + ":" + line(key) + ": " + name(key) + ": ignored (" + why + ")";
    }

    ConfigException error(String key, String message) {
      return new ConfigException(file, line(key), name(key), message);
    }

    int positiveInt(String key) {
      long v = nonNegativeLong(key);
      if (v <= 0 || v > Integer.MAX_VALUE) {
        throw error(key, "expected a whole number > 0, was '" + value(key) + "'");
      }
      return (int) v;
    }

    /** The first of a comma-separated list of positive whole numbers (SCALE-Sim uses it). */
    int firstOfList(String key) {
      String first = value(key).split(",", -1)[0].strip();
      try {
        int v = Integer.parseInt(first);
        if (v > 0) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(
          key,
          "expected a whole number > 0 (or a comma-separated list of them), was '"
              + value(key)
              + "'");
    }

    long nonNegativeLong(String key) {
      String s = value(key);
      try {
        long v = Numbers.whole(s);
        if (v < 0) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw error(key, "expected a whole number >= 0, was '" + s + "'");
      }
    }

    /** configparser's getboolean: 1/yes/true/on or 0/no/false/off, any case. */
    boolean bool(String key) {
      return switch (value(key).toLowerCase(Locale.ROOT)) {
        case "1", "yes", "true", "on" -> true;
        case "0", "no", "false", "off" -> false;
        default -> throw error(key, "expected True or False, was '" + value(key) + "'");
      };
    }
  }
}
