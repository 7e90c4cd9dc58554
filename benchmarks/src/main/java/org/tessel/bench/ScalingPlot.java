package org.tessel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.tessel.sim.util.svg.Html;
import org.tessel.sim.util.svg.PlotAxis;

/**
 * Runs {@link ArraySizeBenchmark} and {@link NetworkLengthBenchmark} and draws their scores as an
 * SVG (two log-log panels: milliseconds against the array's side and against the network's length,
 * simulate and schedule), beside SCALE-Sim v2's wall time on the same kind of input from {@code
 * summary.csv} of the SCALE-Sim validation data (32x32, 64 kB SRAMs, CALC, output stationary: the
 * only array size it was run on). Prints the scores as a Markdown table.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.tessel.bench.ScalingPlot \
 *     ../shared/validation/scalesim/summary.csv docs/images/scaling.svg [warmups iterations]
 * </pre>
 */
public final class ScalingPlot {
  private static final int WIDTH = 960;
  private static final int HEIGHT = 480;
  private static final int TOP = 60;
  private static final int BOTTOM = 360;
  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#444444"};

  private ScalingPlot() {}

  /** One line: name and (x, milliseconds) points in x order. */
  record Series(String name, TreeMap<Double, Double> points) {}

  /** Runs the benchmarks, writes the SVG, prints the table. */
  public static void main(String[] args) throws IOException, RunnerException {
    if (args.length != 2 && args.length != 4) {
      System.err.println("usage: ScalingPlot SUMMARY_CSV OUT.svg [WARMUPS ITERATIONS]");
      System.exit(2);
    }
    int warmups = args.length == 4 ? Integer.parseInt(args[2]) : 3;
    int iterations = args.length == 4 ? Integer.parseInt(args[3]) : 5;
    Options opt =
        new OptionsBuilder()
            .include(ArraySizeBenchmark.class.getSimpleName())
            .include(NetworkLengthBenchmark.class.getSimpleName())
            .warmupIterations(warmups)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(1))
            .forks(1)
            .build();
    Collection<RunResult> results = new Runner(opt).run();
    Map<String, Series> bySize = new TreeMap<>();
    Map<String, Series> byLength = new TreeMap<>();
    StringBuilder table =
        new StringBuilder(
            "| benchmark | side | layers | ms/op | error |\n" + "|---|---:|---:|---:|---:|\n");
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      String method = label.substring(label.lastIndexOf('.') + 1);
      boolean size = label.contains(ArraySizeBenchmark.class.getSimpleName());
      double score = r.getPrimaryResult().getScore();
      String side = r.getParams().getParam("side");
      String layers = size ? "21" : r.getParams().getParam("layers");
      double x = Double.parseDouble(size ? side : layers);
      Map<String, Series> target = size ? bySize : byLength;
      target
          .computeIfAbsent(method, m -> new Series("Tessel " + m, new TreeMap<>()))
          .points()
          .put(x, score);
      table.append(
          String.format(
              Locale.ROOT,
              "| %s.%s | %s | %s | %.3f | %.3f |%n",
              size ? "ArraySizeBenchmark" : "NetworkLengthBenchmark",
              method,
              side,
              layers,
              score,
              r.getPrimaryResult().getScoreError()));
    }
    Series scaleSim = scaleSim(Path.of(args[0]));
    List<Series> left = new ArrayList<>(bySize.values());
    List<Series> right = new ArrayList<>(byLength.values());
    right.add(scaleSim);
    TreeMap<Double, Double> at32 = new TreeMap<>();
    Double resnet = scaleSim.points().get(21.0);
    if (resnet != null) {
      at32.put(32.0, resnet);
      left.add(new Series(scaleSim.name(), at32));
    }
    Files.writeString(Path.of(args[1]), svg(left, right), StandardCharsets.UTF_8);
    System.out.print(table);
  }

  /**
   * SCALE-Sim's wall time in milliseconds against layers: the output-stationary 32x32 runs with 64
   * kB SRAMs and CALC bandwidth of {@code summary.csv}.
   */
  static Series scaleSim(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> head = List.of(lines.get(0).split(","));
    TreeMap<Double, Double> points = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (f[head.indexOf("dataflow")].equals("os")
          && f[head.indexOf("rows")].equals("32")
          && f[head.indexOf("cols")].equals("32")
          && f[head.indexOf("sram")].equals("64kB")) {
        points.put(
            Double.parseDouble(f[head.indexOf("layers")]),
            1000 * Double.parseDouble(f[head.indexOf("scalesim_wall_s")]));
      }
    }
    return new Series("SCALE-Sim v2 simulate (32x32)", points);
  }

  static String svg(List<Series> left, List<Series> right) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    double[] yRange = range(left, right);
    panel(
        sb,
        left,
        80,
        440,
        yRange,
        "array side (rows = columns), ResNet-18",
        "time against the array's size");
    panel(
        sb,
        right,
        560,
        920,
        yRange,
        "layers (ResNet-18's repeated), 256x256 array",
        "time against the network's length");
    return sb.append("</svg>\n").toString();
  }

  private static double[] range(List<Series> a, List<Series> b) {
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (List<Series> l : List.of(a, b)) {
      for (Series s : l) {
        for (double v : s.points().values()) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return new double[] {lo, hi};
  }

  private static void panel(
      StringBuilder sb,
      List<Series> series,
      int left,
      int right,
      double[] yRange,
      String xTitle,
      String title) {
    double xLo = Double.MAX_VALUE;
    double xHi = 0;
    for (Series s : series) {
      xLo = Math.min(xLo, s.points().firstKey());
      xHi = Math.max(xHi, s.points().lastKey());
    }
    PlotAxis x = new PlotAxis(xLo, xHi, left, right);
    PlotAxis y = new PlotAxis(yRange[0], yRange[1], BOTTOM, TOP);
    text(sb, (left + right) / 2.0, 30, "middle", "font-size=\"15\" font-weight=\"bold\"", title);
    sb.append("<g stroke=\"#e3e3e3\">\n");
    for (double t : x.ticks()) {
      line(sb, x.pixel(t), TOP, x.pixel(t), BOTTOM);
    }
    for (double t : y.ticks()) {
      line(sb, left, y.pixel(t), right, y.pixel(t));
    }
    sb.append("</g>\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
                + " fill=\"none\" stroke=\"#444\"/>%n",
            left,
            TOP,
            right - left,
            BOTTOM - TOP));
    for (double t : x.ticks()) {
      text(sb, x.pixel(t), BOTTOM + 16, "middle", "", PlotAxis.label(t));
    }
    for (double t : y.ticks()) {
      text(sb, left - 6, y.pixel(t) + 4, "end", "", PlotAxis.label(t));
    }
    text(
        sb,
        (left + right) / 2.0,
        BOTTOM + 36,
        "middle",
        "font-size=\"13\"",
        xTitle + (x.log() ? ", log scale" : ""));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"0\" y=\"0\" text-anchor=\"middle\""
                + " font-size=\"13\" transform=\"translate(%d %.1f) rotate(-90)\">%s</text>%n",
            left - 56,
            (TOP + BOTTOM) / 2.0,
            "ms per operation" + (y.log() ? ", log scale" : "")));
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String colour = s.name().startsWith("SCALE-Sim") ? COLOURS[2] : COLOURS[i % 2];
      StringBuilder path = new StringBuilder();
      for (Map.Entry<Double, Double> p : s.points().entrySet()) {
        double px = x.pixel(p.getKey());
        double py = y.pixel(p.getValue());
        path.append(path.length() == 0 ? "M" : " L")
            .append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
        sb.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\""
                    + " fill=\"%s\"><title>%s: %s, %s ms</title></circle>%n",
                px,
                py,
                colour,
                s.name(),
                PlotAxis.label(p.getKey()),
                PlotAxis.label(p.getValue())));
      }
      sb.append("<path d=\"")
          .append(path)
          .append("\" fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"1.5\"/>\n");
      int ly = BOTTOM + 60 + 16 * i;
      double lx = left;
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\"" + " fill=\"%s\"/>%n",
              lx,
              ly - 9,
              colour));
      text(sb, lx + 14, ly, "start", "font-size=\"11\"", s.name());
    }
  }

  private static void line(StringBuilder sb, double x1, double y1, double x2, double y2) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n",
            x1,
            y1,
            x2,
            y2));
  }

  private static void text(
      StringBuilder sb, double x, double y, String anchor, String attrs, String s) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s" + "</text>%n",
            x,
            y,
            anchor,
            attrs,
            Html.escape(s)));
  }
}
