package org.tessel.sim.util.svg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A scatter plot of a Pareto front as a self-contained SVG: a title, a grid, axes from {@link
 * PlotAxis} (logarithmic when the data spans more than a factor of 20), the front as a line (steps
 * or straight segments), dots drawn in the order given, labelled marks (black diamonds) and a
 * legend that the caller draws beside the plot area. Dots without a tooltip that would land on a
 * pixel already drawn with the same attributes are left out, so plots of thousands of points stay
 * small. Both the profile sweep ({@code sched.profile.ParetoPlot}) and the NAS search ({@code
 * nas.report.ParetoSvg}) draw with it.
 */
public final class ScatterPlot {
  /**
   * A dot.
   *
   * @param x value across, in the axis's units
   * @param y value up
   * @param radius pixels
   * @param attrs extra attributes (fill, stroke, opacity)
   * @param tooltip its title, or null
   */
  public record Dot(double x, double y, double radius, String attrs, @Nullable String tooltip) {
    /** Checks the fields. */
    public Dot {
      Objects.requireNonNull(attrs, "attrs");
    }
  }

  /**
   * A labelled point: a black diamond and the label to its right.
   *
   * @param x value across
   * @param y value up
   * @param label text
   */
  public record Mark(double x, double y, String label) {}

  /**
   * The plot's frame.
   *
   * @param width the SVG's width in pixels
   * @param height the SVG's height in pixels
   * @param left the plot area's left edge
   * @param right the plot area's right edge
   * @param top the plot area's top edge
   * @param bottom the plot area's bottom edge
   */
  public record Frame(int width, int height, int left, int right, int top, int bottom) {}

  private final Frame f;
  private String title = "";
  private String xLabel = "";
  private String yLabel = "";
  private String empty = "nothing to plot";
  private String footnote = "";
  private final List<Dot> dots = new ArrayList<>();
  private final List<Mark> marks = new ArrayList<>();
  private List<double[]> front = List.of();
  private boolean steps;
  private String frontAttrs = "";
  private Consumer<Svg> legend = s -> {};

  /** An empty plot in the frame {@code frame}. */
  public ScatterPlot(Frame frame) {
    this.f = Objects.requireNonNull(frame, "frame");
  }

  /** The title above the plot. */
  public ScatterPlot title(String text) {
    title = text;
    return this;
  }

  /** The axis labels (the axis notes a log scale itself). */
  public ScatterPlot labels(String x, String y) {
    xLabel = x;
    yLabel = y;
    return this;
  }

  /** The text shown instead of the plot when there are no dots. */
  public ScatterPlot empty(String text) {
    empty = text;
    return this;
  }

  /** A line of grey text below the plot. */
  public ScatterPlot footnote(String text) {
    footnote = text;
    return this;
  }

  /** Adds a dot; later dots are drawn over earlier ones. */
  public ScatterPlot dot(Dot d) {
    dots.add(d);
    return this;
  }

  /** Adds a labelled mark. */
  public ScatterPlot mark(Mark m) {
    marks.add(m);
    return this;
  }

  /**
   * The front's line through {@code points} ({x, y} pairs, sorted by x), as steps (across, then up
   * or down) or straight segments, with {@code attrs} (stroke).
   */
  public ScatterPlot frontLine(List<double[]> points, boolean asSteps, String attrs) {
    front = List.copyOf(points);
    steps = asSteps;
    frontAttrs = attrs;
    return this;
  }

  /** Draws the legend (right of or above the plot area); called after the dots. */
  public ScatterPlot legend(Consumer<Svg> draw) {
    legend = draw;
    return this;
  }

  /** The SVG document. */
  public String svg() {
    Svg s = new Svg(new StringBuilder());
    s.open(f.width(), f.height(), "font-family=\"sans-serif\" font-size=\"12\"");
    s.raw("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    s.text(
        f.width() / 2.0, 24, "text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\"", title);
    if (dots.isEmpty()) {
      s.text(f.width() / 2.0, f.height() / 2.0, "text-anchor=\"middle\"", empty);
      return s.close().out().toString();
    }
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Dot d : dots) {
      minX = Math.min(minX, d.x());
      maxX = Math.max(maxX, d.x());
      minY = Math.min(minY, d.y());
      maxY = Math.max(maxY, d.y());
    }
    PlotAxis x = new PlotAxis(minX, maxX, f.left(), f.right());
    PlotAxis y = new PlotAxis(minY, maxY, f.bottom(), f.top());
    axes(s, f, x, y, xLabel, yLabel, f.left() / 3.0);
    frontPath(s, x, y);
    Set<String> drawn = new HashSet<>();
    for (Dot d : dots) {
      double px = x.pixel(d.x());
      double py = y.pixel(d.y());
      if (d.tooltip() == null
          && !drawn.add(Math.round(px) + " " + Math.round(py) + " " + d.attrs())) {
        continue;
      }
      s.circle(px, py, d.radius(), d.attrs(), d.tooltip());
    }
    for (Mark m : marks) {
      double px = x.pixel(m.x());
      double py = y.pixel(m.y());
      s.path("M" + Svg.num(px) + " " + Svg.num(py - 5) + "l5 5l-5 5l-5 -5z", "fill=\"#000\"");
      s.text(px + 8, py + 4, "", m.label());
    }
    legend.accept(s);
    if (!footnote.isEmpty()) {
      s.text(f.left(), f.height() - 18, "fill=\"#555\"", footnote);
    }
    return s.close().out().toString();
  }

  /**
   * Draws the grid at {@code x}'s and {@code y}'s ticks, the frame of {@code area}'s plot area, the
   * tick labels, and the axis labels (each with ", log scale" when its axis is logarithmic), the y
   * label turned upright and centred at {@code yLabelX}. The scatter plot draws its axes with it,
   * and so does any other figure with a plot area (the benchmarks' scaling figure).
   */
  public static void axes(
      Svg s, Frame area, PlotAxis x, PlotAxis y, String xLabel, String yLabel, double yLabelX) {
    s.raw("<g stroke=\"#e3e3e3\">\n");
    for (double t : x.ticks()) {
      s.line(x.pixel(t), area.top(), x.pixel(t), area.bottom(), "");
    }
    for (double t : y.ticks()) {
      s.line(area.left(), y.pixel(t), area.right(), y.pixel(t), "");
    }
    s.raw("</g>\n");
    s.rect(
        area.left(),
        area.top(),
        area.right() - area.left(),
        area.bottom() - area.top(),
        "fill=\"none\" stroke=\"#444\"",
        null);
    for (double t : x.ticks()) {
      s.text(x.pixel(t), area.bottom() + 16, "text-anchor=\"middle\"", PlotAxis.label(t));
    }
    for (double t : y.ticks()) {
      s.text(area.left() - 6, y.pixel(t) + 4, "text-anchor=\"end\"", PlotAxis.label(t));
    }
    s.text(
        (area.left() + area.right()) / 2.0,
        area.bottom() + 38,
        "text-anchor=\"middle\"" + " font-size=\"13\"",
        xLabel + (x.log() ? ", log scale" : ""));
    s.text(
        0,
        0,
        String.format(
            Locale.ROOT,
            "text-anchor=\"middle\" font-size=\"13\""
                + " transform=\"translate(%s %s) rotate(-90)\"",
            Svg.num(yLabelX),
            Svg.num((area.top() + area.bottom()) / 2.0)),
        yLabel + (y.log() ? ", log scale" : ""));
  }

  private void frontPath(Svg s, PlotAxis x, PlotAxis y) {
    if (front.size() < 2) {
      return;
    }
    StringBuilder d = new StringBuilder();
    for (int k = 0; k < front.size(); k++) {
      String px = Svg.num(x.pixel(front.get(k)[0]));
      String py = Svg.num(y.pixel(front.get(k)[1]));
      if (k == 0) {
        d.append('M').append(px).append(' ').append(py);
      } else if (steps) {
        d.append(" H").append(px).append(" V").append(py);
      } else {
        d.append(" L").append(px).append(' ').append(py);
      }
    }
    s.path(d.toString(), "fill=\"none\" " + frontAttrs);
  }
}
