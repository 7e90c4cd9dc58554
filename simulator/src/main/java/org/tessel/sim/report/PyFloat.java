package org.tessel.sim.report;

import java.math.BigDecimal;

/**
 * Formats a double as Python's {@code str(float)} does (the shortest text that reads back to the
 * same double; fixed notation for exponents from -4 to 15, else {@code 1e+16} style), so that
 * report files read like SCALE-Sim's.
 */
public final class PyFloat {
  private PyFloat() {}

  /** Python's {@code repr(x)}. */
  public static String repr(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return (1 / x < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = null;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal bd =
          new BigDecimal(x)
              .round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
      if (bd.doubleValue() == x) {
        shortest = bd;
        break;
      }
    }
    if (shortest == null) {
      shortest = new BigDecimal(x);
    }
    BigDecimal stripped = shortest.stripTrailingZeros();
    int exponent = stripped.precision() - stripped.scale() - 1; // decimal exponent of first digit
    if (exponent >= -4 && exponent < 16) {
      String s = stripped.toPlainString();
      return s.contains(".") ? s : s + ".0";
    }
    String digits = stripped.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder();
    if (x < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('e').append(exponent < 0 ? '-' : '+');
    int a = Math.abs(exponent);
    if (a < 10) {
      sb.append('0');
    }
    return sb.append(a).toString();
  }
}
