package org.tessel.nas.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tessel.nas.objective.Metric;
import org.tessel.nas.search.Candidate;
import org.tessel.nas.search.Ranking;

/**
 * A self-contained SVG scatter of two metrics: every candidate that runs (grey, or pink when it
 * breaks a constraint; one dot per pixel, so a sweep of thousands stays small), the
 * non-dominated front in red joined in order of the x metric, and marked architectures (such as
 * published picks) as labelled black diamonds.
 */
public final class ParetoSvg {
  private static final int W = 760;
  private static final int H = 500;
  private static final int LEFT = 70;
  private static final int RIGHT = 30;
  private static final int TOP = 40;
  private static final int BOTTOM = 55;

  /**
   * An architecture to point out.
   *
   * @param label text beside it
   * @param arch its arch string
   */
  public record Mark(String label, String arch) {}

  private ParetoSvg() {}

  /** The SVG of {@code entries} with {@code x} across and {@code y} up. */
  public static String of(List<Ranking.Entry> entries, Metric x, Metric y, String title,
      List<Mark> marks) {
    List<double[]> pts = new ArrayList<>();
    for (Ranking.Entry e : entries) {
      double[] p = point(e.candidate(), x, y);
      if (p != null) {
        pts.add(p);
      }
    }
    double[] xr = range(pts, 0);
    double[] yr = range(pts, 1);
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        W, H, W, H));
    sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
        W, H));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n",
        LEFT, esc(title)));
    axes(sb, xr, yr, label(x), label(y));
    List<String> front = new ArrayList<>();
    List<Ranking.Entry> frontEntries = new ArrayList<>();
    java.util.Set<String> drawn = new java.util.HashSet<>();
    for (Ranking.Entry e : entries) {
      double[] p = point(e.candidate(), x, y);
      if (p == null) {
        continue;
      }
      if (e.front() == 0 && e.candidate().feasible()) {
        frontEntries.add(e);
        continue;
      }
      String fill = e.candidate().feasible() ? "#b8b8b8" : "#f2b8c6";
      String dot = String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\""
          + " fill=\"%s\"/>%n", px(p[0], xr), py(p[1], yr), fill);
      if (drawn.add(Math.round(px(p[0], xr)) + " " + Math.round(py(p[1], yr)) + fill)) {
        sb.append(dot);
      }
    }
    frontEntries.sort(Comparator.comparingDouble((Ranking.Entry e) ->
        point(e.candidate(), x, y)[0]).thenComparingDouble(e -> point(e.candidate(), x, y)[1]));
    for (Ranking.Entry e : frontEntries) {
      double[] p = point(e.candidate(), x, y);
      front.add(String.format(Locale.ROOT, "%.1f,%.1f", px(p[0], xr), py(p[1], yr)));
    }
    if (front.size() > 1) {
      sb.append("<polyline fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.5\" points=\"")
          .append(String.join(" ", front)).append("\"/>\n");
    }
    for (String p : front) {
      String[] xy = p.split(",", -1);
      sb.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1])
          .append("\" r=\"3.5\" fill=\"#d62728\"/>\n");
    }
    marks(sb, entries, marks, x, y, xr, yr);
    legend(sb);
    return sb.append("</svg>\n").toString();
  }

  private static void marks(StringBuilder sb, List<Ranking.Entry> entries, List<Mark> marks,
      Metric x, Metric y, double[] xr, double[] yr) {
    for (Mark m : marks) {
      for (Ranking.Entry e : entries) {
        if (!e.candidate().arch().equals(m.arch())) {
          continue;
        }
        double[] p = point(e.candidate(), x, y);
        if (p == null) {
          break;
        }
        double cx = px(p[0], xr);
        double cy = py(p[1], yr);
        sb.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl5 5l-5 5l-5 -5z\""
            + " fill=\"black\"/>%n", cx, cy - 5));
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", cx + 8,
            cy + 4, esc(m.label())));
        break;
      }
    }
  }

  private static void legend(StringBuilder sb) {
    int lx = W - RIGHT - 210;
    int ly = 18;
    sb.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"#d62728\""
        + "/><text x=\"%d\" y=\"%d\">Pareto front</text>%n", lx, ly, lx + 10, ly + 4));
    sb.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"2\" fill=\"#b8b8b8\"/>"
        + "<text x=\"%d\" y=\"%d\">evaluated</text>%n", lx + 100, ly, lx + 110, ly + 4));
  }

  private static void axes(StringBuilder sb, double[] xr, double[] yr, String xl, String yl) {
    int x0 = LEFT;
    int y0 = H - BOTTOM;
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
        + " stroke=\"black\"/>%n", x0, y0, W - RIGHT, y0));
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
        + " stroke=\"black\"/>%n", x0, y0, x0, TOP));
    for (double t : ticks(xr)) {
      double px = px(t, xr);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
          + " stroke=\"black\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
          px, y0, px, y0 + 5, px, y0 + 19, tick(t)));
    }
    for (double t : ticks(yr)) {
      double py = py(t, yr);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
          + " stroke=\"black\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
          x0 - 5, py, x0, py, x0 - 8, py + 4, tick(t)));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s"
        + "</text>%n", (x0 + W - RIGHT) / 2, H - 15, esc(xl)));
    sb.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %d) rotate(-90)\""
        + " text-anchor=\"middle\">%s</text>%n", (TOP + y0) / 2, esc(yl)));
  }

  private static double[] point(Candidate c, Metric x, Metric y) {
    if (!c.metrics().runs()) {
      return null;
    }
    double a = x.of(c.metrics(), c.accuracy());
    double b = y.of(c.metrics(), c.accuracy());
    return Double.isFinite(a) && Double.isFinite(b) ? new double[] {a, b} : null;
  }

  private static double[] range(List<double[]> pts, int k) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] p : pts) {
      lo = Math.min(lo, p[k]);
      hi = Math.max(hi, p[k]);
    }
    if (pts.isEmpty()) {
      return new double[] {0, 1};
    }
    double pad = hi > lo ? (hi - lo) * 0.04 : Math.max(Math.abs(lo) * 0.05, 1);
    return new double[] {lo - pad, hi + pad};
  }

  private static List<Double> ticks(double[] r) {
    double span = r[1] - r[0];
    double step = Math.pow(10, Math.floor(Math.log10(span / 5)));
    if (span / step > 20) {
      step *= 5;
    } else if (span / step > 10) {
      step *= 2;
    }
    List<Double> out = new ArrayList<>();
    for (double t = Math.ceil(r[0] / step) * step; t <= r[1] + 1e-12; t += step) {
      out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
    }
    return out;
  }

  private static String tick(double t) {
    return CandidateCsv.num(Double.parseDouble(String.format(Locale.ROOT, "%.6g", t)));
  }

  private static double px(double v, double[] r) {
    return LEFT + (v - r[0]) / (r[1] - r[0]) * (W - LEFT - RIGHT);
  }

  private static double py(double v, double[] r) {
    return H - BOTTOM - (v - r[0]) / (r[1] - r[0]) * (H - TOP - BOTTOM);
  }

  private static String label(Metric m) {
    return switch (m) {
      case ACCURACY -> "accuracy";
      case LATENCY -> "latency (ms)";
      case ENERGY -> "energy (uJ)";
      default -> m.key();
    };
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
