package org.tessel.sim.dataflow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The known dataflows, looked up by short name. */
public final class Dataflows {
  private static final List<Dataflow> ALL =
      List.of(OutputStationary.INSTANCE, WeightStationary.INSTANCE, InputStationary.INSTANCE,
          RowStationary.INSTANCE);

  private Dataflows() {}

  /** Every dataflow, in a fixed order. */
  public static List<Dataflow> all() {
    return ALL;
  }

  /** The dataflow with that short name (case-insensitive), if any. */
  public static Optional<Dataflow> find(String shortName) {
    String key = shortName.trim().toLowerCase(Locale.ROOT);
    for (Dataflow d : ALL) {
      if (d.shortName().equals(key)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The short names, joined for error messages ({@code os|ws|is}). */
  public static String names() {
    StringBuilder sb = new StringBuilder();
    for (Dataflow d : ALL) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(d.shortName());
    }
    return sb.toString();
  }
}
