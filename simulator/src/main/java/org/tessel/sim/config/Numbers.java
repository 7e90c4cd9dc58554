package org.tessel.sim.config;

import java.util.regex.Pattern;

/**
 * The one notation for numbers in every input (docs/inputs.md): a whole number is digits with an
 * optional minus sign ({@code 16}, not {@code "16"}, {@code 1e3}, {@code 16.0} or {@code +16}); a
 * real number is decimal, optionally with an exponent ({@code 200}, {@code 0.5}, {@code 1e-3}), and
 * finite. Quoting is decided by each format's reader: a quoted value is text, never a number.
 */
public final class Numbers {
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
  private static final Pattern REAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private Numbers() {}

  /**
   * Parses a whole number.
   *
   * @throws NumberFormatException for any other notation or a value beyond a {@code long}
   */
  public static long whole(String s) {
    if (!WHOLE.matcher(s).matches()) {
      throw new NumberFormatException(s);
    }
    return Long.parseLong(s);
  }

  /**
   * Parses a finite real number.
   *
   * @throws NumberFormatException for any other notation or a value beyond a {@code double}
   */
  public static double real(String s) {
    if (!REAL.matcher(s).matches()) {
      throw new NumberFormatException(s);
    }
    double v = Double.parseDouble(s);
    if (Double.isInfinite(v)) {
      throw new NumberFormatException(s);
    }
    return v;
  }

  /** Whether {@code s} is a whole number in this notation (whatever its size). */
  public static boolean isWhole(String s) {
    return WHOLE.matcher(s).matches();
  }
}
