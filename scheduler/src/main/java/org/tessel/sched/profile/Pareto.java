package org.tessel.sched.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pareto fronts of points that minimise every coordinate: a point is on the front when no other
 * point is as good in every coordinate and better in one. Equal points are all on the front.
 *
 * <p>Points are visited in lexicographic order; a point can only be dominated by one before it,
 * and if some point dominates it then a front point does (domination is transitive), so each
 * point is compared with the front found so far only: {@code O(n log n + n * front)}.
 */
public final class Pareto {
  private Pareto() {}

  /** Which of {@code points} (rows of equal length) are on the front. */
  public static boolean[] front(double[][] points) {
    Integer[] order = new Integer[points.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing((Integer i) -> points[i], Pareto::lexicographic)
        .thenComparingInt(i -> i));
    boolean[] on = new boolean[points.length];
    List<double[]> front = new ArrayList<>();
    for (int i : order) {
      boolean dominated = false;
      for (double[] f : front) {
        if (dominates(f, points[i])) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        on[i] = true;
        front.add(points[i]);
      }
    }
    return on;
  }

  /** Whether {@code a} is at most {@code b} everywhere and less somewhere. */
  public static boolean dominates(double[] a, double[] b) {
    boolean less = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
      less |= a[k] < b[k];
    }
    return less;
  }

  private static int lexicographic(double[] a, double[] b) {
    for (int k = 0; k < a.length; k++) {
      int c = Double.compare(a[k], b[k]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
