package org.tessel.sim.util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pareto dominance and non-dominated sorting of points that minimise every coordinate: a point is
 * on the front when no other point is as good in every coordinate and better in one; equal points
 * are all on the front. Coordinates compare as {@link Double#compare} does.
 *
 * <p>Fronts come from efficient non-dominated sorting with binary search (Zhang et al., IEEE TEC
 * 2015): points in lexicographic order (ties by index), each put in the first front none of whose
 * members dominates it, found by binary search (a point dominated by a member of front k is
 * dominated by one of every earlier front); memory stays linear.
 */
public final class Pareto {
  private Pareto() {}

  /** Whether {@code a} is nowhere greater than {@code b} and somewhere less. */
  public static boolean dominates(double[] a, double[] b) {
    boolean less = false;
    for (int k = 0; k < a.length; k++) {
      int c = Double.compare(a[k], b[k]);
      if (c > 0) {
        return false;
      }
      less |= c < 0;
    }
    return less;
  }

  /** Which of {@code points} (rows of equal length) are on the front (rank 0). */
  public static boolean[] front(double[][] points) {
    int[] rank = ranks(points);
    boolean[] on = new boolean[points.length];
    for (int i = 0; i < on.length; i++) {
      on[i] = rank[i] == 0;
    }
    return on;
  }

  /**
   * The front of each point: 0 for the non-dominated points, 1 for those dominated only by points
   * of front 0, and so on.
   */
  public static int[] ranks(double[][] points) {
    int n = points.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.comparing((Integer i) -> points[i], Pareto::lexicographic)
            .thenComparingInt(i -> i));
    int[] rank = new int[n];
    List<List<double[]>> fronts = new ArrayList<>();
    for (int x : order) {
      int lo = 0;
      int hi = fronts.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (dominatedBy(points[x], fronts.get(mid))) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      if (lo == fronts.size()) {
        fronts.add(new ArrayList<>());
      }
      fronts.get(lo).add(points[x]);
      rank[x] = lo;
    }
    return rank;
  }

  private static boolean dominatedBy(double[] p, List<double[]> front) {
    for (int j = front.size() - 1; j >= 0; j--) {
      if (dominates(front.get(j), p)) {
        return true;
      }
    }
    return false;
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
