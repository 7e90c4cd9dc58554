package org.tessel.sched.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.tessel.sim.config.Suggest;
import org.tessel.sim.limits.Limits;

/**
 * A hardware parameter a sweep can vary, under the dotted name of {@code docs/hardware-format.md}
 * ({@code array.rows}, {@code sram.ifmapKiB}, ...), plus two shorthands that set several fields
 * together: {@code array.size} (rows and columns, a square array) and {@code sram.eachKiB} (the
 * three operand SRAMs).
 */
public enum Param {
  ARRAY_ROWS("array.rows", Kind.INT, 1, List.of(),
      (d, v) -> d.rows = Integer.parseInt(v)),
  ARRAY_COLS("array.cols", Kind.INT, 1, List.of(),
      (d, v) -> d.cols = Integer.parseInt(v)),
  ARRAY_SIZE("array.size", Kind.INT, 1, List.of(), (d, v) -> {
      d.rows = Integer.parseInt(v);
      d.cols = d.rows;
    }),
  SRAM_IFMAP("sram.ifmapKiB", Kind.LONG, 1, List.of(),
      (d, v) -> d.ifmapKiB = Long.parseLong(v)),
  SRAM_FILTER("sram.filterKiB", Kind.LONG, 1, List.of(),
      (d, v) -> d.filterKiB = Long.parseLong(v)),
  SRAM_OFMAP("sram.ofmapKiB", Kind.LONG, 1, List.of(),
      (d, v) -> d.ofmapKiB = Long.parseLong(v)),
  SRAM_EACH("sram.eachKiB", Kind.LONG, 1, List.of(), (d, v) -> {
      d.ifmapKiB = Long.parseLong(v);
      d.filterKiB = d.ifmapKiB;
      d.ofmapKiB = d.ifmapKiB;
    }),
  SRAM_BANKS("sram.banks", Kind.INT, 1, List.of(),
      (d, v) -> d.sramBanks = Integer.parseInt(v)),
  DRAM_MODE("dram.mode", Kind.CHOICE, 0, List.of("calc", "user", "link"), (d, v) -> {
      d.userBandwidth = v.equals("user");
      d.linkMode = v.equals("link");
    }),
  DRAM_BANDWIDTH("dram.bandwidthWordsPerCycle", Kind.INT, 1, List.of(),
      (d, v) -> d.bandwidthWordsPerCycle = Integer.parseInt(v)),
  CLOCK("clockMHz", Kind.DOUBLE, 0, List.of(),
      (d, v) -> d.clockMHz = Double.parseDouble(v)),
  NOC_TOPOLOGY("noc.topology", Kind.CHOICE, 0, List.of("mesh", "xybus"),
      (d, v) -> d.xyBus = v.equals("xybus")),
  NOC_LINK("noc.linkBytesPerCycle", Kind.INT, 1, List.of(),
      (d, v) -> d.linkBytesPerCycle = Integer.parseInt(v)),
  NOC_HOP("noc.hopLatencyCycles", Kind.INT, 0, List.of(),
      (d, v) -> d.hopLatencyCycles = Integer.parseInt(v)),
  NOC_MULTICAST("noc.multicast", Kind.CHOICE, 0, List.of("true", "false"), (d, v) -> {
      d.multicast = v.equals("true");
      d.multicastSet = true;
    }),
  GLB_BANKS("glb.banks", Kind.INT, 1, List.of(),
      (d, v) -> d.glbBanks = Integer.parseInt(v)),
  GLB_PORTS("glb.ports", Kind.INT, 1, List.of(), (d, v) -> {
      d.glbPorts = Integer.parseInt(v);
      d.glbPortsSet = true;
    }),
  GLB_PORT_WIDTH("glb.bytesPerPortPerCycle", Kind.INT, 1, List.of(),
      (d, v) -> d.bytesPerPortPerCycle = Integer.parseInt(v)),
  SPAD_FILTER("scratchpad.filterWords", Kind.INT, 1, List.of(),
      (d, v) -> d.filterWords = Integer.parseInt(v)),
  SPAD_IFMAP("scratchpad.ifmapWords", Kind.INT, 1, List.of(),
      (d, v) -> d.ifmapWords = Integer.parseInt(v)),
  SPAD_PSUM("scratchpad.psumWords", Kind.INT, 1, List.of(),
      (d, v) -> d.psumWords = Integer.parseInt(v)),
  RECONFIG_BITS("reconfig.configBits", Kind.LONG, 0, List.of(),
      (d, v) -> d.configBits = Long.parseLong(v)),
  RECONFIG_BUS("reconfig.busBitsPerCycle", Kind.INT, 1, List.of(),
      (d, v) -> d.busBitsPerCycle = Integer.parseInt(v)),
  RECONFIG_DRAIN("reconfig.drainCycles", Kind.INT, 0, List.of(),
      (d, v) -> d.drainCycles = Integer.parseInt(v)),
  ENERGY_MAC("energy.macPj", Kind.DOUBLE, 0, List.of(),
      (d, v) -> d.energy[0] = Double.parseDouble(v)),
  ENERGY_RF("energy.rfPj", Kind.DOUBLE, 0, List.of(),
      (d, v) -> d.energy[1] = Double.parseDouble(v)),
  ENERGY_NOC("energy.nocPj", Kind.DOUBLE, 0, List.of(),
      (d, v) -> d.energy[2] = Double.parseDouble(v)),
  ENERGY_GLB("energy.glbPj", Kind.DOUBLE, 0, List.of(),
      (d, v) -> d.energy[3] = Double.parseDouble(v)),
  ENERGY_DRAM("energy.dramPj", Kind.DOUBLE, 0, List.of(),
      (d, v) -> d.energy[4] = Double.parseDouble(v));

  /** How a parameter's values are written. */
  enum Kind {
    /** Whole numbers that fit an {@code int}. */
    INT,
    /** Whole numbers that fit a {@code long}. */
    LONG,
    /** Numbers with an optional fraction, {@code > 0}. */
    DOUBLE,
    /** One of a few words. */
    CHOICE
  }

  private static final Param[] VALUES = values();

  private final String key;
  private final Kind kind;
  private final long min;
  private final List<String> choices;

  private final BiConsumer<HardwareDraft, String> setter;

  Param(String key, Kind kind, long min, List<String> choices,
      BiConsumer<HardwareDraft, String> setter) {
    this.key = key;
    this.kind = kind;
    this.min = min;
    this.choices = choices;
    this.setter = setter;
  }

  /** Sets this parameter to {@code value} (already checked by {@link Values}) in a draft. */
  void apply(HardwareDraft draft, String value) {
    setter.accept(draft, value);
  }

  /** The dotted name, as in hardware files and on the command line. */
  public String key() {
    return key;
  }

  Kind kind() {
    return kind;
  }

  /** The least whole value allowed (INT and LONG); DOUBLE values must be {@code > 0}. */
  long min() {
    return min;
  }

  /** The allowed words of a CHOICE parameter, empty otherwise. */
  List<String> choices() {
    return choices;
  }

  /** Whether the value is a whole number. */
  boolean whole() {
    return kind == Kind.INT || kind == Kind.LONG;
  }

  /** The largest whole value allowed. */
  BigDecimal max() {
    switch (this) {
      case ARRAY_ROWS:
      case ARRAY_COLS:
      case ARRAY_SIZE:
        return BigDecimal.valueOf(Limits.MAX_ARRAY_SIDE);
      case SRAM_IFMAP:
      case SRAM_FILTER:
      case SRAM_OFMAP:
      case SRAM_EACH:
        return BigDecimal.valueOf(Limits.MAX_SRAM_KIB);
      default:
        return BigDecimal.valueOf(kind == Kind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE);
    }
  }

  /** The fields this parameter sets (a shorthand sets several). */
  List<Param> sets() {
    switch (this) {
      case ARRAY_SIZE:
        return List.of(ARRAY_ROWS, ARRAY_COLS);
      case SRAM_EACH:
        return List.of(SRAM_IFMAP, SRAM_FILTER, SRAM_OFMAP);
      default:
        return List.of(this);
    }
  }

  /** The parameter called {@code key} (exact spelling). */
  public static Optional<Param> find(String key) {
    for (Param p : VALUES) {
      if (p.key.equals(key)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Every parameter name, sorted. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    for (Param p : VALUES) {
      out.add(p.key);
    }
    out.sort(null);
    return out;
  }

  /** The known name closest to a misspelt {@code key}, if one is close (edit distance). */
  static Optional<String> closest(String key) {
    return Optional.ofNullable(Suggest.closest(key, names()));
  }
}
