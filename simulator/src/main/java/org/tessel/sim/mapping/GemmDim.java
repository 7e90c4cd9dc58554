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
    switch (this) {
      case SR:
        return g.sr();
      case SC:
        return g.sc();
      default:
        return g.t();
    }
  }
}
