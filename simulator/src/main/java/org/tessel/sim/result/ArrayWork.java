package org.tessel.sim.result;

import org.tessel.sim.util.Checks;

/**
 * What a layer did on the PE array.
 *
 * @param macs multiply-accumulates performed (the layer's MACs times the batch)
 * @param folds folds or passes executed on the array (0 for vector layers)
 * @param usedPeFoldSum sum over folds of the PEs mapped (for mapping efficiency)
 * @param foldCycles cycles of one fold (0 for vector layers)
 */
public record ArrayWork(long macs, long folds, long usedPeFoldSum, long foldCycles) {
  /** No work on the array (element-wise layers run on the vector unit). */
  public static final ArrayWork NONE = new ArrayWork(0, 0, 0, 0);

  /** Checks every count is non-negative. */
  public ArrayWork {
    Checks.nonNegative("macs", macs);
    Checks.nonNegative("folds", folds);
    Checks.nonNegative("usedPeFoldSum", usedPeFoldSum);
    Checks.nonNegative("foldCycles", foldCycles);
  }
}
