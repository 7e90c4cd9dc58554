package org.tessel.nas.rank;

import java.util.Arrays;

/**
 * Kendall's rank correlation tau-b (Kendall 1945): {@code (C - D) / sqrt((n0 - n1) (n0 - n2))} over
 * all pairs, with {@code C} and {@code D} the concordant and discordant pairs, {@code n0} the pairs
 * and {@code n1}, {@code n2} the pairs tied in x and in y. 1 when the two orders agree, -1 when
 * they are reversed, 0 when unrelated.
 *
 * <p>Computed in {@code O(n log n)} by Knight's method (W. R. Knight, "A Computer Method for
 * Calculating Kendall's Tau with Ungrouped Data", JASA 61(314), 1966), as SciPy's {@code
 * kendalltau} does: sort by x then y, count the tied pairs, and count the discordant pairs as the
 * swaps a merge sort by y makes; then {@code C - D = n0 - n1 - n2 + n3 - 2 D}, with {@code n3} the
 * pairs tied in both. Values are ordered and tied as {@link Double#compare} orders them.
 */
public final class KendallTau {
  private KendallTau() {}

  /**
   * Tau-b of {@code x} and {@code y} (equal lengths, at least two values, no NaN); NaN when either
   * is constant.
   *
   * @throws IllegalArgumentException for different lengths, fewer than two values, or NaN
   */
  public static double tauB(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException(
          "kendall: need two series of equal length >= 2, got " + x.length + " and " + y.length);
    }
    int n = x.length;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
        throw new IllegalArgumentException("kendall: value " + i + " is NaN");
      }
    }
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    Arrays.sort(
        boxed,
        (a, b) -> {
          int c = Double.compare(x[a], x[b]);
          return c != 0 ? c : Double.compare(y[a], y[b]);
        });
    double[] ys = new double[n];
    long tiedX = 0;
    long tiedBoth = 0;
    int runX = 1;
    int runBoth = 1;
    for (int k = 0; k < n; k++) {
      int i = boxed[k];
      ys[k] = y[i];
      if (k == 0) {
        continue;
      }
      int p = boxed[k - 1];
      if (Double.compare(x[p], x[i]) == 0) {
        runX++;
        runBoth = Double.compare(y[p], y[i]) == 0 ? runBoth + 1 : 1;
      } else {
        runX = 1;
        runBoth = 1;
      }
      tiedX += runX - 1;
      tiedBoth += runBoth - 1;
    }
    long discordant = mergeSortSwaps(ys, new double[n], 0, n);
    long tiedY = 0;
    int runY = 1;
    for (int k = 1; k < n; k++) {
      runY = Double.compare(ys[k - 1], ys[k]) == 0 ? runY + 1 : 1;
      tiedY += runY - 1;
    }
    long pairs = (long) n * (n - 1) / 2;
    double denom = Math.sqrt((double) (pairs - tiedX) * (pairs - tiedY));
    long concordantMinusDiscordant = pairs - tiedX - tiedY + tiedBoth - 2 * discordant;
    return denom == 0 ? Double.NaN : concordantMinusDiscordant / denom;
  }

  /**
   * Sorts {@code a[from, to)} by {@link Double#compare} (stable) and returns the number of pairs it
   * had out of order (equal values are in order).
   */
  private static long mergeSortSwaps(double[] a, double[] tmp, int from, int to) {
    if (to - from < 2) {
      return 0;
    }
    int mid = (from + to) >>> 1;
    long swaps = mergeSortSwaps(a, tmp, from, mid) + mergeSortSwaps(a, tmp, mid, to);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      if (Double.compare(a[i], a[j]) <= 0) {
        tmp[k++] = a[i++];
      } else {
        swaps += mid - i;
        tmp[k++] = a[j++];
      }
    }
    while (i < mid) {
      tmp[k++] = a[i++];
    }
    while (j < to) {
      tmp[k++] = a[j++];
    }
    System.arraycopy(tmp, from, a, from, to - from);
    return swaps;
  }
}
