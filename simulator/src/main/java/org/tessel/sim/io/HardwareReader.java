package org.tessel.sim.io;

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
import org.tessel.sim.arch.CgraSpec;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.EnergyTable;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.HardwareField;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MappingSearchSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.arch.ReconfigSpec;
import org.tessel.sim.arch.ScratchpadSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Suggest;
import org.tessel.sim.config.Yaml;
import org.tessel.sim.limits.Limits;

/**
 * Reads Tessel hardware files (YAML) and the built-in presets. Every field, its unit and default is
 * documented in {@code docs/hardware-format.md}.
 */
public final class HardwareReader {
  /** Names of the built-in presets, in {@code org/tessel/sim/presets/NAME.yaml}. */
  public static final List<String> PRESETS = List.of("default", "scalesim32", "eyeriss");

  /** The preset used when no hardware is given. */
  public static final String DEFAULT_PRESET = "default";

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
      throw new ConfigException(
          "--hw",
          0,
          "",
          "unknown preset '"
              + name
              + "'"
              + (hint == null ? "" : " (did you mean '" + hint + "'?)")
              + "; presets: "
              + String.join(", ", PRESETS)
              + ", or give a file path");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(Yaml.parse("preset:" + name, r));
    } catch (IOException e) {
      throw new ConfigException("preset:" + name, 0, "", ConfigException.messageOf(e));
    }
  }

  static HardwareSpec parse(Yaml.Obj root) {
    try {
      return parseFields(root);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(root.file(), root.line(), "", ConfigException.messageOf(e));
    }
  }

  private static HardwareSpec parseFields(Yaml.Obj root) {
    root.allowOnly(HardwareField.topKeys());
    String name = root.string("name");
    double clock = root.positiveDouble("clockMHz", 200.0);
    if (clock < Limits.MIN_CLOCK_MHZ || clock > Limits.MAX_CLOCK_MHZ) {
      throw root.error(
          "clockMHz",
          "must be between "
              + Limits.MIN_CLOCK_MHZ
              + " and "
              + Limits.MAX_CLOCK_MHZ
              + " MHz (1 kHz to 100 GHz), was "
              + clock);
    }
    String df = root.string("dataflow", "os");
    DataflowKind dataflow =
        DataflowKind.find(df)
            .orElseThrow(
                () ->
                    root.error(
                        "dataflow", "expected " + DataflowKind.names() + ", was '" + df + "'"));

    Yaml.Obj a = root.obj("array");
    a.allowOnly(HardwareField.yamlKeys("array"));
    int rows = a.positiveInt("rows");
    int cols = a.positiveInt("cols");
    ArraySpec array =
        built(
            a,
            rows > Limits.MAX_ARRAY_SIDE
                    || (cols <= Limits.MAX_ARRAY_SIDE && (long) rows * cols > Limits.MAX_PES)
                ? "rows"
                : "cols",
            () -> new ArraySpec(rows, cols));

    Yaml.Obj s = root.obj("sram");
    s.allowOnly(HardwareField.yamlKeys("sram"));
    long ifmapKiB = s.positiveLong("ifmapKiB");
    long filterKiB = s.positiveLong("filterKiB");
    long ofmapKiB = s.positiveLong("ofmapKiB");
    int wordBytes = s.positiveInt("wordBytes", 1);
    int banks = s.positiveInt("banks", 1);
    String worst =
        ifmapKiB * 1024 / wordBytes <= 0 || ifmapKiB > Limits.MAX_SRAM_KIB
            ? "ifmapKiB"
            : filterKiB * 1024 / wordBytes <= 0 || filterKiB > Limits.MAX_SRAM_KIB
                ? "filterKiB"
                : "ofmapKiB";
    SramSpec sram =
        built(s, worst, () -> new SramSpec(ifmapKiB, filterKiB, ofmapKiB, wordBytes, banks));

    Yaml.Obj d = root.obj("dram");
    d.allowOnly(HardwareField.yamlKeys("dram"));
    String mode = choice(d, HardwareField.DRAM_MODE);
    int bw = whole(d, HardwareField.DRAM_BANDWIDTH, 10);
    boolean link = mode.equals("link");
    int linkBits = link || d.has("linkBits") ? d.positiveInt("linkBits") : 0;
    if (link && !d.has("linkClockMHz")) {
      throw d.error("linkClockMHz", "required with mode link (the off-chip link's clock)");
    }
    double linkMHz = d.has("linkClockMHz") ? d.positiveDouble("linkClockMHz", 0) : 0;
    DramSpec dram =
        DramSpec.link(
                mode.equals("calc")
                    ? BandwidthMode.CALC
                    : link ? BandwidthMode.LINK : BandwidthMode.USER,
                bw,
                linkBits,
                linkMHz,
                zeroFraction(d, "rlcZeroFraction"))
            .withRlcZeroFractions(
                zeroFraction(d, "rlcZeroFraction"), zeroFraction(d, "rlcOfmapZeroFraction"))
            .withIfmapLoadsStall(choice(d, HardwareField.DRAM_IFMAP_LOADS_STALL).equals("true"));
    String model = choice(root, HardwareField.MEMORY_MODEL);
    CgraSpec cgra = cgra(root, array, sram.wordBytes());
    return new HardwareSpec(
        name,
        array,
        sram,
        dram,
        dataflow,
        clock,
        model.equals("tiles") ? MemoryModel.TILES : MemoryModel.SCALESIM,
        cgra);
  }

  /**
   * {@code dram.rlcZeroFraction} or {@code dram.rlcOfmapZeroFraction}, 0 to below 1; -1 when absent
   * (no compression; for the outputs: as the inputs).
   */
  private static double zeroFraction(Yaml.Obj d, String key) {
    if (!d.has(key)) {
      return -1;
    }
    double z = d.positiveDouble(key, 0);
    if (z >= 1) {
      throw d.error(key, "expected a share of zeros below 1, was " + z);
    }
    return z;
  }

  /**
   * An INT or LONG field of {@code o} below 2^31, at least its schema minimum (0 or 1), {@code
   * fallback} when absent.
   */
  private static int whole(Yaml.Obj o, HardwareField f, int fallback) {
    return f.min() == 0
        ? o.nonNegativeInt(f.yamlKey(), fallback)
        : o.positiveInt(f.yamlKey(), fallback);
  }

  /** A DOUBLE field of {@code o}, {@code > 0}, {@code fallback} when absent. */
  private static double real(Yaml.Obj o, HardwareField f, double fallback) {
    return o.positiveDouble(f.yamlKey(), fallback);
  }

  /** A CHOICE field's value, its schema default when absent. */
  private static String choice(Yaml.Obj o, HardwareField f) {
    return o.choice(f.yamlKey(), f.defaultValue().orElseThrow(), Set.copyOf(f.choices()));
  }

  /** What {@code make} builds, its refusal a mistake at {@code key} of {@code o}. */
  private static <T> T built(Yaml.Obj o, String key, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw o.error(key, ConfigException.messageOf(e).replaceFirst("^[a-zA-Z.]+: ", ""));
    }
  }

  /** The CGRA sections; each absent field keeps SCALE-Sim's systolic default. */
  private static CgraSpec cgra(Yaml.Obj root, ArraySpec array, int wordBytes) {
    CgraSpec d = CgraSpec.systolic(array, wordBytes);
    NocSpec noc = d.noc();
    if (root.has("noc")) {
      Yaml.Obj o = root.obj("noc");
      o.allowOnly(HardwareField.yamlKeys("noc"));
      String t = choice(o, HardwareField.NOC_TOPOLOGY);
      int link = whole(o, HardwareField.NOC_LINK, noc.linkBytesPerCycle());
      noc =
          new NocSpec(
              t.equals("mesh") ? NocTopology.SYSTOLIC_MESH : NocTopology.XY_BUS,
              link,
              whole(o, HardwareField.NOC_HOP, noc.hopLatencyCycles()),
              o.choice(
                      "multicast",
                      t.equals("xybus") ? "true" : "false",
                      Set.copyOf(HardwareField.NOC_MULTICAST.choices()))
                  .equals("true"),
              whole(o, HardwareField.NOC_IFMAP, link),
              whole(o, HardwareField.NOC_FILTER, link),
              whole(o, HardwareField.NOC_PSUM_IN, link),
              whole(o, HardwareField.NOC_PSUM_OUT, link));
    }
    GlbSpec glb = d.glb();
    if (root.has("glb")) {
      Yaml.Obj o = root.obj("glb");
      o.allowOnly(HardwareField.yamlKeys("glb"));
      glb =
          new GlbSpec(
              whole(o, HardwareField.GLB_BANKS, glb.banks()),
              whole(o, HardwareField.GLB_PORTS, glb.ports()),
              whole(o, HardwareField.GLB_PORT_WIDTH, glb.bytesPerPortPerCycle()));
    }
    ScratchpadSpec spad = d.scratchpads();
    if (root.has("scratchpad")) {
      Yaml.Obj o = root.obj("scratchpad");
      o.allowOnly(HardwareField.yamlKeys("scratchpad"));
      spad =
          new ScratchpadSpec(
              whole(o, HardwareField.SPAD_FILTER, spad.filterWords()),
              whole(o, HardwareField.SPAD_IFMAP, spad.ifmapWords()),
              whole(o, HardwareField.SPAD_PSUM, spad.psumWords()));
    }
    ReconfigSpec reconfig = d.reconfig();
    if (root.has("reconfig")) {
      Yaml.Obj o = root.obj("reconfig");
      o.allowOnly(HardwareField.yamlKeys("reconfig"));
      reconfig =
          new ReconfigSpec(
              whole(o, HardwareField.RECONFIG_BITS, 0),
              whole(o, HardwareField.RECONFIG_BUS, 1),
              whole(o, HardwareField.RECONFIG_DRAIN, 0));
    }
    EnergyTable energy = d.energy();
    if (root.has("energy")) {
      Yaml.Obj o = root.obj("energy");
      o.allowOnly(HardwareField.yamlKeys("energy"));
      energy =
          new EnergyTable(
              real(o, HardwareField.ENERGY_MAC, energy.macPj()),
              real(o, HardwareField.ENERGY_RF, energy.rfPj()),
              real(o, HardwareField.ENERGY_NOC, energy.nocPj()),
              real(o, HardwareField.ENERGY_GLB, energy.glbPj()),
              real(o, HardwareField.ENERGY_DRAM, energy.dramPj()));
    }
    MappingSearchSpec mapping = MappingSearchSpec.BEST;
    if (root.has("mapping")) {
      Yaml.Obj o = root.obj("mapping");
      o.allowOnly(HardwareField.yamlKeys("mapping"));
      boolean chip = choice(o, HardwareField.MAPPING_SEARCH).equals("chip");
      double floor = o.has("minUtilisation") ? o.positiveDouble("minUtilisation", 1) : 0;
      if (floor > 1) {
        throw o.error("minUtilisation", "expected a share of the PEs, 0 to 1, was " + floor);
      }
      mapping =
          new MappingSearchSpec(
              chip ? MappingSearchSpec.Policy.CHIP : MappingSearchSpec.Policy.BEST, floor);
    }
    return new CgraSpec(noc, glb, spad, reconfig, energy, mapping);
  }
}
