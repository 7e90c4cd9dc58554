package org.tessel.sim.workload;

import org.tessel.sim.util.Checks;

/**
 * The operand matrices of one GEMM, in SCALE-Sim's names: the ifmap matrix is {@code sr x t}, the
 * filter matrix {@code t x sc}, the ofmap matrix {@code sr x sc}.
 *
 * @param sr rows of the ifmap and ofmap matrices (output pixels times batch)
 * @param sc columns of the filter and ofmap matrices (filters)
 * @param t the reduction depth (window size)
 */
public record GemmShape(long sr, long sc, long t) {
  /** Validates the dimensions. */
  public GemmShape {
    Checks.positive("sr", sr);
    Checks.positive("sc", sc);
    Checks.positive("t", t);
  }

  /** Multiply-accumulates of this GEMM. */
  public long macs() {
    return sr * sc * t;
  }
}
