package org.tessel.sim.arch;

import java.util.Locale;
import java.util.Optional;

/**
 * The dataflows an array can be configured for, as named in files and on the command line. This is
 * the hardware's setting; the behaviour of each (fold plans, whole-layer mappings) lives in {@code
 * org.tessel.sim.dataflow}.
 */
public enum DataflowKind {
  /** Output stationary, a systolic dataflow. */
  OS("os", "output stationary", true),
  /** Weight stationary, a systolic dataflow. */
  WS("ws", "weight stationary", true),
  /** Input stationary, a systolic dataflow. */
  IS("is", "input stationary", true),
  /** Row stationary (Eyeriss), mapped whole layer at a time on X/Y buses. */
  RS("rs", "row stationary", false);

  private static final DataflowKind[] VALUES = values();

  private final String shortName;
  private final String displayName;
  private final boolean systolic;

  DataflowKind(String shortName, String displayName, boolean systolic) {
    this.shortName = shortName;
    this.displayName = displayName;
    this.systolic = systolic;
  }

  /** Short name used in files and on the command line ({@code os}, {@code ws}, ...). */
  public String shortName() {
    return shortName;
  }

  /** Human-readable name. */
  public String displayName() {
    return displayName;
  }

  /** True for the systolic family, which runs on a systolic mesh; false for row stationary. */
  public boolean systolic() {
    return systolic;
  }

  /** The kind with that short name (case-insensitive, trimmed), if any. */
  public static Optional<DataflowKind> find(String shortName) {
    String key = shortName.trim().toLowerCase(Locale.ROOT);
    for (DataflowKind k : VALUES) {
      if (k.shortName.equals(key)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The short names in declaration order, joined for error messages ({@code os|ws|is|rs}). */
  public static String names() {
    StringBuilder sb = new StringBuilder();
    for (DataflowKind k : VALUES) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(k.shortName);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return shortName;
  }
}
