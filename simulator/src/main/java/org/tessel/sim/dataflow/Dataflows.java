package org.tessel.sim.dataflow;

import java.util.List;
import java.util.Optional;
import org.tessel.sim.arch.DataflowKind;

/** The known dataflows, one per {@link DataflowKind}, looked up by kind or short name. */
public final class Dataflows {
  private static final List<Dataflow> ALL =
      List.of(
          OutputStationary.INSTANCE,
          WeightStationary.INSTANCE,
          InputStationary.INSTANCE,
          RowStationary.INSTANCE);

  private Dataflows() {}

  /** Every dataflow, in the order of {@link DataflowKind}. */
  public static List<Dataflow> all() {
    return ALL;
  }

  /** The dataflow that implements {@code kind} (row stationary: the searched mapping). */
  public static Dataflow of(DataflowKind kind) {
    return ALL.get(kind.ordinal());
  }

  /** The dataflow with that short name (case-insensitive), if any. */
  public static Optional<Dataflow> find(String shortName) {
    return DataflowKind.find(shortName).map(Dataflows::of);
  }

  /** The short names, joined for error messages ({@code os|ws|is|rs}). */
  public static String names() {
    return DataflowKind.names();
  }
}
