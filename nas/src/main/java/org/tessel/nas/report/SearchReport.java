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
import org.tessel.sim.output.OutputPolicy;
import org.tessel.sim.output.RunFolder;

/**
 * Writes a search's folder through a {@link RunFolder} (each file atomically; other files in the
 * folder are kept): {@code ranked.csv} (every architecture evaluated, in rank order), {@code
 * pareto.csv} (the non-dominated feasible ones), {@code pareto.svg} (two metrics and the front),
 * {@code search.txt} (what ran) and {@code schedules/<rank>_<arch index or order>.csv}, the
 * per-layer schedule of each architecture in the chosen scope.
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

  /**
   * What goes into the directory besides the result.
   *
   * @param about lines at the top of search.txt (space, hardware, settings)
   * @param title the plot's title
   * @param x the metric across the plot
   * @param y the metric up the plot
   * @param marks architectures to point out on the plot
   * @param schedules whose per-layer schedules to write
   */
  public record Options(
      List<String> about,
      String title,
      Metric x,
      Metric y,
      List<ParetoSvg.Mark> marks,
      Schedules schedules) {
    /** Copies the lists. */
    public Options {
      about = List.copyOf(about);
      marks = List.copyOf(marks);
    }
  }

  private SearchReport() {}

  /**
   * Writes {@code r} to {@code dir}, with schedules from {@code scheduler}, under the default
   * {@link OutputPolicy}.
   *
   * @throws IOException when a file cannot be written (nothing is left behind)
   */
  public static void write(
      Path dir, SearchResult r, Options o, Function<Candidate, Schedule> scheduler)
      throws IOException {
    write(dir, r, o, scheduler, OutputPolicy.DEFAULT);
  }

  /**
   * Writes {@code r} to {@code dir}, with schedules from {@code scheduler}, replacing only the
   * files this writes and only as {@code policy} allows.
   *
   * @throws org.tessel.sim.config.ConfigException when the policy refuses a file (nothing is
   *     written)
   * @throws IOException when a file cannot be written (nothing is left behind)
   */
  public static void write(
      Path dir,
      SearchResult r,
      Options o,
      Function<Candidate, Schedule> scheduler,
      OutputPolicy policy)
      throws IOException {
    List<Ranking.Entry> front = r.front();
    try (RunFolder out = RunFolder.begin(dir, policy)) {
      Path d = out.dir();
      Files.writeString(d.resolve("ranked.csv"), CandidateCsv.of(r.ranked()));
      Files.writeString(d.resolve("pareto.csv"), CandidateCsv.of(front));
      Files.writeString(
          d.resolve("pareto.svg"), ParetoSvg.of(r.ranked(), o.x(), o.y(), o.title(), o.marks()));
      StringBuilder txt = new StringBuilder();
      for (String a : o.about()) {
        txt.append(a).append('\n');
      }
      Files.writeString(
          d.resolve("search.txt"), txt.append(Summary.of(r, Integer.MAX_VALUE)).toString());
      if (o.schedules() != Schedules.NONE) {
        Path s = Files.createDirectories(d.resolve("schedules"));
        List<Ranking.Entry> which = o.schedules() == Schedules.ALL ? r.ranked() : front;
        int rank = 1;
        for (Ranking.Entry e : which) {
          Candidate c = e.candidate();
          if (c.metrics().runs()) {
            String id = c.index() >= 0 ? Long.toString(c.index()) : "o" + c.order();
            Files.writeString(
                s.resolve(String.format("%04d_%s.csv", rank, id)),
                ScheduleCsv.of(scheduler.apply(c)));
          }
          rank++;
        }
      }
      out.commit();
    }
  }
}
