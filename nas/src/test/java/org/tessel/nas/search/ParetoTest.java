package org.tessel.nas.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.space.Genome;

/** Non-dominated sorting, constrained domination and crowding on hand-made cases. */
final class ParetoTest {
  private static final Metrics M = new Metrics(1, 1, 1, 1, 0, 0, 0, "os", 1, 1, Map.of(), "");

  private static Candidate c(int i, double violation, double... costs) {
    List<Double> l = new ArrayList<>();
    for (double x : costs) {
      l.add(x);
    }
    return new Candidate(i, Genome.of(i), "a" + i, i, M, Double.NaN, l, violation);
  }

  @Test
  void ranks_twoObjectives_byHand() {
    // fronts: {0,1,2} (a staircase), {3,4} (each dominated by one of the first), {5}
    List<Candidate> cs =
        List.of(
            c(0, 0, 1, 5),
            c(1, 0, 2, 3),
            c(2, 0, 4, 1),
            c(3, 0, 2, 6),
            c(4, 0, 5, 2),
            c(5, 0, 6, 6));
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2}, Pareto.ranks(cs));
  }

  @Test
  void ranks_equalPoints_shareAFront_andThreeObjectivesWork() {
    List<Candidate> cs =
        List.of(
            c(0, 0, 1, 1, 1),
            c(1, 0, 1, 1, 1),
            c(2, 0, 0, 2, 2),
            c(3, 0, 2, 2, 2),
            c(4, 0, 3, 3, 0));
    assertArrayEquals(new int[] {0, 0, 0, 1, 0}, Pareto.ranks(cs));
  }

  @Test
  void infeasible_rankAfterFeasible_bySmallerViolation() {
    List<Candidate> cs =
        List.of(
            c(0, 0.5, 0, 0),
            c(1, 0, 9, 9),
            c(2, 0.1, 0, 0),
            c(3, Double.POSITIVE_INFINITY, 0, 0),
            c(4, 0.1, 5, 5));
    assertArrayEquals(new int[] {2, 0, 1, 3, 1}, Pareto.ranks(cs));
    assertTrue(Pareto.dominates(cs.get(1), cs.get(0)));
    assertTrue(Pareto.dominates(cs.get(2), cs.get(0)));
    assertFalse(Pareto.dominates(cs.get(2), cs.get(4)));
  }

  @Test
  void crowding_endsInfinite_interiorByNeighbours() {
    List<Candidate> cs = List.of(c(0, 0, 0, 4), c(1, 0, 1, 2), c(2, 0, 2, 1), c(3, 0, 4, 0));
    double[] d = Pareto.crowding(cs, Pareto.ranks(cs));
    assertEquals(Double.POSITIVE_INFINITY, d[0]);
    assertEquals(Double.POSITIVE_INFINITY, d[3]);
    assertEquals(2.0 / 4 + 3.0 / 4, d[1], 1e-12);
    assertEquals(3.0 / 4 + 2.0 / 4, d[2], 1e-12);
  }

  @Test
  void ranks_equalNaivePeeling_onRandomCases() {
    for (long seed = 1; seed <= 40; seed++) {
      java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
      int m = 2 + (int) (seed % 3);
      List<Candidate> cs = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        double[] x = new double[m];
        for (int k = 0; k < m; k++) {
          x[k] = rnd.nextInt(12);
        }
        cs.add(c(i, rnd.nextInt(6) == 0 ? rnd.nextInt(3) + 0.5 : 0, x));
      }
      int[] naive = new int[cs.size()];
      java.util.Arrays.fill(naive, -1);
      int front = 0;
      for (int left = cs.size(); left > 0; front++) {
        List<Integer> now = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
          if (naive[i] >= 0) {
            continue;
          }
          boolean dominated = false;
          for (int j = 0; j < cs.size() && !dominated; j++) {
            dominated = naive[j] < 0 && Pareto.dominates(cs.get(j), cs.get(i));
          }
          if (!dominated) {
            now.add(i);
          }
        }
        for (int i : now) {
          naive[i] = front;
        }
        left -= now.size();
      }
      final long s = seed;
      assertArrayEquals(naive, Pareto.ranks(cs), () -> "seed " + s);
    }
  }

  @Test
  void ranking_ordersByFrontThenCosts() {
    List<Candidate> cs = List.of(c(0, 0, 6, 6), c(1, 0, 4, 1), c(2, 0, 1, 5));
    List<Ranking.Entry> r = Ranking.of(cs);
    assertEquals(List.of(2, 1, 0), r.stream().map(e -> e.candidate().order()).toList());
    assertEquals(2, Ranking.front(r).size());
  }
}
