package org.tessel.sim.util.svg;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Writes SVG elements into a {@link StringBuilder}, one element a line: coordinates to two decimals
 * without trailing zeros ({@link #num}), text escaped with {@link Html#escape}, and {@code attrs}
 * (extra attributes such as {@code fill="#444"}) copied as given after the element's own.
 */
public final class Svg {
  private final StringBuilder sb;

  /** A writer appending to {@code sb}. */
  public Svg(StringBuilder sb) {
    this.sb = sb;
  }

  /** The text written so far. */
  public StringBuilder out() {
    return sb;
  }

  /** Opens an {@code <svg>} of {@code width} by {@code height} pixels with a viewBox. */
  public Svg open(int width, int height, String attrs) {
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append('"')
        .append(space(attrs))
        .append(">\n");
    return this;
  }

  /** Closes the {@code <svg>}. */
  public Svg close() {
    sb.append("</svg>\n");
    return this;
  }

  /** A {@code <text>} at ({@code x}, {@code y}). */
  public Svg text(double x, double y, String attrs, String text) {
    sb.append("<text x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append('"')
        .append(space(attrs))
        .append('>');
    Html.escape(sb, text);
    sb.append("</text>\n");
    return this;
  }

  /** A {@code <line>}. */
  public Svg line(double x1, double y1, double x2, double y2, String attrs) {
    sb.append("<line x1=\"")
        .append(num(x1))
        .append("\" y1=\"")
        .append(num(y1))
        .append("\" x2=\"")
        .append(num(x2))
        .append("\" y2=\"")
        .append(num(y2))
        .append('"')
        .append(space(attrs))
        .append("/>\n");
    return this;
  }

  /** A {@code <rect>}, with {@code tooltip} as its title when not null. */
  public Svg rect(
      double x, double y, double width, double height, String attrs, @Nullable String tooltip) {
    sb.append("<rect x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" width=\"")
        .append(num(width))
        .append("\" height=\"")
        .append(num(height))
        .append('"')
        .append(space(attrs));
    return end("rect", tooltip);
  }

  /** A {@code <circle>}, with {@code tooltip} as its title when not null. */
  public Svg circle(double cx, double cy, double r, String attrs, @Nullable String tooltip) {
    sb.append("<circle cx=\"")
        .append(num(cx))
        .append("\" cy=\"")
        .append(num(cy))
        .append("\" r=\"")
        .append(num(r))
        .append('"')
        .append(space(attrs));
    return end("circle", tooltip);
  }

  /** A {@code <path>} with the outline {@code d}. */
  public Svg path(String d, String attrs) {
    sb.append("<path d=\"").append(d).append('"').append(space(attrs)).append("/>\n");
    return this;
  }

  /** Any other markup, copied as given. */
  public Svg raw(String markup) {
    sb.append(markup);
    return this;
  }

  /** {@code v} rounded to two decimals, without trailing zeros ({@code 90}, {@code 33.5}). */
  public static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s =
        new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  private Svg end(String element, @Nullable String tooltip) {
    if (tooltip == null) {
      sb.append("/>\n");
    } else {
      sb.append("><title>");
      Html.escape(sb, tooltip);
      sb.append("</title></").append(element).append(">\n");
    }
    return this;
  }

  private static String space(@Nullable String attrs) {
    return attrs == null || attrs.isEmpty() ? "" : " " + attrs;
  }
}
