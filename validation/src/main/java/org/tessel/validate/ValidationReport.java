package org.tessel.validate;

import java.util.List;
import java.util.Locale;
import org.tessel.sim.util.svg.Html;
import org.tessel.sim.util.svg.Svg;

/** The results of a validation run, as a text table or a self-contained HTML page. */
public record ValidationReport(List<CaseResult> results) {
  private static final String[] HEADER = {
    "case", "reference source", "reference", "tessel", "error", "tolerance", "result", "note"
  };

  /** A copy of the list. */
  public ValidationReport {
    results = List.copyOf(results);
  }

  /** Whether every case is within its tolerance. */
  public boolean passed() {
    return results.stream().allMatch(CaseResult::passed);
  }

  /** How many cases are outside their tolerance. */
  public long failures() {
    return results.stream().filter(r -> !r.passed()).count();
  }

  private static String[] cells(CaseResult r) {
    return new String[] {
      r.name(),
      r.source(),
      r.referenceText(),
      r.tesselText(),
      r.errorText(),
      r.toleranceText(),
      r.passed() ? "pass" : "FAIL",
      r.note()
    };
  }

  /** The table, columns aligned, and a summary line. */
  public String table() {
    int[] w = new int[HEADER.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = HEADER[i].length();
    }
    for (CaseResult r : results) {
      String[] c = cells(r);
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.max(w[i], c[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    row(sb, HEADER, w);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
    }
    sb.append(rule.toString().stripTrailing()).append('\n');
    for (CaseResult r : results) {
      row(sb, cells(r), w);
    }
    sb.append(summary()).append('\n');
    return sb.toString();
  }

  /** {@code 27 cases: 27 passed, 0 failed}. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%d cases: %d passed, %d failed",
        results.size(),
        results.size() - failures(),
        failures());
  }

  private static void row(StringBuilder sb, String[] c, int[] w) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < c.length; i++) {
      if (i > 0) {
        line.append("  ");
      }
      boolean right = i >= 2 && i <= 4;
      String fmt = "%" + (right ? "" : "-") + w[i] + "s";
      line.append(String.format(Locale.ROOT, fmt, c[i]));
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  /**
   * The table as Markdown (GitHub tables: numbers right-aligned, failures in bold) followed by the
   * summary line; deterministic (no timings), so that a document can hold it and a test can check
   * that it is current.
   */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append('|');
    for (String h : HEADER) {
      sb.append(' ').append(h).append(" |");
    }
    sb.append("\n|");
    for (int i = 0; i < HEADER.length; i++) {
      sb.append(i >= 2 && i <= 4 ? "---:|" : "---|");
    }
    sb.append('\n');
    for (CaseResult r : results) {
      String[] c = cells(r);
      if (!r.passed()) {
        c[6] = "**" + c[6] + "**";
      }
      sb.append('|');
      for (String cell : c) {
        sb.append(' ').append(cell.replace("|", "\\|")).append(" |");
      }
      sb.append('\n');
    }
    sb.append('\n').append(summary()).append('\n');
    return sb.toString();
  }

  /** A self-contained HTML page: the table and an SVG bar chart of |error| / tolerance. */
  public String html() {
    StringBuilder sb = new StringBuilder();
    Html.pageStart(
        sb,
        "Tessel validation",
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px}"
            + "td.n{text-align:right}.pass{color:#080}.fail{color:#c00;font-weight:bold}\n");
    sb.append("<h1>Tessel validation</h1>\n<p>").append(esc(summary())).append("</p>\n");
    sb.append(chart());
    sb.append("<table>\n<tr>");
    for (String h : HEADER) {
      sb.append("<th>").append(esc(h)).append("</th>");
    }
    sb.append("</tr>\n");
    for (CaseResult r : results) {
      String[] c = cells(r);
      sb.append("<tr>");
      for (int i = 0; i < c.length; i++) {
        String cls =
            i >= 2 && i <= 4
                ? " class=\"n\""
                : i == 6 ? (r.passed() ? " class=\"pass\"" : " class=\"fail\"") : "";
        sb.append("<td").append(cls).append('>').append(esc(c[i])).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
    Html.pageEnd(sb);
    return sb.toString();
  }

  /** Horizontal bars of |error| / tolerance per case, clipped at 2, a line at 1 (tolerance). */
  private String chart() {
    int label = 420;
    int bars = 400;
    int rowH = 16;
    int top = 24;
    int height = top + rowH * results.size() + 8;
    int width = label + bars + 60;
    Svg svg =
        new Svg(new StringBuilder())
            .open(width, height, "font-family=\"sans-serif\"" + " font-size=\"11\"");
    svg.text(label, 14, "", "|error| / tolerance (exact cases: 0 or over)");
    for (int i = 0; i < results.size(); i++) {
      CaseResult r = results.get(i);
      double ratio = r.errorRatio();
      double shown = Math.min(ratio, 2);
      int y = top + i * rowH;
      int w = (int) Math.round(shown / 2 * bars);
      String color = r.passed() ? "#4a4" : "#c33";
      svg.text(label - 6, y + 11, "text-anchor=\"end\"", r.name());
      svg.rect(label, y + 2, Math.max(w, 1), rowH - 4, "fill=\"" + color + "\"", null);
      String text =
          Double.isInfinite(ratio) ? "over (exact)" : String.format(Locale.ROOT, "%.2f", ratio);
      svg.text(label + Math.max(w, 1) + 4, y + 11, "", text);
    }
    int x1 = label + bars / 2;
    svg.line(x1, top, x1, height - 4, "stroke=\"#000\" stroke-dasharray=\"4 2\"");
    return svg.close().out().toString();
  }

  private static String esc(String s) {
    return Html.escape(s);
  }
}
