package org.tessel.sched.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tessel.sim.util.Pareto;

/**
 * The Pareto front of a sweep as a self-contained SVG scatter plot (latency against energy,
 * on-chip storage as colour, front points large and outlined, the latency-energy front as a
 * dashed step line, each point's values in its tooltip) and as an HTML page holding the plot and a
 * table of the front. No scripts, no external resources; the same results give the same bytes.
 */
public final class ParetoPlot {
  private static final int WIDTH = 860;
  private static final int HEIGHT = 560;
  private static final int LEFT = 90;
  private static final int RIGHT = 640;
  private static final int TOP = 56;
  private static final int BOTTOM = 480;
  private static final String[] VIRIDIS = {"#440154", "#3b528b", "#21918c", "#5ec962",
      "#fde725"};

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
    out.sort(Comparator.comparingDouble((Integer i) -> results.get(i).latencyMs())
        .thenComparingDouble(i -> results.get(i).energyPj())
        .thenComparingLong(i -> results.get(i).onChipBytes()).thenComparingInt(i -> i));
    return out;
  }

  /** The SVG document of the sweep {@code spec} with {@code results} in grid order. */
  public static String svg(ProfileSpec spec, List<PointResult> results) {
    List<Param> params = spec.grid().params();
    List<Integer> front = front(results);
    boolean[] onFront = new boolean[results.size()];
    front.forEach(i -> onFront[i] = true);
    List<Integer> shown = new ArrayList<>();
    double minL = Double.MAX_VALUE;
    double maxL = 0;
    double minE = Double.MAX_VALUE;
    double maxE = 0;
    long minA = Long.MAX_VALUE;
    long maxA = 0;
    for (int i = 0; i < results.size(); i++) {
      PointResult r = results.get(i);
      if (!r.feasible()) {
        continue;
      }
      shown.add(i);
      minL = Math.min(minL, r.latencyMs());
      maxL = Math.max(maxL, r.latencyMs());
      minE = Math.min(minE, r.energyPj());
      maxE = Math.max(maxE, r.energyPj());
      minA = Math.min(minA, r.onChipBytes());
      maxA = Math.max(maxA, r.onChipBytes());
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    text(sb, WIDTH / 2.0, 24, "middle", "font-size=\"15\" font-weight=\"bold\"",
        spec.network().name() + " on " + spec.hardware().name() + ": " + results.size()
            + " points, " + front.size() + " on the latency-energy-area Pareto front");
    if (shown.isEmpty()) {
      text(sb, WIDTH / 2.0, HEIGHT / 2.0, "middle", "", "no feasible point");
      return sb.append("</svg>\n").toString();
    }
    PlotAxis.Unit lu = PlotAxis.unit(maxL * 1000, 1000, "µs", "ms", "s");
    double lScale = 1000 / lu.divisor();
    PlotAxis.Unit eu = PlotAxis.unit(maxE, 1000, "pJ", "nJ", "µJ", "mJ", "J");
    PlotAxis.Unit au = PlotAxis.unit(maxA, 1024, "B", "KiB", "MiB", "GiB");
    PlotAxis x = new PlotAxis(minL * lScale, maxL * lScale, LEFT, RIGHT);
    PlotAxis y = new PlotAxis(minE / eu.divisor(), maxE / eu.divisor(), BOTTOM, TOP);
    PlotAxis c = new PlotAxis(minA / au.divisor(), maxA / au.divisor(), 0, 1);
    sb.append("<g stroke=\"#e3e3e3\">\n");
    for (double t : x.ticks()) {
      line(sb, x.pixel(t), TOP, x.pixel(t), BOTTOM, "");
    }
    for (double t : y.ticks()) {
      line(sb, LEFT, y.pixel(t), RIGHT, y.pixel(t), "");
    }
    sb.append("</g>\n");
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
        + " fill=\"none\" stroke=\"#444\"/>%n", LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP));
    for (double t : x.ticks()) {
      text(sb, x.pixel(t), BOTTOM + 16, "middle", "", PlotAxis.label(t));
    }
    for (double t : y.ticks()) {
      text(sb, LEFT - 6, y.pixel(t) + 4, "end", "", PlotAxis.label(t));
    }
    text(sb, (LEFT + RIGHT) / 2.0, BOTTOM + 38, "middle", "font-size=\"13\"",
        "latency (" + lu.name() + ")" + (x.log() ? ", log scale" : ""));
    sb.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"0\" text-anchor=\"middle\""
        + " font-size=\"13\" transform=\"translate(%d %.1f) rotate(-90)\">%s</text>%n", 28,
        (TOP + BOTTOM) / 2.0, esc("energy (" + eu.name() + ")" + (y.log() ? ", log scale"
            : ""))));

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
        steps.add(le[k]);
      }
    }
    steps.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
    StringBuilder path = new StringBuilder();
    for (int k = 0; k < steps.size(); k++) {
      double px = x.pixel(steps.get(k)[0] * lScale);
      double py = y.pixel(steps.get(k)[1] / eu.divisor());
      if (k == 0) {
        path.append(String.format(Locale.ROOT, "M%.1f %.1f", px, py));
      } else {
        path.append(String.format(Locale.ROOT, " H%.1f V%.1f", px, py));
      }
    }
    sb.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#888\""
        + " stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>\n");

    for (int pass = 0; pass < 2; pass++) {
      for (int i : shown) {
        if (onFront[i] != (pass == 1)) {
          continue;
        }
        PointResult r = results.get(i);
        String fill = colour(shade(c, r.onChipBytes() / au.divisor(), minA / au.divisor(),
            maxA / au.divisor()));
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\""
            + " fill=\"%s\"%s>", x.pixel(r.latencyMs() * lScale),
            y.pixel(r.energyPj() / eu.divisor()), pass == 1 ? "6" : "3.5", fill,
            pass == 1 ? " stroke=\"#000\" stroke-width=\"1.5\"" : " fill-opacity=\"0.6\""));
        sb.append("<title>").append(esc(tooltip(params, r, onFront[i]))).append("</title>");
        sb.append("</circle>\n");
      }
    }
    legend(sb, c, au, minA, maxA);
    int infeasible = results.size() - shown.size();
    text(sb, LEFT, HEIGHT - 18, "start", "fill=\"#555\"", "objective " + spec.objective()
        .shortName() + ", batch " + spec.batch() + "; " + shown.size() + " feasible points"
        + (infeasible > 0 ? ", " + infeasible + " infeasible (not shown)" : "")
        + "; hover a point for its parameters");
    return sb.append("</svg>\n").toString();
  }

  private static void legend(StringBuilder sb, PlotAxis c, PlotAxis.Unit au, long minA,
      long maxA) {
    int bx = 680;
    int by0 = 96;
    int by1 = 336;
    text(sb, bx, TOP + 10, "start", "font-size=\"13\"", "on-chip storage");
    text(sb, bx, TOP + 26, "start", "font-size=\"13\"", "(area proxy, " + au.name() + ")");
    sb.append("<defs><linearGradient id=\"area\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
    for (int k = 0; k < VIRIDIS.length; k++) {
      sb.append(String.format(Locale.ROOT, "<stop offset=\"%.2f\" stop-color=\"%s\"/>",
          k / (double) (VIRIDIS.length - 1), VIRIDIS[k]));
    }
    sb.append("</linearGradient></defs>\n");
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"%d\""
        + " fill=\"url(#area)\" stroke=\"#444\"/>%n", bx, by0, by1 - by0));
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
      line(sb, bx + 18, py, bx + 23, py, " stroke=\"#444\"");
      text(sb, bx + 27, py + 4, "start", "", PlotAxis.label(t));
    }
    int ly = 380;
    sb.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"%s\""
        + " stroke=\"#000\" stroke-width=\"1.5\"/>%n", bx + 6, ly, VIRIDIS[2]));
    text(sb, bx + 18, ly + 4, "start", "", "Pareto front");
    text(sb, bx + 18, ly + 18, "start", "fill=\"#555\"", "(latency, energy, area)");
    sb.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"%s\""
        + " fill-opacity=\"0.6\"/>%n", bx + 6, ly + 40, VIRIDIS[2]));
    text(sb, bx + 18, ly + 44, "start", "", "other points");
    line(sb, bx, ly + 66, bx + 14, ly + 66, " stroke=\"#888\" stroke-width=\"1.5\""
        + " stroke-dasharray=\"5 4\"");
    text(sb, bx + 18, ly + 70, "start", "", "latency-energy front");
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
    sb.append(String.format(Locale.ROOT, "%d cycles, %.4f ms, %.4g pJ, %d on-chip bytes,"
        + " utilisation %.3f, %s", r.cycles(), r.latencyMs(), r.energyPj(), r.onChipBytes(),
        r.utilisation(), r.dataflows()));
    return sb.append(front ? "\non the Pareto front" : "").toString();
  }

  /** The HTML page: the plot and a table of the front. */
  public static String html(ProfileSpec spec, List<PointResult> results) {
    List<Param> params = spec.grid().params();
    List<Integer> front = front(results);
    String title = "tessel profile: " + spec.network().name() + " on " + spec.hardware().name();
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(title)).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:24px;color:#222}\n")
        .append("table{border-collapse:collapse;font-size:13px}\n")
        .append("th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}\n")
        .append("th{background:#f2f2f2}\n</style>\n</head>\n<body>\n<h1>").append(esc(title))
        .append("</h1>\n<p>").append(results.size()).append(" points, objective ")
        .append(spec.objective().shortName()).append(", batch ").append(spec.batch())
        .append(". Area proxy: on-chip storage, ").append(esc(AreaProxy.DEFINITION))
        .append(".</p>\n");
    sb.append(svg(spec, results));
    sb.append("<h2>Pareto front (latency, energy, on-chip storage): ").append(front.size())
        .append(" points</h2>\n<table>\n<tr>");
    for (Param p : params) {
      sb.append("<th>").append(esc(p.key())).append("</th>");
    }
    sb.append("<th>cycles</th><th>latency (ms)</th><th>energy (pJ)</th><th>utilisation</th>"
        + "<th>on-chip bytes</th><th>dataflows</th></tr>\n");
    for (int i : front) {
      PointResult r = results.get(i);
      sb.append("<tr>");
      for (String v : r.values()) {
        sb.append("<td>").append(esc(v)).append("</td>");
      }
      sb.append(String.format(Locale.ROOT, "<td>%d</td><td>%.6f</td><td>%.1f</td><td>%.4f</td>"
          + "<td>%d</td><td>%s</td></tr>%n", r.cycles(), r.latencyMs(), r.energyPj(),
          r.utilisation(), r.onChipBytes(), esc(r.dataflows())));
    }
    return sb.append("</table>\n</body>\n</html>\n").toString();
  }

  private static void line(StringBuilder sb, double x1, double y1, double x2, double y2,
      String attrs) {
    sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
        + "%s/>%n", x1, y1, x2, y2, attrs));
  }

  private static void text(StringBuilder sb, double x, double y, String anchor, String attrs,
      String s) {
    sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s"
        + "</text>%n", x, y, anchor, attrs.isEmpty() ? "" : " " + attrs, esc(s)));
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
