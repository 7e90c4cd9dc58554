package org.tessel.sim.util.svg;

/** HTML and SVG text: the one escaping, and the head of a self-contained page. */
public final class Html {
  private Html() {}

  /** {@code s} with {@code & < > "} escaped: safe as element text and in attribute values. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    escape(sb, s);
    return sb.toString();
  }

  /** Appends {@code s} escaped as {@link #escape(String)} does. */
  public static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String entity =
          c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : c == '"' ? "&quot;" : null;
      if (entity == null) {
        sb.append(c);
      } else {
        sb.append(entity);
      }
    }
  }

  /**
   * Appends a page's start up to and including {@code <body>}: doctype, UTF-8, the escaped {@code
   * title} and the style sheet {@code css} (its lines as given, ending with a newline).
   */
  public static void pageStart(StringBuilder sb, String title, String css) {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    escape(sb, title);
    sb.append("</title>\n<style>\n").append(css).append("</style>\n</head>\n<body>\n");
  }

  /** Appends the end of a page started with {@link #pageStart}. */
  public static void pageEnd(StringBuilder sb) {
    sb.append("</body>\n</html>\n");
  }
}
