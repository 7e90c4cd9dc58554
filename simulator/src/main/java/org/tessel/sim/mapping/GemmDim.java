package org.tessel.sim.mapping;

import org.tessel.sim.workload.GemmShape;

/** A dimension of the operand matrices (see {@link GemmShape}). */
public enum GemmDim {
  /** Ofmap rows: output pixels times batch. */
  SR,
  /** Filters. */
  SC,
  /** Reduction depth (window size). */
  T;

  /** This dimension's extent in {@code g}. */
  public long of(GemmShape g) {
    return switch (this) {
      case SR -> g.sr();
      case SC -> g.sc();
      default -> g.t();
    };
  }
}
