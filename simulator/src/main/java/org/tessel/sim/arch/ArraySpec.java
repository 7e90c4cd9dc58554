package org.tessel.sim.arch;

import org.tessel.sim.limits.Limits;
import org.tessel.sim.util.Checks;

/**
 * The PE array: {@code rows x cols} processing elements, one MAC per PE per cycle.
 *
 * @param rows PE rows (SCALE-Sim ArrayHeight)
 * @param cols PE columns (SCALE-Sim ArrayWidth)
 */
public record ArraySpec(int rows, int cols) {
  /** Validates both dimensions. */
  public ArraySpec {
    Checks.positive("array.rows", rows);
    Checks.positive("array.cols", cols);
    if (rows > Limits.MAX_ARRAY_SIDE
        || cols > Limits.MAX_ARRAY_SIDE
        || (long) rows * cols > Limits.MAX_PES) {
      throw new IllegalArgumentException(
          "array: "
              + rows
              + "x"
              + cols
              + " is beyond the limits"
              + " (at most "
              + Limits.MAX_ARRAY_SIDE
              + " rows or columns and "
              + Limits.MAX_PES
              + " PEs)");
    }
  }

  /** Number of PEs. */
  public int pes() {
    return rows * cols;
  }
}
