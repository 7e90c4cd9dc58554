package org.tessel.sim.layer;

/**
 * Cycles of each fold of a layer. Folds of one GEMM differ only in whether their row fold and
 * their column fold are the last (possibly partial) ones, so four values describe them all;
 * groups repeat the same pattern.
 */
public final class FoldDurations {
  private final long rowFolds;
  private final long colFolds;
  private final long perGroup;
  private final long[] classes;

  /**
   * Durations by class {@code [lastRowFold * 2 + lastColFold]}.
   *
   * @param rowFolds row folds per GEMM
   * @param colFolds column folds per GEMM
   * @param classes four fold durations
   */
  public FoldDurations(long rowFolds, long colFolds, long[] classes) {
    if (classes.length != 4) {
      throw new IllegalArgumentException("four fold classes expected");
    }
    for (long c : classes) {
      if (c <= 0) {
        throw new IllegalArgumentException("fold cycles must be > 0, was " + c);
      }
    }
    this.rowFolds = rowFolds;
    this.colFolds = colFolds;
    this.perGroup = rowFolds * colFolds;
    this.classes = classes.clone();
  }

  /** Every fold takes {@code cycles}. */
  public static FoldDurations constant(long cycles) {
    return new FoldDurations(1, 1, new long[] {cycles, cycles, cycles, cycles});
  }

  /** Cycles of fold {@code k} (folds counted across groups, column fold outer). */
  public long cycles(long k) {
    long kk = k % perGroup;
    long fr = kk % rowFolds;
    long fc = kk / rowFolds;
    return classes[(fr == rowFolds - 1 ? 2 : 0) + (fc == colFolds - 1 ? 1 : 0)];
  }

  /** Sum over the first {@code folds} folds. */
  public long total(long folds) {
    long sum = 0;
    for (long k = 0; k < folds; k++) {
      sum += cycles(k);
    }
    return sum;
  }
}
