package org.tessel.sim.arch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The hardware schema: every field of a Tessel hardware file, once, with its type, unit, range,
 * default, its key in the YAML file, its key in a SCALE-Sim {@code .cfg} where SCALE-Sim has one,
 * and how a value (already checked) is set on a {@link HardwareDraft}. The YAML reader ({@code
 * sim.io.HardwareReader}), the {@code .cfg} reader ({@code sim.io.ScaleSimConfigReader}) and the
 * profile grid ({@code sched.profile.Param}) all read it; {@code docs/hardware-format.md} documents
 * the same table.
 */
public enum HardwareField {
  NAME("name", "run_name", Kind.TEXT, "", 0, List.of(), null, (d, v) -> d.name = v),
  CLOCK(
      "clockMHz",
      null,
      Kind.DOUBLE,
      "MHz",
      0,
      List.of(),
      "200",
      (d, v) -> d.clockMHz = Double.parseDouble(v)),
  DATAFLOW(
      "dataflow",
      "Dataflow",
      Kind.CHOICE,
      "",
      0,
      List.of("os", "ws", "is", "rs"),
      "os",
      (d, v) -> d.dataflow = DataflowKind.find(v).orElseThrow()),
  MEMORY_MODEL(
      "memoryModel",
      null,
      Kind.CHOICE,
      "",
      0,
      List.of("tiles", "scalesim"),
      "tiles",
      (d, v) -> d.memoryModel = v.equals("tiles") ? MemoryModel.TILES : MemoryModel.SCALESIM),
  ARRAY_ROWS(
      "array.rows",
      "ArrayHeight",
      Kind.INT,
      "PEs",
      1,
      List.of(),
      null,
      (d, v) -> d.rows = Integer.parseInt(v)),
  ARRAY_COLS(
      "array.cols",
      "ArrayWidth",
      Kind.INT,
      "PEs",
      1,
      List.of(),
      null,
      (d, v) -> d.cols = Integer.parseInt(v)),
  SRAM_IFMAP(
      "sram.ifmapKiB",
      "IfmapSramSzkB",
      Kind.LONG,
      "KiB",
      1,
      List.of(),
      null,
      (d, v) -> d.ifmapKiB = Long.parseLong(v)),
  SRAM_FILTER(
      "sram.filterKiB",
      "FilterSramSzkB",
      Kind.LONG,
      "KiB",
      1,
      List.of(),
      null,
      (d, v) -> d.filterKiB = Long.parseLong(v)),
  SRAM_OFMAP(
      "sram.ofmapKiB",
      "OfmapSramSzkB",
      Kind.LONG,
      "KiB",
      1,
      List.of(),
      null,
      (d, v) -> d.ofmapKiB = Long.parseLong(v)),
  SRAM_WORD(
      "sram.wordBytes",
      null,
      Kind.INT,
      "bytes",
      1,
      List.of(),
      "1",
      (d, v) -> d.wordBytes = Integer.parseInt(v)),
  SRAM_BANKS(
      "sram.banks",
      "MemoryBanks",
      Kind.INT,
      "count",
      1,
      List.of(),
      "1",
      (d, v) -> d.sramBanks = Integer.parseInt(v)),
  DRAM_MODE(
      "dram.mode",
      "InterfaceBandwidth",
      Kind.CHOICE,
      "",
      0,
      List.of("calc", "user", "link"),
      "user",
      (d, v) -> {
        d.userBandwidth = v.equals("user");
        d.linkMode = v.equals("link");
      }),
  DRAM_BANDWIDTH(
      "dram.bandwidthWordsPerCycle",
      "Bandwidth",
      Kind.INT,
      "words / cycle",
      1,
      List.of(),
      "10",
      (d, v) -> d.bandwidthWordsPerCycle = Integer.parseInt(v)),
  DRAM_LINK_BITS(
      "dram.linkBits",
      null,
      Kind.INT,
      "bits",
      1,
      List.of(),
      "required with link",
      (d, v) -> d.linkBits = Integer.parseInt(v)),
  DRAM_LINK_CLOCK(
      "dram.linkClockMHz",
      null,
      Kind.DOUBLE,
      "MHz",
      0,
      List.of(),
      "required with link",
      (d, v) -> d.linkClockMHz = Double.parseDouble(v)),
  DRAM_RLC_ZEROS(
      "dram.rlcZeroFraction",
      null,
      Kind.SHARE_BELOW_ONE,
      "share",
      0,
      List.of(),
      "absent (no coding)",
      (d, v) -> d.rlcZeroFraction = Double.parseDouble(v)),
  DRAM_RLC_OFMAP_ZEROS(
      "dram.rlcOfmapZeroFraction",
      null,
      Kind.SHARE_BELOW_ONE,
      "share",
      0,
      List.of(),
      "dram.rlcZeroFraction",
      (d, v) -> d.rlcOfmapZeroFraction = Double.parseDouble(v)),
  DRAM_IFMAP_LOADS_STALL(
      "dram.ifmapLoadsStall",
      null,
      Kind.CHOICE,
      "",
      0,
      List.of("true", "false"),
      "false",
      (d, v) -> d.ifmapLoadsStall = v.equals("true")),
  NOC_TOPOLOGY(
      "noc.topology",
      null,
      Kind.CHOICE,
      "",
      0,
      List.of("mesh", "xybus"),
      "mesh",
      (d, v) -> d.xyBus = v.equals("xybus")),
  NOC_LINK(
      "noc.linkBytesPerCycle",
      null,
      Kind.INT,
      "bytes / cycle",
      1,
      List.of(),
      "sram.wordBytes",
      (d, v) -> d.linkBytesPerCycle = Integer.parseInt(v)),
  NOC_IFMAP(
      "noc.ifmapBytesPerCycle",
      null,
      Kind.INT,
      "bytes / cycle",
      1,
      List.of(),
      "noc.linkBytesPerCycle",
      (d, v) -> d.setBusBytesPerCycle(0, Integer.parseInt(v))),
  NOC_FILTER(
      "noc.filterBytesPerCycle",
      null,
      Kind.INT,
      "bytes / cycle",
      1,
      List.of(),
      "noc.linkBytesPerCycle",
      (d, v) -> d.setBusBytesPerCycle(1, Integer.parseInt(v))),
  NOC_PSUM_IN(
      "noc.psumInBytesPerCycle",
      null,
      Kind.INT,
      "bytes / cycle",
      1,
      List.of(),
      "noc.linkBytesPerCycle",
      (d, v) -> d.setBusBytesPerCycle(2, Integer.parseInt(v))),
  NOC_PSUM_OUT(
      "noc.psumOutBytesPerCycle",
      null,
      Kind.INT,
      "bytes / cycle",
      1,
      List.of(),
      "noc.linkBytesPerCycle",
      (d, v) -> d.setBusBytesPerCycle(3, Integer.parseInt(v))),
  NOC_HOP(
      "noc.hopLatencyCycles",
      null,
      Kind.INT,
      "cycles",
      0,
      List.of(),
      "1",
      (d, v) -> d.hopLatencyCycles = Integer.parseInt(v)),
  NOC_MULTICAST(
      "noc.multicast",
      null,
      Kind.CHOICE,
      "",
      0,
      List.of("true", "false"),
      "true for xybus, false for mesh",
      (d, v) -> {
        d.multicast = v.equals("true");
        d.multicastSet = true;
      }),
  GLB_BANKS(
      "glb.banks",
      null,
      Kind.INT,
      "count",
      1,
      List.of(),
      "1",
      (d, v) -> d.glbBanks = Integer.parseInt(v)),
  GLB_PORTS(
      "glb.ports",
      null,
      Kind.INT,
      "count",
      1,
      List.of(),
      "array.rows + array.cols",
      (d, v) -> {
        d.glbPorts = Integer.parseInt(v);
        d.glbPortsSet = true;
      }),
  GLB_PORT_WIDTH(
      "glb.bytesPerPortPerCycle",
      null,
      Kind.INT,
      "bytes / cycle",
      1,
      List.of(),
      "sram.wordBytes",
      (d, v) -> d.bytesPerPortPerCycle = Integer.parseInt(v)),
  SPAD_FILTER(
      "scratchpad.filterWords",
      null,
      Kind.INT,
      "words",
      1,
      List.of(),
      "1",
      (d, v) -> d.filterWords = Integer.parseInt(v)),
  SPAD_IFMAP(
      "scratchpad.ifmapWords",
      null,
      Kind.INT,
      "words",
      1,
      List.of(),
      "1",
      (d, v) -> d.ifmapWords = Integer.parseInt(v)),
  SPAD_PSUM(
      "scratchpad.psumWords",
      null,
      Kind.INT,
      "words",
      1,
      List.of(),
      "1",
      (d, v) -> d.psumWords = Integer.parseInt(v)),
  RECONFIG_BITS(
      "reconfig.configBits",
      null,
      Kind.LONG,
      "bits",
      0,
      List.of(),
      "0",
      (d, v) -> d.configBits = Long.parseLong(v)),
  RECONFIG_BUS(
      "reconfig.busBitsPerCycle",
      null,
      Kind.INT,
      "bits / cycle",
      1,
      List.of(),
      "1",
      (d, v) -> d.busBitsPerCycle = Integer.parseInt(v)),
  RECONFIG_DRAIN(
      "reconfig.drainCycles",
      null,
      Kind.INT,
      "cycles",
      0,
      List.of(),
      "0",
      (d, v) -> d.drainCycles = Integer.parseInt(v)),
  ENERGY_MAC(
      "energy.macPj",
      null,
      Kind.DOUBLE,
      "pJ",
      0,
      List.of(),
      "1",
      (d, v) -> d.energy[0] = Double.parseDouble(v)),
  ENERGY_RF(
      "energy.rfPj",
      null,
      Kind.DOUBLE,
      "pJ",
      0,
      List.of(),
      "1",
      (d, v) -> d.energy[1] = Double.parseDouble(v)),
  ENERGY_NOC(
      "energy.nocPj",
      null,
      Kind.DOUBLE,
      "pJ",
      0,
      List.of(),
      "2",
      (d, v) -> d.energy[2] = Double.parseDouble(v)),
  ENERGY_GLB(
      "energy.glbPj",
      null,
      Kind.DOUBLE,
      "pJ",
      0,
      List.of(),
      "6",
      (d, v) -> d.energy[3] = Double.parseDouble(v)),
  ENERGY_DRAM(
      "energy.dramPj",
      null,
      Kind.DOUBLE,
      "pJ",
      0,
      List.of(),
      "200",
      (d, v) -> d.energy[4] = Double.parseDouble(v)),
  MAPPING_SEARCH(
      "mapping.search",
      null,
      Kind.CHOICE,
      "",
      0,
      List.of("best", "chip"),
      "best",
      (d, v) -> d.chipMapping = v.equals("chip")),
  MAPPING_MIN_UTILISATION(
      "mapping.minUtilisation",
      null,
      Kind.SHARE,
      "share",
      0,
      List.of(),
      "absent (no floor)",
      (d, v) -> d.minUtilisation = Double.parseDouble(v));

  /** How a field's values are written. */
  public enum Kind {
    /** Whole numbers that fit an {@code int}, at least {@link #min()}. */
    INT,
    /** Whole numbers that fit a {@code long}, at least {@link #min()}. */
    LONG,
    /** Numbers with an optional fraction, {@code > 0}. */
    DOUBLE,
    /** A share: a number with an optional fraction, {@code > 0} and at most 1. */
    SHARE,
    /** A share below one: a number with an optional fraction, {@code > 0} and below 1. */
    SHARE_BELOW_ONE,
    /** One of a few words ({@link #choices()}). */
    CHOICE,
    /** Free text, not empty. */
    TEXT
  }

  private static final HardwareField[] VALUES = values();

  private final String key;
  private final @Nullable String cfgKey;
  private final Kind kind;
  private final String unit;
  private final long min;

  // Immutable in fact: List.copyOf below; EP sees only the List interface type.
  @SuppressWarnings("ImmutableEnumChecker")
  private final List<String> choices;

  private final @Nullable String defaultValue;

  // Every setter is a non-capturing lambda (no state); EP cannot see that through BiConsumer.
  @SuppressWarnings("ImmutableEnumChecker")
  private final BiConsumer<HardwareDraft, String> setter;

  HardwareField(
      String key,
      @Nullable String cfgKey,
      Kind kind,
      String unit,
      long min,
      List<String> choices,
      @Nullable String defaultValue,
      BiConsumer<HardwareDraft, String> setter) {
    this.key = key;
    this.cfgKey = cfgKey;
    this.kind = kind;
    this.unit = unit;
    this.min = min;
    this.choices = List.copyOf(choices);
    this.defaultValue = defaultValue;
    this.setter = setter;
  }

  /** The dotted name ({@code array.rows}), as in the docs and on the command line. */
  public String key() {
    return key;
  }

  /** The YAML section holding the field ({@code array}), or {@code ""} for a top-level key. */
  public String section() {
    int dot = key.indexOf('.');
    return dot < 0 ? "" : key.substring(0, dot);
  }

  /** The key inside its YAML section ({@code rows}). */
  public String yamlKey() {
    return key.substring(key.indexOf('.') + 1);
  }

  /** SCALE-Sim's {@code .cfg} key as SCALE-Sim spells it ({@code ArrayHeight}), if any. */
  public Optional<String> cfgKey() {
    return Optional.ofNullable(cfgKey);
  }

  /** How values are written. */
  public Kind kind() {
    return kind;
  }

  /** The unit ({@code KiB}, {@code cycles}), empty for words and text. */
  public String unit() {
    return unit;
  }

  /**
   * The least whole value (INT and LONG); DOUBLE, SHARE and SHARE_BELOW_ONE values must be {@code >
   * 0}.
   */
  public long min() {
    return min;
  }

  /** The allowed words of a CHOICE field, empty otherwise. */
  public List<String> choices() {
    return choices;
  }

  /** The default as the docs state it, or empty when the field is required. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** Sets this field to {@code value} (already checked against the kind and range). */
  public void set(HardwareDraft draft, String value) {
    setter.accept(draft, value);
  }

  /** The fields of YAML section {@code section} ({@code ""}: the top-level keys), in order. */
  public static List<HardwareField> in(String section) {
    List<HardwareField> out = new ArrayList<>();
    for (HardwareField f : VALUES) {
      if (f.section().equals(section)) {
        out.add(f);
      }
    }
    return out;
  }

  /** The keys of YAML section {@code section}. */
  public static Set<String> yamlKeys(String section) {
    Set<String> out = new LinkedHashSet<>();
    for (HardwareField f : in(section)) {
      out.add(f.yamlKey());
    }
    return out;
  }

  /** The top-level keys of a hardware file: its top-level fields and its sections. */
  public static Set<String> topKeys() {
    Set<String> out = new LinkedHashSet<>();
    for (HardwareField f : VALUES) {
      out.add(f.section().isEmpty() ? f.key : f.section());
    }
    return out;
  }

  /** The field called {@code key} (exact spelling). */
  public static Optional<HardwareField> find(String key) {
    for (HardwareField f : VALUES) {
      if (f.key.equals(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
