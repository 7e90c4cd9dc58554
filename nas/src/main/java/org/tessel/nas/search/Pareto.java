package org.tessel.nas.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Non-dominated sorting and crowding (Deb et al., "A Fast and Elitist Multiobjective Genetic
 * Algorithm: NSGA-II", IEEE TEC 2002) under constrained domination: a feasible candidate beats
 * an infeasible one, of two infeasible ones the smaller violation wins, and two feasible ones
 * compare by Pareto dominance on their costs. Fronts are found by efficient non-dominated sorting
 * with binary search (Zhang et al., IEEE TEC 2015): candidates in lexicographic order of
 * their costs, each put in the first front none of whose members dominates it, found by binary
 * search (a candidate dominated by a member of front k is dominated by one of every earlier
 * front); memory stays linear.
 */
public final class Pareto {
  private Pareto() {}

  /** Whether {@code a}'s costs are nowhere worse than {@code b}'s and somewhere better. */
  public static boolean dominates(List<Double> a, List<Double> b) {
    boolean better = false;
    for (int i = 0; i < a.size(); i++) {
      int c = Double.compare(a.get(i), b.get(i));
      if (c > 0) {
        return false;
      }
      better |= c < 0;
    }
    return better;
  }

  /** Constrained domination of {@code b} by {@code a}. */
  public static boolean dominates(Candidate a, Candidate b) {
    if (a.violation() != b.violation()) {
      return a.violation() < b.violation();
    }
    return a.feasible() && dominates(a.costs(), b.costs());
  }

  /**
   * The front of each candidate (0 is the non-dominated front). Feasible candidates come first;
   * infeasible ones follow, one front per distinct violation, smallest first.
   */
  public static int[] ranks(List<Candidate> cs) {
    int n = cs.size();
    int[] rank = new int[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Comparator<Integer> lex = (x, y) -> {
      Candidate a = cs.get(x);
      Candidate b = cs.get(y);
      for (int k = 0; k < a.costs().size(); k++) {
        int c = Double.compare(a.cost(k), b.cost(k));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x, y);
    };
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> cs.get(i).violation())
        .thenComparing(lex));
    List<List<Integer>> fronts = new ArrayList<>();
    int i = 0;
    for (; i < n && cs.get(order[i]).feasible(); i++) {
      int x = order[i];
      int lo = 0;
      int hi = fronts.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (dominatedBy(cs, x, fronts.get(mid))) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int f = lo;
      if (f == fronts.size()) {
        fronts.add(new ArrayList<>());
      }
      fronts.get(f).add(x);
      rank[x] = f;
    }
    int next = fronts.size() - 1;
    double prev = Double.NaN;
    for (; i < n; i++) {
      double v = cs.get(order[i]).violation();
      if (Double.compare(v, prev) != 0) {
        next++;
        prev = v;
      }
      rank[order[i]] = next;
    }
    return rank;
  }

  /**
   * The crowding distance of each candidate within its front: the normalised size of the box
   * its neighbours on each objective span; infinite at a front's ends, 0 for infeasible ones.
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
        s.sort(Comparator.<Integer>comparingDouble(i -> cs.get(i).cost(obj))
            .thenComparingInt(i -> i));
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
          d[s.get(j)] += (cs.get(s.get(j + 1)).cost(obj) - cs.get(s.get(j - 1)).cost(obj))
              / (hi - lo);
        }
      }
    }
    return d;
  }

  private static boolean dominatedBy(List<Candidate> cs, int x, List<Integer> front) {
    for (int j = front.size() - 1; j >= 0; j--) {
      if (dominates(cs.get(front.get(j)).costs(), cs.get(x).costs())) {
        return true;
      }
    }
    return false;
  }
}
