package org.tessel.nas.search;

import java.util.Comparator;

/**
 * The order single-objective strategies select by: feasible first, then the smaller violation, then
 * the costs in objective order (the first objective decides, the others break ties), then the
 * earlier evaluation.
 */
final class Fitness {
  static final Comparator<Candidate> BETTER_FIRST =
      (a, b) -> {
        int c = Double.compare(a.violation(), b.violation());
        for (int k = 0; c == 0 && k < a.costs().size(); k++) {
          c = Double.compare(a.cost(k), b.cost(k));
        }
        return c != 0 ? c : Integer.compare(a.order(), b.order());
      };

  private Fitness() {}
}
