package org.tessel.nas.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Candidates in rank order: by front ({@link Pareto#ranks}), then by their costs in objective
 * order, then by genome, so the order is total and the same on every run.
 */
public final class Ranking {
  /**
   * A ranked candidate.
   *
   * @param candidate the candidate
   * @param front its front (0: non-dominated)
   * @param crowding its crowding distance within the front
   */
  public record Entry(Candidate candidate, int front, double crowding) {}

  private Ranking() {}

  /** {@code cs} ranked. */
  public static List<Entry> of(List<Candidate> cs) {
    int[] rank = Pareto.ranks(cs);
    double[] crowd = Pareto.crowding(cs, rank);
    List<Entry> out = new ArrayList<>(cs.size());
    for (int i = 0; i < cs.size(); i++) {
      out.add(new Entry(cs.get(i), rank[i], crowd[i]));
    }
    out.sort(ORDER);
    return out;
  }

  /** The non-dominated feasible candidates, in rank order. */
  public static List<Entry> front(List<Entry> ranked) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : ranked) {
      if (e.front() == 0 && e.candidate().feasible()) {
        out.add(e);
      }
    }
    return out;
  }

  static final Comparator<Entry> ORDER =
      (a, b) -> {
        int c = Integer.compare(a.front(), b.front());
        if (c != 0) {
          return c;
        }
        Candidate x = a.candidate();
        Candidate y = b.candidate();
        c = Double.compare(x.violation(), y.violation());
        for (int k = 0; c == 0 && k < x.costs().size(); k++) {
          c = Double.compare(x.cost(k), y.cost(k));
        }
        return c != 0 ? c : x.genome().compareTo(y.genome());
      };
}
