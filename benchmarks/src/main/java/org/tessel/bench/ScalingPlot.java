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
import org.tessel.sim.config.Csv;
import org.tessel.sim.util.svg.PlotAxis;
import org.tessel.sim.util.svg.ScatterPlot;
import org.tessel.sim.util.svg.Svg;

/**
 * Runs {@link ArraySizeBenchmark} and {@link NetworkLengthBenchmark} and draws their scores as an
 * SVG (two log-log panels: milliseconds against the array's side and against the network's length,
 * simulate and schedule), beside SCALE-Sim v2's wall time on the same kind of input from {@code
 * summary.csv} of the SCALE-Sim validation data (32x32, 64 kB SRAMs, CALC, output stationary: the
 * only array size it was run on). Prints the scores as a Markdown table. Drawn with the one SVG
 * writer ({@link Svg}) and the scatter plot's axes ({@link ScatterPlot#axes}).
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
    String file = csv.toString();
    List<String> head = Csv.fields(lines.get(0), file, 1);
    TreeMap<Double, Double> points = new TreeMap<>();
    for (int n = 2; n <= lines.size(); n++) {
      List<String> f = Csv.fields(lines.get(n - 1), file, n);
      if (f.get(head.indexOf("dataflow")).equals("os")
          && f.get(head.indexOf("rows")).equals("32")
          && f.get(head.indexOf("cols")).equals("32")
          && f.get(head.indexOf("sram")).equals("64kB")) {
        points.put(
            Double.parseDouble(f.get(head.indexOf("layers"))),
            1000 * Double.parseDouble(f.get(head.indexOf("scalesim_wall_s"))));
      }
    }
    return new Series("SCALE-Sim v2 simulate (32x32)", points);
  }

  /** The figure: two panels side by side on one y range, drawn with the one SVG writer. */
  static String svg(List<Series> left, List<Series> right) {
    Svg s = new Svg(new StringBuilder());
    s.open(WIDTH, HEIGHT, "font-family=\"sans-serif\" font-size=\"12\"");
    s.raw("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    double[] yRange = range(left, right);
    panel(
        s,
        left,
        new ScatterPlot.Frame(WIDTH, HEIGHT, 80, 440, TOP, BOTTOM),
        yRange,
        "array side (rows = columns), ResNet-18",
        "time against the array's size");
    panel(
        s,
        right,
        new ScatterPlot.Frame(WIDTH, HEIGHT, 560, 920, TOP, BOTTOM),
        yRange,
        "layers (ResNet-18's repeated), 256x256 array",
        "time against the network's length");
    return s.close().out().toString();
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

  /** One panel: title, axes, each series as a line with a dot per point, the legend below. */
  private static void panel(
      Svg s,
      List<Series> series,
      ScatterPlot.Frame area,
      double[] yRange,
      String xTitle,
      String title) {
    double xLo = Double.MAX_VALUE;
    double xHi = 0;
    for (Series line : series) {
      xLo = Math.min(xLo, line.points().firstKey());
      xHi = Math.max(xHi, line.points().lastKey());
    }
    PlotAxis x = new PlotAxis(xLo, xHi, area.left(), area.right());
    PlotAxis y = new PlotAxis(yRange[0], yRange[1], area.bottom(), area.top());
    s.text(
        (area.left() + area.right()) / 2.0,
        30,
        "text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\"",
        title);
    ScatterPlot.axes(s, area, x, y, xTitle, "ms per operation", area.left() - 56);
    for (int i = 0; i < series.size(); i++) {
      Series line = series.get(i);
      String colour = line.name().startsWith("SCALE-Sim") ? COLOURS[2] : COLOURS[i % 2];
      StringBuilder path = new StringBuilder();
      for (Map.Entry<Double, Double> p : line.points().entrySet()) {
        double px = x.pixel(p.getKey());
        double py = y.pixel(p.getValue());
        path.append(path.length() == 0 ? "M" : " L")
            .append(Svg.num(px))
            .append(' ')
            .append(Svg.num(py));
        s.circle(
            px,
            py,
            3.5,
            "fill=\"" + colour + "\"",
            line.name()
                + ": "
                + PlotAxis.label(p.getKey())
                + ", "
                + PlotAxis.label(p.getValue())
                + " ms");
      }
      s.path(path.toString(), "fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\"");
      int ly = area.bottom() + 60 + 16 * i;
      s.rect(area.left(), ly - 9, 10, 10, "fill=\"" + colour + "\"", null);
      s.text(area.left() + 14, ly, "text-anchor=\"start\" font-size=\"11\"", line.name());
    }
  }
}
