package org.tessel.sim.util;

/** Argument checks for record constructors; messages name the field and the value. */
public final class Checks {
  private Checks() {}

  /** Requires {@code value > 0}. */
  public static int positive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + ": must be > 0, was " + value);
    }
    return value;
  }

  /** Requires {@code value > 0}. */
  public static long positive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + ": must be > 0, was " + value);
    }
    return value;
  }

  /** Requires {@code value > 0} and finite. */
  public static double positive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + ": must be a finite number > 0, was " + value);
    }
    return value;
  }

  /** Requires {@code value >= 0}. */
  public static int nonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": must be >= 0, was " + value);
    }
    return value;
  }

  /** Requires {@code value >= 0}. */
  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": must be >= 0, was " + value);
    }
    return value;
  }

  /** Requires a non-null, non-blank string. */
  public static String notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": must not be blank");
    }
    return value;
  }
}
