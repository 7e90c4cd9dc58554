package org.tessel.nas.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.tessel.nas.objective.Metric;
import org.tessel.nas.search.Candidate;
import org.tessel.nas.search.Ranking;
import org.tessel.nas.search.SearchResult;
import org.tessel.sched.Schedule;
import org.tessel.sim.report.AtomicDirectory;

/**
 * Writes a search's directory, whole or not at all (an {@link AtomicDirectory}): {@code
 * ranked.csv} (every architecture evaluated, in rank order), {@code pareto.csv} (the
 * non-dominated feasible ones), {@code pareto.svg} (two metrics and the front), {@code
 * search.txt} (what ran) and {@code schedules/<rank>_<arch index or order>.csv}, the per-layer
 * schedule of each architecture in the chosen scope.
 */
public final class SearchReport {
  /** Which architectures get a schedule file. */
  public enum Schedules {
    /** None. */
    NONE,
    /** The Pareto front. */
    FRONT,
    /** Every architecture evaluated. */
    ALL
  }

  private SearchReport() {}

  /**
   * Writes {@code r} to {@code dir} (replacing it), plotting {@code x} against {@code y}, with
   * {@code about} lines at the top of search.txt and schedules from {@code scheduler}.
   *
   * @throws IOException when a file cannot be written (nothing is left behind)
   */
  public static void write(Path dir, SearchResult r, List<String> about, Metric x, Metric y,
      List<ParetoSvg.Mark> marks, Schedules scope, Function<Candidate, Schedule> scheduler)
      throws IOException {
    List<Ranking.Entry> front = r.front();
    try (AtomicDirectory out = AtomicDirectory.begin(dir)) {
      Path d = out.dir();
      Files.writeString(d.resolve("ranked.csv"), CandidateCsv.of(r.ranked()));
      Files.writeString(d.resolve("pareto.csv"), CandidateCsv.of(front));
      Files.writeString(d.resolve("pareto.svg"), ParetoSvg.of(r.ranked(), x, y,
          r.space() + ": " + y.key() + " against " + x.key(), marks));
      StringBuilder txt = new StringBuilder();
      for (String a : about) {
        txt.append(a).append('\n');
      }
      Files.writeString(d.resolve("search.txt"), txt.append(Summary.of(r, Integer.MAX_VALUE))
          .toString());
      if (scope != Schedules.NONE) {
        Path s = Files.createDirectories(d.resolve("schedules"));
        List<Ranking.Entry> which = scope == Schedules.ALL ? r.ranked() : front;
        int rank = 1;
        for (Ranking.Entry e : which) {
          Candidate c = e.candidate();
          if (c.metrics().runs()) {
            String id = c.index() >= 0 ? Long.toString(c.index()) : "o" + c.order();
            Files.writeString(s.resolve(String.format("%04d_%s.csv", rank, id)),
                ScheduleCsv.of(scheduler.apply(c)));
          }
          rank++;
        }
      }
      out.commit();
    }
  }
}
