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
    if (Math.abs(x) < 1e16 && x == Math.rint(x)) {
      // a whole number below 1e16 has at most 16 digits, all needed, and prints in fixed notation
      return Long.toString((long) x) + ".0";
    }
    // Python's repr: the fewest significant digits that read back as x, the nearest such decimal.
    // Nearest-decimal round trips are monotone in the digit count (every d-digit decimal is also a
    // (d+1)-digit one), so start from the digits of Java's Double.toString, which reads back but
    // may be one digit longer than needed, and step down while the shorter one still reads back.
    BigDecimal exact = new BigDecimal(x);
    int n = significantDigits(Double.toString(Math.abs(x)));
    while (n > 1 && round(exact, n - 1).doubleValue() == x) {
      n--;
    }
    while (n < 17 && round(exact, n).doubleValue() != x) {
      n++; // not reached when Double.toString reads back, as it does; kept for safety
    }
    BigDecimal shortest = round(exact, n);
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

  private static BigDecimal round(BigDecimal exact, int digits) {
    return exact.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
  }

  /** Significant digits of a Java double literal such as {@code 0.00125} or {@code 1.5E-7}. */
  private static int significantDigits(String literal) {
    int e = literal.indexOf('E');
    String m = (e < 0 ? literal : literal.substring(0, e)).replace(".", "");
    int first = 0;
    while (first < m.length() - 1 && m.charAt(first) == '0') {
      first++;
    }
    int last = m.length();
    while (last > first + 1 && m.charAt(last - 1) == '0') {
      last--;
    }
    return last - first;
  }
}
