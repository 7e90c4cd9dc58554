package org.tessel.sim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the terminal table needs of {@code String.format}, without {@link java.util.Formatter}: its
 * first use loads the locale data behind {@code %d} and {@code %f} (about 15 ms of a 0.3 s {@code
 * tessel simulate} call). Results equal {@code String.format(Locale.ROOT, ...)}'s ({@code
 * TextTest}).
 */
final class Text {
  private Text() {}

  /**
   * {@code %.<decimals>f}: half-up rounding of Java's shortest decimal digits, as Formatter does.
   */
  static String fixed(double x, int decimals) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    String digits =
        new BigDecimal(Double.toString(Math.abs(x)))
            .setScale(decimals, RoundingMode.HALF_UP)
            .toPlainString();
    return Double.doubleToRawLongBits(x) < 0 ? "-" + digits : digits;
  }

  /** {@code %<width>s}: {@code s} right-aligned in {@code width} columns. */
  static String right(Object s, int width) {
    String t = String.valueOf(s);
    return t.length() >= width ? t : " ".repeat(width - t.length()) + t;
  }

  /** {@code %-<width>s}: {@code s} left-aligned in {@code width} columns. */
  static String left(Object s, int width) {
    String t = String.valueOf(s);
    return t.length() >= width ? t : t + " ".repeat(width - t.length());
  }
}
