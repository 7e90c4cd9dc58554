package org.tessel.sim.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;

/**
 * Reads Tessel hardware files (YAML) and the built-in presets. Every field, its unit and default
 * is documented in {@code docs/hardware-format.md}.
 */
public final class HardwareReader {
  /** Names of the built-in presets, in {@code org/tessel/sim/presets/NAME.yaml}. */
  public static final List<String> PRESETS = List.of("default", "scalesim32");

  /** The preset used when no hardware is given. */
  public static final String DEFAULT_PRESET = "default";

  private static final Set<String> TOP = Set.of("name", "clockMHz", "dataflow", "array", "sram",
      "dram", "memoryModel");

  private HardwareReader() {}

  /** Reads a hardware file. */
  public static HardwareSpec read(Path path) {
    return parse(Yaml.load(path));
  }

  /**
   * Loads a built-in preset by name.
   *
   * @throws ConfigException for an unknown name
   */
  public static HardwareSpec preset(String name) {
    String resource = "/org/tessel/sim/presets/" + name + ".yaml";
    InputStream in = HardwareReader.class.getResourceAsStream(resource);
    if (in == null || !PRESETS.contains(name)) {
      String hint = Suggest.closest(name, PRESETS);
      throw new ConfigException("--hw", 0, "", "unknown preset '" + name + "'"
          + (hint == null ? "" : " (did you mean '" + hint + "'?)") + "; presets: "
          + String.join(", ", PRESETS) + ", or give a file path");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(Yaml.parse("preset:" + name, r));
    } catch (IOException e) {
      throw new ConfigException("preset:" + name, 0, "", e.getMessage());
    }
  }

  static HardwareSpec parse(Yaml.Obj root) {
    root.allowOnly(TOP);
    String name = root.string("name");
    double clock = root.positiveDouble("clockMHz", 200.0);
    String df = root.string("dataflow", "os");
    Dataflow dataflow = Dataflows.find(df).orElseThrow(
        () -> root.error("dataflow", "expected " + Dataflows.names() + ", was '" + df + "'"));

    Yaml.Obj a = root.obj("array");
    a.allowOnly(Set.of("rows", "cols"));
    ArraySpec array = new ArraySpec(a.positiveInt("rows"), a.positiveInt("cols"));

    Yaml.Obj s = root.obj("sram");
    s.allowOnly(Set.of("ifmapKiB", "filterKiB", "ofmapKiB", "wordBytes", "banks"));
    SramSpec sram = new SramSpec(s.positiveLong("ifmapKiB"), s.positiveLong("filterKiB"),
        s.positiveLong("ofmapKiB"), s.positiveInt("wordBytes", 1), s.positiveInt("banks", 1));

    Yaml.Obj d = root.obj("dram");
    d.allowOnly(Set.of("mode", "bandwidthWordsPerCycle"));
    String mode = d.choice("mode", "user", Set.of("calc", "user"));
    int bw = d.positiveInt("bandwidthWordsPerCycle", 10);
    DramSpec dram = new DramSpec(mode.equals("calc") ? BandwidthMode.CALC : BandwidthMode.USER,
        bw);
    String model = root.choice("memoryModel", "tiles", Set.of("tiles", "scalesim"));
    return new HardwareSpec(name, array, sram, dram, dataflow, clock,
        model.equals("tiles") ? MemoryModel.TILES : MemoryModel.SCALESIM);
  }
}
