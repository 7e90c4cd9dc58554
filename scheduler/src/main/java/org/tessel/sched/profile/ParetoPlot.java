package org.tessel.sched.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tessel.sim.util.Pareto;
import org.tessel.sim.util.svg.Html;
import org.tessel.sim.util.svg.PlotAxis;
import org.tessel.sim.util.svg.ScatterPlot;
import org.tessel.sim.util.svg.Svg;

/**
 * The Pareto front of a sweep as a self-contained SVG scatter plot (latency against energy, on-chip
 * storage as colour, front points large and outlined, the latency-energy front as a dashed step
 * line, each point's values in its tooltip) and as an HTML page holding the plot and a table of the
 * front. No scripts, no external resources; the same results give the same bytes.
 */
public final class ParetoPlot {
  private static final ScatterPlot.Frame FRAME = new ScatterPlot.Frame(860, 560, 90, 640, 56, 480);
  private static final String[] VIRIDIS = {"#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"};

  private ParetoPlot() {}

  /** Indices of the feasible points on the latency-energy-area front, by latency. */
  public static List<Integer> front(List<PointResult> results) {
    List<Integer> feasible = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).feasible()) {
        feasible.add(i);
      }
    }
    double[][] pts = new double[feasible.size()][];
    for (int k = 0; k < pts.length; k++) {
      PointResult r = results.get(feasible.get(k));
      pts[k] = new double[] {r.latencyMs(), r.energyPj(), r.onChipBytes()};
    }
    boolean[] on = Pareto.front(pts);
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < pts.length; k++) {
      if (on[k]) {
        out.add(feasible.get(k));
      }
    }
    out.sort(
        Comparator.comparingDouble((Integer i) -> results.get(i).latencyMs())
            .thenComparingDouble(i -> results.get(i).energyPj())
            .thenComparingLong(i -> results.get(i).onChipBytes())
            .thenComparingInt(i -> i));
    return out;
  }

  /** The SVG document of the sweep {@code spec} with {@code results} in grid order. */
  public static String svg(ProfileSpec spec, List<PointResult> results) {
    List<Param> params = spec.grid().params();
    List<Integer> front = front(results);
    boolean[] onFront = new boolean[results.size()];
    front.forEach(i -> onFront[i] = true);
    List<Integer> shown = new ArrayList<>();
    double maxL = 0;
    double maxE = 0;
    long minA = Long.MAX_VALUE;
    long maxA = 0;
    for (int i = 0; i < results.size(); i++) {
      PointResult r = results.get(i);
      if (!r.feasible()) {
        continue;
      }
      shown.add(i);
      maxL = Math.max(maxL, r.latencyMs());
      maxE = Math.max(maxE, r.energyPj());
      minA = Math.min(minA, r.onChipBytes());
      maxA = Math.max(maxA, r.onChipBytes());
    }
    ScatterPlot plot =
        new ScatterPlot(FRAME)
            .title(
                spec.network().name()
                    + " on "
                    + spec.hardware().name()
                    + ": "
                    + results.size()
                    + " points, "
                    + front.size()
                    + " on the latency-energy-area Pareto front")
            .empty("no feasible point");
    if (shown.isEmpty()) {
      return plot.svg();
    }
    PlotAxis.Unit lu = PlotAxis.unit(maxL * 1000, 1000, "µs", "ms", "s");
    double lScale = 1000 / lu.divisor();
    PlotAxis.Unit eu = PlotAxis.unit(maxE, 1000, "pJ", "nJ", "µJ", "mJ", "J");
    PlotAxis.Unit au = PlotAxis.unit((double) maxA, 1024, "B", "KiB", "MiB", "GiB");
    PlotAxis c = new PlotAxis(minA / au.divisor(), maxA / au.divisor(), 0, 1);
    plot.labels("latency (" + lu.name() + ")", "energy (" + eu.name() + ")");

    // the latency-energy front as a step line
    double[][] le = new double[shown.size()][];
    for (int k = 0; k < le.length; k++) {
      PointResult r = results.get(shown.get(k));
      le[k] = new double[] {r.latencyMs(), r.energyPj()};
    }
    boolean[] on2 = Pareto.front(le);
    List<double[]> steps = new ArrayList<>();
    for (int k = 0; k < le.length; k++) {
      if (on2[k]) {
        steps.add(new double[] {le[k][0] * lScale, le[k][1] / eu.divisor()});
      }
    }
    steps.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
    plot.frontLine(steps, true, "stroke=\"#888\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"");

    double loA = minA / au.divisor();
    double hiA = maxA / au.divisor();
    for (int pass = 0; pass < 2; pass++) {
      for (int i : shown) {
        if (onFront[i] != (pass == 1)) {
          continue;
        }
        PointResult r = results.get(i);
        String fill = colour(shade(c, r.onChipBytes() / au.divisor(), loA, hiA));
        plot.dot(
            new ScatterPlot.Dot(
                r.latencyMs() * lScale,
                r.energyPj() / eu.divisor(),
                pass == 1 ? 6 : 3.5,
                "fill=\""
                    + fill
                    + "\""
                    + (pass == 1
                        ? " stroke=\"#000\" stroke-width=\"1.5\""
                        : " fill-opacity=\"0.6\""),
                tooltip(params, r, onFront[i])));
      }
    }
    int infeasible = results.size() - shown.size();
    long areaLo = minA;
    long areaHi = maxA;
    return plot.legend(s -> legend(s, c, au, areaLo, areaHi))
        .footnote(
            "objective "
                + spec.objective().shortName()
                + ", batch "
                + spec.batch()
                + "; "
                + shown.size()
                + " feasible points"
                + (infeasible > 0 ? ", " + infeasible + " infeasible (not shown)" : "")
                + "; hover a point for its parameters")
        .svg();
  }

  private static void legend(Svg s, PlotAxis c, PlotAxis.Unit au, long minA, long maxA) {
    int bx = 680;
    int by0 = 96;
    int by1 = 336;
    int top = FRAME.top();
    s.text(bx, top + 10, "font-size=\"13\"", "on-chip storage");
    s.text(bx, top + 26, "font-size=\"13\"", "(area proxy, " + au.name() + ")");
    StringBuilder g =
        new StringBuilder(
            "<defs><linearGradient id=\"area\" x1=\"0\" y1=\"1\"" + " x2=\"0\" y2=\"0\">");
    for (int k = 0; k < VIRIDIS.length; k++) {
      g.append("<stop offset=\"")
          .append(Svg.num(k / (double) (VIRIDIS.length - 1)))
          .append("\" stop-color=\"")
          .append(VIRIDIS[k])
          .append("\"/>");
    }
    s.raw(g.append("</linearGradient></defs>\n").toString());
    s.rect(bx, by0, 18, by1 - by0, "fill=\"url(#area)\" stroke=\"#444\"", null);
    // the colour bar runs over the data range: its ticks are the axis ticks inside it
    double lo = minA / au.divisor();
    double hi = maxA / au.divisor();
    List<Double> ticks = new ArrayList<>();
    ticks.add(lo);
    for (double t : c.ticks()) {
      if (t > lo && t < hi) {
        ticks.add(t);
      }
    }
    if (hi > lo) {
      ticks.add(hi);
    }
    for (double t : ticks) {
      double f = hi > lo ? shade(c, t, lo, hi) : 0;
      double py = by1 - f * (by1 - by0);
      s.line(bx + 18, py, bx + 23, py, "stroke=\"#444\"");
      s.text(bx + 27, py + 4, "", PlotAxis.label(t));
    }
    int ly = 380;
    s.circle(
        bx + 6, ly, 6, "fill=\"" + VIRIDIS[2] + "\" stroke=\"#000\" stroke-width=\"1.5\"", null);
    s.text(bx + 18, ly + 4, "", "Pareto front");
    s.text(bx + 18, ly + 18, "fill=\"#555\"", "(latency, energy, area)");
    s.circle(bx + 6, ly + 40, 3.5, "fill=\"" + VIRIDIS[2] + "\" fill-opacity=\"0.6\"", null);
    s.text(bx + 18, ly + 44, "", "other points");
    s.line(
        bx,
        ly + 66,
        bx + 14,
        ly + 66,
        "stroke=\"#888\" stroke-width=\"1.5\"" + " stroke-dasharray=\"5 4\"");
    s.text(bx + 18, ly + 70, "", "latency-energy front");
  }

  /** Where {@code v} lies between {@code lo} and {@code hi} on {@code c}'s scale, 0 to 1. */
  private static double shade(PlotAxis c, double v, double lo, double hi) {
    double a = c.pixel(lo);
    double b = c.pixel(hi);
    return b > a ? (c.pixel(v) - a) / (b - a) : 0.5;
  }

  /** The colour of {@code t} in 0..1 on the viridis ramp. */
  static String colour(double t) {
    double u = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
    int k = Math.min(VIRIDIS.length - 2, (int) Math.floor(u));
    double f = u - k;
    int a = Integer.parseInt(VIRIDIS[k].substring(1), 16);
    int b = Integer.parseInt(VIRIDIS[k + 1].substring(1), 16);
    int rgb = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int ca = (a >> shift) & 0xff;
      int cb = (b >> shift) & 0xff;
      rgb |= (int) Math.round(ca + f * (cb - ca)) << shift;
    }
    return String.format(Locale.ROOT, "#%06x", rgb);
  }

  private static String tooltip(List<Param> params, PointResult r, boolean front) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < params.size(); k++) {
      sb.append(params.get(k).key()).append('=').append(r.values().get(k)).append('\n');
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%d cycles, %.4f ms, %.4g pJ, %d on-chip bytes," + " utilisation %.3f, %s",
            r.cycles(),
            r.latencyMs(),
            r.energyPj(),
            r.onChipBytes(),
            r.utilisation(),
            r.dataflows()));
    return sb.append(front ? "\non the Pareto front" : "").toString();
  }

  /** The HTML page: the plot and a table of the front. */
  public static String html(ProfileSpec spec, List<PointResult> results) {
    List<Param> params = spec.grid().params();
    List<Integer> front = front(results);
    String title = "tessel profile: " + spec.network().name() + " on " + spec.hardware().name();
    StringBuilder sb = new StringBuilder();
    Html.pageStart(
        sb,
        title,
        "body{font-family:sans-serif;margin:24px;color:#222}\n"
            + "table{border-collapse:collapse;font-size:13px}\n"
            + "th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}\n"
            + "th{background:#f2f2f2}\n");
    sb.append("<h1>")
        .append(esc(title))
        .append("</h1>\n<p>")
        .append(results.size())
        .append(" points, objective ")
        .append(spec.objective().shortName())
        .append(", batch ")
        .append(spec.batch())
        .append(". Area proxy: on-chip storage, ")
        .append(esc(AreaProxy.DEFINITION))
        .append(".</p>\n");
    sb.append(svg(spec, results));
    sb.append("<h2>Pareto front (latency, energy, on-chip storage): ")
        .append(front.size())
        .append(" points</h2>\n<table>\n<tr>");
    for (Param p : params) {
      sb.append("<th>").append(esc(p.key())).append("</th>");
    }
    sb.append(
        "<th>cycles</th><th>latency (ms)</th><th>energy (pJ)</th><th>utilisation</th>"
            + "<th>on-chip bytes</th><th>dataflows</th></tr>\n");
    for (int i : front) {
      PointResult r = results.get(i);
      sb.append("<tr>");
      for (String v : r.values()) {
        sb.append("<td>").append(esc(v)).append("</td>");
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "<td>%d</td><td>%.6f</td><td>%.1f</td><td>%.4f</td>"
                  + "<td>%d</td><td>%s</td></tr>%n",
              r.cycles(),
              r.latencyMs(),
              r.energyPj(),
              r.utilisation(),
              r.onChipBytes(),
              esc(r.dataflows())));
    }
    sb.append("</table>\n");
    Html.pageEnd(sb);
    return sb.toString();
  }

  private static String esc(String s) {
    return Html.escape(s);
  }
}
