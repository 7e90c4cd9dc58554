package org.tessel.sim.mapping;

import org.tessel.sim.util.IntMath;

/**
 * Cycles of each fold of a layer. Folds of one GEMM differ only in whether their row fold and their
 * column fold are the last (possibly partial) ones, so four values describe them all; groups repeat
 * the same pattern. Dataflows whose passes follow another periodic pattern (row stationary: strips
 * of different widths, each repeated over the inner loops) use {@link #repeating}.
 */
public final class FoldDurations {
  private final long rowFolds;
  private final long colFolds;
  private final long perGroup;
  private final long[] classes;

  /** For {@link #repeating}: passes per pattern entry, and the pattern; otherwise 0 and empty. */
  private final long runLength;

  private final long[] pattern;

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
    this.runLength = 0;
    this.pattern = new long[0];
  }

  private FoldDurations(long runLength, long[] pattern) {
    this.rowFolds = 1;
    this.colFolds = 1;
    this.perGroup = 1;
    this.classes = new long[0];
    this.runLength = runLength;
    this.pattern = pattern;
  }

  /**
   * Passes whose cycles repeat a pattern: pass {@code k} takes {@code cycles[(k / runLength) %
   * cycles.length]}.
   *
   * @param runLength consecutive passes with the same entry (> 0)
   * @param cycles the pattern (non-empty, every entry > 0)
   * @throws IllegalArgumentException for an empty pattern, an entry <= 0 or runLength <= 0
   */
  public static FoldDurations repeating(long runLength, long[] cycles) {
    if (runLength <= 0) {
      throw new IllegalArgumentException("runLength must be > 0, was " + runLength);
    }
    if (cycles.length == 0) {
      throw new IllegalArgumentException("at least one pass duration expected");
    }
    for (long c : cycles) {
      if (c <= 0) {
        throw new IllegalArgumentException("pass cycles must be > 0, was " + c);
      }
    }
    return new FoldDurations(runLength, cycles.clone());
  }

  /** Every fold takes {@code cycles}. */
  public static FoldDurations constant(long cycles) {
    return new FoldDurations(1, 1, new long[] {cycles, cycles, cycles, cycles});
  }

  /** Cycles of fold {@code k} (folds counted across groups, column fold outer). */
  public long cycles(long k) {
    if (pattern.length > 0) {
      return pattern[(int) ((k / runLength) % pattern.length)];
    }
    long kk = k % perGroup;
    long fr = kk % rowFolds;
    long fc = kk / rowFolds;
    return classes[(fr == rowFolds - 1 ? 2 : 0) + (fc == colFolds - 1 ? 1 : 0)];
  }

  /** Sum over the first {@code folds} folds (closed form: no loop over the folds). */
  public long total(long folds) {
    if (pattern.length > 0) {
      long period = runLength * pattern.length;
      long sum = 0;
      for (long c : pattern) {
        sum += c;
      }
      long total = folds / period * runLength * sum;
      long rest = folds % period;
      for (int j = 0; j < pattern.length && rest > 0; j++) {
        long n = Math.min(runLength, rest);
        total += n * pattern[j];
        rest -= n;
      }
      return total;
    }
    long groups = folds / perGroup;
    long perGroupCycles =
        (rowFolds - 1) * (colFolds - 1) * classes[0]
            + (rowFolds - 1) * classes[1]
            + (colFolds - 1) * classes[2]
            + classes[3];
    long sum = groups * perGroupCycles;
    for (long k = groups * perGroup; k < folds; k++) {
      sum += cycles(k);
    }
    return sum;
  }

  /**
   * The first fold {@code i} in {@code [from, limit)} whose cycles may differ from those of fold
   * {@code i - period}, or {@code limit} when none does (see {@link FoldTraffic#periodicUntil}):
   * may answer early, never late.
   *
   * @param from first fold to compare ({@code >= period})
   * @param period folds per repetition ({@code > 0})
   * @param limit end of the folds of interest
   */
  public long periodicUntil(long from, long period, long limit) {
    if (from >= limit) {
      return from;
    }
    if (pattern.length > 0) {
      if (IntMath.allEqual(pattern) || period % (runLength * pattern.length) == 0) {
        return limit;
      }
      if (period >= runLength) {
        return from;
      }
      // fold i and fold i - period share a run unless i falls in the first `period` of one
      long inRun = from % runLength;
      long next = inRun < period ? from : from - inRun + runLength;
      return Math.min(next, limit);
    }
    if (IntMath.allEqual(classes) || period % perGroup == 0) {
      return limit;
    }
    for (long i = from; i < limit; i++) {
      if (cycles(i) != cycles(i - period)) {
        return i;
      }
    }
    return limit;
  }
}
