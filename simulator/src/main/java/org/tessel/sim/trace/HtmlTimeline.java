package org.tessel.sim.trace;

import java.util.Locale;

/**
 * A self-contained HTML page drawing recorded spans as an SVG timeline: one row per track, spans
 * coloured by track, a time axis in microseconds at the hardware clock, and each span's exact
 * cycles in its tooltip. Readable without a network connection or a trace viewer; for zooming
 * into large runs, open the Chrome trace ({@link ChromeTrace}) in Perfetto.
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
    sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
    escape(sb, title);
    sb.append("</title>\n<style>body{font:13px sans-serif;margin:16px;background:#fff}"
        + "text{font:12px sans-serif} .axis{stroke:#999} .lab{fill:#333}</style></head><body>\n")
        .append("<h3>");
    escape(sb, title);
    sb.append(String.format(Locale.ROOT, " &mdash; %d cycles, %.3f us at %.0f MHz</h3>%n", end,
        end / clockMHz, clockMHz));
    sb.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">%n", WIDTH,
        height));
    for (Track t : Track.VALUES) {
      int y = 30 + t.ordinal() * ROW;
      sb.append(String.format(Locale.ROOT,
          "<text class=\"lab\" x=\"4\" y=\"%d\">%s</text>"
              + "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>%n",
          y + 16, t.title(), LABEL, WIDTH - 20, y + ROW - 2, y + ROW - 2));
    }
    for (int i = 0; i < rec.size(); i++) {
      Track t = rec.track(i);
      double x = LABEL + rec.start(i) * scale;
      double w = Math.max(0.5, (rec.end(i) - rec.start(i)) * scale);
      int y = 30 + t.ordinal() * ROW + 3;
      sb.append(String.format(Locale.ROOT,
          "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"><title>", x, y, w,
          ROW - 8, COLOURS[t.ordinal() % COLOURS.length]));
      escape(sb, rec.layerName(i) + ": " + label(rec, i) + " [" + rec.start(i) + ", "
          + rec.end(i) + ") " + (rec.end(i) - rec.start(i)) + " cycles");
      sb.append("</title></rect>\n");
      if (t == Track.LAYERS && w > 8.0 * rec.layerName(i).length()) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\" fill=\"#fff\">", x + 4,
            y + 13));
        escape(sb, rec.layerName(i));
        sb.append("</text>\n");
      }
    }
    int axisY = 30 + rows * ROW + 14;
    for (int k = 0; k <= 10; k++) {
      long c = end * k / 10;
      double x = LABEL + c * scale;
      sb.append(String.format(Locale.ROOT,
          "<line class=\"axis\" x1=\"%.1f\" x2=\"%.1f\" y1=\"30\" y2=\"%d\" stroke-dasharray="
              + "\"2,4\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f us</text>%n",
          x, x, axisY - 12, x, axisY, c / clockMHz));
    }
    sb.append("</svg>\n<p>Hover a span for its cycles. The same run as a Chrome trace opens in"
        + " ui.perfetto.dev.</p>\n</body></html>\n");
    return sb.toString();
  }

  private static String label(TraceRecorder rec, int i) {
    Track t = rec.track(i);
    if (t == Track.ARRAY || t == Track.IFMAP_DRAM || t == Track.FILTER_DRAM
        || t == Track.OFMAP_DRAM) {
      long a = rec.index(i);
      long b = rec.lastIndex(i);
      return a == b ? "fold " + a : "folds " + a + "-" + b;
    }
    return t.title();
  }

  private static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
  }
}
