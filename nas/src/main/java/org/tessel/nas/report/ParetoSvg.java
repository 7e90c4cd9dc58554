package org.tessel.nas.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tessel.nas.objective.Metric;
import org.tessel.nas.search.Candidate;
import org.tessel.nas.search.Ranking;
import org.tessel.sim.util.svg.ScatterPlot;
import org.tessel.sim.util.svg.Svg;

/**
 * A self-contained SVG scatter of two metrics, drawn with the one {@link ScatterPlot}: every
 * candidate that runs (grey, or pink when it breaks a constraint; one dot per pixel, so a sweep of
 * thousands stays small), the non-dominated front in red joined in order of the x metric, and
 * marked architectures (such as published picks) as labelled black diamonds.
 */
public final class ParetoSvg {
  private static final ScatterPlot.Frame FRAME = new ScatterPlot.Frame(860, 560, 90, 640, 56, 480);
  private static final String FRONT = "#d62728";
  private static final String EVALUATED = "#b8b8b8";
  private static final String BREAKS = "#f2b8c6";

  /**
   * An architecture to point out.
   *
   * @param label text beside it
   * @param arch its arch string
   */
  public record Mark(String label, String arch) {}

  private ParetoSvg() {}

  /** The SVG of {@code entries} with {@code x} across and {@code y} up. */
  public static String of(
      List<Ranking.Entry> entries, Metric x, Metric y, String title, List<Mark> marks) {
    ScatterPlot plot =
        new ScatterPlot(FRAME).title(title).labels(label(x), label(y)).empty("no candidate runs");
    List<double[]> front = new ArrayList<>();
    for (Ranking.Entry e : entries) {
      double[] p = point(e.candidate(), x, y);
      if (p == null) {
        continue;
      }
      if (e.front() == 0 && e.candidate().feasible()) {
        front.add(p);
        continue;
      }
      plot.dot(
          new ScatterPlot.Dot(
              p[0],
              p[1],
              2,
              "fill=\"" + (e.candidate().feasible() ? EVALUATED : BREAKS) + "\"",
              null));
    }
    front.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
    plot.frontLine(front, false, "stroke=\"" + FRONT + "\" stroke-width=\"1.5\"");
    for (double[] p : front) {
      plot.dot(new ScatterPlot.Dot(p[0], p[1], 3.5, "fill=\"" + FRONT + "\"", null));
    }
    for (Mark m : marks) {
      for (Ranking.Entry e : entries) {
        if (e.candidate().arch().equals(m.arch())) {
          double[] p = point(e.candidate(), x, y);
          if (p != null) {
            plot.mark(new ScatterPlot.Mark(p[0], p[1], m.label()));
          }
          break;
        }
      }
    }
    return plot.legend(ParetoSvg::legend).svg();
  }

  private static void legend(Svg s) {
    int lx = FRAME.right() + 20;
    int ly = FRAME.top() + 10;
    s.circle(lx + 6, ly, 3.5, "fill=\"" + FRONT + "\"", null);
    s.text(lx + 18, ly + 4, "", "Pareto front");
    s.circle(lx + 6, ly + 20, 2, "fill=\"" + EVALUATED + "\"", null);
    s.text(lx + 18, ly + 24, "", "evaluated");
    s.circle(lx + 6, ly + 40, 2, "fill=\"" + BREAKS + "\"", null);
    s.text(lx + 18, ly + 44, "", "breaks a constraint");
    s.path("M" + (lx + 6) + " " + (ly + 55) + "l5 5l-5 5l-5 -5z", "fill=\"#000\"");
    s.text(lx + 18, ly + 64, "", "marked");
  }

  private static double @Nullable [] point(Candidate c, Metric x, Metric y) {
    if (!c.metrics().runs()) {
      return null;
    }
    double a = x.of(c.metrics(), c.accuracy());
    double b = y.of(c.metrics(), c.accuracy());
    return Double.isFinite(a) && Double.isFinite(b) ? new double[] {a, b} : null;
  }

  private static String label(Metric m) {
    return switch (m) {
      case ACCURACY -> "accuracy";
      case LATENCY -> "latency (ms)";
      case ENERGY -> "energy (uJ)";
      default -> m.key();
    };
  }
}
