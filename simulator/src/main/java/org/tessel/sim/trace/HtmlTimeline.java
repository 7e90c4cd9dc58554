package org.tessel.sim.trace;

import java.util.Locale;
import org.tessel.sim.util.svg.Html;
import org.tessel.sim.util.svg.Svg;

/**
 * A self-contained HTML page drawing recorded spans as an SVG timeline: one row per track, spans
 * coloured by track, a time axis in microseconds at the hardware clock, and each span's exact
 * cycles in its tooltip. Readable without a network connection or a trace viewer; for zooming into
 * large runs, open the Chrome trace ({@link ChromeTrace}) in Perfetto.
 */
public final class HtmlTimeline {
  private static final String[] COLOURS = {
    "#8e9aaf", "#e07a5f", "#3d85c6", "#c0392b", "#81b29a", "#f2cc8f", "#9b72cf", "#6aa84f"
  };
  private static final int WIDTH = 1200;
  private static final int LABEL = 150;
  private static final int ROW = 26;

  private HtmlTimeline() {}

  /** The page for {@code rec}; {@code clockMHz} converts cycles to microseconds. */
  public static String html(TraceRecorder rec, double clockMHz, String title) {
    long end = 1;
    for (int i = 0; i < rec.size(); i++) {
      end = Math.max(end, rec.end(i));
    }
    int rows = Track.VALUES.length;
    int height = 40 + rows * ROW + 30;
    double scale = (WIDTH - LABEL - 20) / (double) end;
    StringBuilder sb = new StringBuilder(4096 + rec.size() * 120);
    Html.pageStart(
        sb,
        title,
        "body{font:13px sans-serif;margin:16px;background:#fff}\n"
            + "text{font:12px sans-serif} .axis{stroke:#999} .lab{fill:#333}\n");
    sb.append("<h3>");
    Html.escape(sb, title);
    sb.append(
        String.format(
            Locale.ROOT,
            " &mdash; %d cycles, %.3f us at %.0f MHz</h3>%n",
            end,
            end / clockMHz,
            clockMHz));
    Svg svg = new Svg(sb).open(WIDTH, height, "");
    for (Track t : Track.VALUES) {
      int y = 30 + t.ordinal() * ROW;
      svg.text(4, y + 16, "class=\"lab\"", t.title());
      svg.line(LABEL, y + ROW - 2, WIDTH - 20, y + ROW - 2, "class=\"axis\"");
    }
    for (int i = 0; i < rec.size(); i++) {
      Track t = rec.track(i);
      double x = LABEL + rec.start(i) * scale;
      double w = Math.max(0.5, (rec.end(i) - rec.start(i)) * scale);
      int y = 30 + t.ordinal() * ROW + 3;
      svg.rect(
          x,
          y,
          w,
          ROW - 8,
          "fill=\"" + COLOURS[t.ordinal() % COLOURS.length] + "\"",
          rec.layerName(i)
              + ": "
              + label(rec, i)
              + " ["
              + rec.start(i)
              + ", "
              + rec.end(i)
              + ") "
              + (rec.end(i) - rec.start(i))
              + " cycles");
      if (t == Track.LAYERS && w > 8.0 * rec.layerName(i).length()) {
        svg.text(x + 4, y + 13, "fill=\"#fff\"", rec.layerName(i));
      }
    }
    int axisY = 30 + rows * ROW + 14;
    for (int k = 0; k <= 10; k++) {
      long c = end * k / 10;
      double x = LABEL + c * scale;
      svg.line(x, 30, x, axisY - 12, "class=\"axis\" stroke-dasharray=\"2,4\"");
      svg.text(
          x, axisY, "text-anchor=\"middle\"", String.format(Locale.ROOT, "%.1f us", c / clockMHz));
    }
    svg.close();
    sb.append(
        "<p>Hover a span for its cycles. The same run as a Chrome trace opens in"
            + " ui.perfetto.dev.</p>\n");
    Html.pageEnd(sb);
    return sb.toString();
  }

  private static String label(TraceRecorder rec, int i) {
    Track t = rec.track(i);
    if (t == Track.ARRAY
        || t == Track.IFMAP_DRAM
        || t == Track.FILTER_DRAM
        || t == Track.OFMAP_DRAM) {
      long a = rec.index(i);
      long b = rec.lastIndex(i);
      return a == b ? "fold " + a : "folds " + a + "-" + b;
    }
    return t.title();
  }
}
