package org.tessel.nas.report;

import java.util.List;
import java.util.Locale;
import org.tessel.nas.objective.Constraint;
import org.tessel.nas.objective.Metric;
import org.tessel.nas.search.Candidate;
import org.tessel.nas.search.Ranking;
import org.tessel.nas.search.SearchResult;

/** The terminal summary of a search: what ran, why it stopped, and the top of the front. */
public final class Summary {
  private Summary() {}

  /** The summary, listing at most {@code rows} architectures of the front. */
  public static String of(SearchResult r, int rows) {
    StringBuilder sb = new StringBuilder();
    int infeasible = 0;
    for (Candidate c : r.history()) {
      infeasible += c.feasible() ? 0 : 1;
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %s, seed %d: %d architectures evaluated (%d"
                + " proposed), %d infeasible; stopped: %s%n",
            r.space(),
            r.settings().strategy().key(),
            r.settings().seed(),
            r.history().size(),
            r.proposals(),
            infeasible,
            r.stop().name().toLowerCase(Locale.ROOT)));
    StringBuilder obj = new StringBuilder();
    for (Metric m : r.scoring().objectives()) {
      obj.append(obj.length() == 0 ? "" : ", ")
          .append(m.key())
          .append(m.minimise() ? " (min)" : " (max)");
    }
    sb.append("objectives: ").append(obj);
    if (!r.scoring().constraints().isEmpty()) {
      sb.append("; constraints: ");
      for (int i = 0; i < r.scoring().constraints().size(); i++) {
        Constraint c = r.scoring().constraints().get(i);
        sb.append(i == 0 ? "" : ", ").append(c);
      }
    }
    sb.append('\n');
    List<Ranking.Entry> front = r.front();
    sb.append("Pareto front: ").append(front.size()).append(" architectures\n");
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%5s %7s", "rank", "index"));
    for (Metric m : r.scoring().objectives()) {
      head.append(String.format(Locale.ROOT, " %14s", m.column()));
    }
    sb.append(head).append("  arch\n");
    for (int i = 0; i < Math.min(rows, front.size()); i++) {
      Candidate c = front.get(i).candidate();
      sb.append(
          String.format(
              Locale.ROOT, "%5d %7s", i + 1, c.index() >= 0 ? Long.toString(c.index()) : "-"));
      for (Metric m : r.scoring().objectives()) {
        sb.append(
            String.format(
                Locale.ROOT,
                " %14s",
                CandidateCsv.num(
                    Double.parseDouble(
                        String.format(Locale.ROOT, "%.6g", m.of(c.metrics(), c.accuracy()))))));
      }
      sb.append("  ").append(c.arch()).append('\n');
    }
    if (front.size() > rows) {
      sb.append("  ... ").append(front.size() - rows).append(" more in pareto.csv\n");
    }
    return sb.toString();
  }
}
