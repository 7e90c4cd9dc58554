package org.tessel.nas.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Non-dominated sorting and crowding (Deb et al., "A Fast and Elitist Multiobjective Genetic
 * Algorithm: NSGA-II", IEEE TEC 2002) under constrained domination: a feasible candidate beats an
 * infeasible one, of two infeasible ones the smaller violation wins, and two feasible ones compare
 * by Pareto dominance on their costs. The feasible candidates' fronts come from the one
 * non-dominated sorting, {@link org.tessel.sim.util.Pareto#ranks}.
 */
public final class Pareto {
  private Pareto() {}

  /** Constrained domination of {@code b} by {@code a}. */
  public static boolean dominates(Candidate a, Candidate b) {
    if (a.violation() != b.violation()) {
      return a.violation() < b.violation();
    }
    return a.feasible() && org.tessel.sim.util.Pareto.dominates(costs(a), costs(b));
  }

  /**
   * The front of each candidate (0 is the non-dominated front). Feasible candidates come first,
   * sorted by {@link org.tessel.sim.util.Pareto#ranks}; infeasible ones follow, one front per
   * distinct violation, smallest first.
   */
  public static int[] ranks(List<Candidate> cs) {
    int n = cs.size();
    List<Integer> feasible = new ArrayList<>();
    List<Integer> infeasible = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      (cs.get(i).feasible() ? feasible : infeasible).add(i);
    }
    double[][] costs = new double[feasible.size()][];
    for (int j = 0; j < costs.length; j++) {
      costs[j] = costs(cs.get(feasible.get(j)));
    }
    int[] feasibleRank = org.tessel.sim.util.Pareto.ranks(costs);
    int[] rank = new int[n];
    int next = -1;
    for (int j = 0; j < costs.length; j++) {
      rank[feasible.get(j)] = feasibleRank[j];
      next = Math.max(next, feasibleRank[j]);
    }
    infeasible.sort(
        Comparator.<Integer>comparingDouble(i -> cs.get(i).violation()).thenComparingInt(i -> i));
    double prev = Double.NaN;
    for (int i : infeasible) {
      double v = cs.get(i).violation();
      if (Double.compare(v, prev) != 0) {
        next++;
        prev = v;
      }
      rank[i] = next;
    }
    return rank;
  }

  /**
   * The crowding distance of each candidate within its front: the normalised size of the box its
   * neighbours on each objective span; infinite at a front's ends, 0 for infeasible ones.
   */
  public static double[] crowding(List<Candidate> cs, int[] rank) {
    int n = cs.size();
    double[] d = new double[n];
    if (n == 0) {
      return d;
    }
    int m = cs.get(0).costs().size();
    int fronts = Arrays.stream(rank).max().orElse(-1) + 1;
    List<List<Integer>> byFront = new ArrayList<>();
    for (int f = 0; f < fronts; f++) {
      byFront.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      if (cs.get(i).feasible()) {
        byFront.get(rank[i]).add(i);
      }
    }
    for (List<Integer> front : byFront) {
      for (int k = 0; k < m; k++) {
        final int obj = k;
        List<Integer> s = new ArrayList<>(front);
        s.sort(
            Comparator.<Integer>comparingDouble(i -> cs.get(i).cost(obj)).thenComparingInt(i -> i));
        if (s.isEmpty()) {
          continue;
        }
        double lo = cs.get(s.get(0)).cost(obj);
        double hi = cs.get(s.get(s.size() - 1)).cost(obj);
        d[s.get(0)] = Double.POSITIVE_INFINITY;
        d[s.get(s.size() - 1)] = Double.POSITIVE_INFINITY;
        if (hi - lo <= 0 || !Double.isFinite(hi - lo)) {
          continue;
        }
        for (int j = 1; j < s.size() - 1; j++) {
          d[s.get(j)] +=
              (cs.get(s.get(j + 1)).cost(obj) - cs.get(s.get(j - 1)).cost(obj)) / (hi - lo);
        }
      }
    }
    return d;
  }

  private static double[] costs(Candidate c) {
    double[] a = new double[c.costs().size()];
    for (int k = 0; k < a.length; k++) {
      a[k] = c.cost(k);
    }
    return a;
  }
}
