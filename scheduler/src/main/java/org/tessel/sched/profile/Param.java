package org.tessel.sched.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tessel.sim.arch.HardwareDraft;
import org.tessel.sim.arch.HardwareField;
import org.tessel.sim.config.Suggest;
import org.tessel.sim.limits.Limits;

/**
 * A hardware parameter a sweep can vary: a field of the hardware schema ({@link HardwareField},
 * named as in {@code docs/hardware-format.md}: {@code array.rows}, {@code sram.ifmapKiB}, ...),
 * plus two shorthands that set several fields together: {@code array.size} (rows and columns, a
 * square array) and {@code sram.eachKiB} (the three operand SRAMs).
 */
public enum Param {
  ARRAY_ROWS(HardwareField.ARRAY_ROWS),
  ARRAY_COLS(HardwareField.ARRAY_COLS),
  ARRAY_SIZE("array.size", HardwareField.ARRAY_ROWS, HardwareField.ARRAY_COLS),
  SRAM_IFMAP(HardwareField.SRAM_IFMAP),
  SRAM_FILTER(HardwareField.SRAM_FILTER),
  SRAM_OFMAP(HardwareField.SRAM_OFMAP),
  SRAM_EACH(
      "sram.eachKiB",
      HardwareField.SRAM_IFMAP,
      HardwareField.SRAM_FILTER,
      HardwareField.SRAM_OFMAP),
  SRAM_BANKS(HardwareField.SRAM_BANKS),
  DRAM_MODE(HardwareField.DRAM_MODE),
  DRAM_BANDWIDTH(HardwareField.DRAM_BANDWIDTH),
  DRAM_LINK_BITS(HardwareField.DRAM_LINK_BITS),
  DRAM_LINK_CLOCK(HardwareField.DRAM_LINK_CLOCK),
  DRAM_RLC_ZEROS(HardwareField.DRAM_RLC_ZEROS),
  DRAM_RLC_OFMAP_ZEROS(HardwareField.DRAM_RLC_OFMAP_ZEROS),
  DRAM_IFMAP_LOADS_STALL(HardwareField.DRAM_IFMAP_LOADS_STALL),
  CLOCK(HardwareField.CLOCK),
  NOC_TOPOLOGY(HardwareField.NOC_TOPOLOGY),
  NOC_LINK(HardwareField.NOC_LINK),
  NOC_IFMAP(HardwareField.NOC_IFMAP),
  NOC_FILTER(HardwareField.NOC_FILTER),
  NOC_PSUM_IN(HardwareField.NOC_PSUM_IN),
  NOC_PSUM_OUT(HardwareField.NOC_PSUM_OUT),
  NOC_HOP(HardwareField.NOC_HOP),
  NOC_MULTICAST(HardwareField.NOC_MULTICAST),
  GLB_BANKS(HardwareField.GLB_BANKS),
  GLB_PORTS(HardwareField.GLB_PORTS),
  GLB_PORT_WIDTH(HardwareField.GLB_PORT_WIDTH),
  SPAD_FILTER(HardwareField.SPAD_FILTER),
  SPAD_IFMAP(HardwareField.SPAD_IFMAP),
  SPAD_PSUM(HardwareField.SPAD_PSUM),
  RECONFIG_BITS(HardwareField.RECONFIG_BITS),
  RECONFIG_BUS(HardwareField.RECONFIG_BUS),
  RECONFIG_DRAIN(HardwareField.RECONFIG_DRAIN),
  ENERGY_MAC(HardwareField.ENERGY_MAC),
  ENERGY_RF(HardwareField.ENERGY_RF),
  ENERGY_NOC(HardwareField.ENERGY_NOC),
  ENERGY_GLB(HardwareField.ENERGY_GLB),
  ENERGY_DRAM(HardwareField.ENERGY_DRAM),
  MAPPING_SEARCH(HardwareField.MAPPING_SEARCH),
  MAPPING_MIN_UTILISATION(HardwareField.MAPPING_MIN_UTILISATION);

  private static final Param[] VALUES = values();

  private final String key;

  // Immutable in fact (List.of of enum constants); EP sees only the List interface type.
  @SuppressWarnings("ImmutableEnumChecker")
  private final List<HardwareField> fields;

  Param(HardwareField field) {
    this(field.key(), field);
  }

  Param(String key, HardwareField... fields) {
    this.key = key;
    this.fields = List.of(fields);
  }

  /** Sets this parameter to {@code value} (already checked by {@link Values}) in a draft. */
  void apply(HardwareDraft draft, String value) {
    for (HardwareField f : fields) {
      f.set(draft, value);
    }
  }

  /** The dotted name, as in hardware files and on the command line. */
  public String key() {
    return key;
  }

  HardwareField.Kind kind() {
    return fields.get(0).kind();
  }

  /** The least whole value allowed (INT and LONG); other numbers must be {@code > 0}. */
  long min() {
    return fields.get(0).min();
  }

  /** The allowed words of a CHOICE parameter, empty otherwise. */
  List<String> choices() {
    return fields.get(0).choices();
  }

  /** Whether the value is a whole number. */
  boolean whole() {
    return kind() == HardwareField.Kind.INT || kind() == HardwareField.Kind.LONG;
  }

  /** The largest whole value allowed. */
  BigDecimal max() {
    return switch (this) {
      case ARRAY_ROWS, ARRAY_COLS, ARRAY_SIZE -> BigDecimal.valueOf(Limits.MAX_ARRAY_SIDE);
      case SRAM_IFMAP, SRAM_FILTER, SRAM_OFMAP, SRAM_EACH ->
          BigDecimal.valueOf(Limits.MAX_SRAM_KIB);
      default ->
          BigDecimal.valueOf(kind() == HardwareField.Kind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE);
    };
  }

  /** The fields this parameter sets (a shorthand sets several). */
  List<Param> sets() {
    List<Param> out = new ArrayList<>();
    for (HardwareField f : fields) {
      out.add(find(f.key()).orElseThrow());
    }
    return out;
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
