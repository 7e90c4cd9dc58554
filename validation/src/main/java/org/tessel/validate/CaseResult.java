package org.tessel.validate;

import java.util.Locale;

/**
 * One compared quantity: Tessel's value against a reference value, with the error and the tolerance
 * it must stay within.
 *
 * @param suite the suite ({@code scalesim}, {@code eyeriss})
 * @param name the case (and which quantity, e.g. {@code CONV1 latency})
 * @param source the reference: simulator and version, or paper and table
 * @param reference the reference value
 * @param tessel Tessel's value
 * @param unit the unit of both values ({@code cycles}, {@code ms}, {@code PEs})
 * @param relative whether error and tolerance are relative (fractions) rather than absolute
 * @param error Tessel minus reference (absolute), or Tessel / reference - 1 (relative)
 * @param tolerance the largest allowed |error| (0: exact)
 * @param note what else to know (layers exact, the documented reason of a residual)
 */
public record CaseResult(
    String suite,
    String name,
    String source,
    double reference,
    double tessel,
    String unit,
    boolean relative,
    double error,
    double tolerance,
    String note) {

  /** An absolute comparison: error = tessel - reference. */
  public static CaseResult absolute(
      String suite,
      String name,
      String source,
      double reference,
      double tessel,
      String unit,
      double tolerance,
      String note) {
    return new CaseResult(
        suite, name, source, reference, tessel, unit, false, tessel - reference, tolerance, note);
  }

  /** A relative comparison: error = tessel / reference - 1. */
  public static CaseResult relative(
      String suite,
      String name,
      String source,
      double reference,
      double tessel,
      String unit,
      double tolerance,
      String note) {
    return new CaseResult(
        suite,
        name,
        source,
        reference,
        tessel,
        unit,
        true,
        tessel / reference - 1,
        tolerance,
        note);
  }

  /** Whether |error| is within the tolerance. */
  public boolean passed() {
    return Math.abs(error) <= tolerance + (relative ? 1e-12 : 0);
  }

  /** |error| as a fraction of the tolerance (infinite for a non-zero error on an exact case). */
  public double errorRatio() {
    if (tolerance == 0) {
      return error == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(error) / tolerance;
  }

  /** The reference value as printed. */
  public String referenceText() {
    return value(reference);
  }

  /** Tessel's value as printed. */
  public String tesselText() {
    return value(tessel);
  }

  private String value(double v) {
    String num =
        !relative && v == Math.rint(v) && Math.abs(v) < 1e15
            ? String.format(Locale.ROOT, "%d", (long) v)
            : String.format(Locale.ROOT, "%.2f", v);
    return num + " " + unit;
  }

  /** The error as printed: {@code +1 cycles}, {@code -3.2 %}. */
  public String errorText() {
    if (relative) {
      return String.format(Locale.ROOT, "%+.1f %%", 100 * error);
    }
    if (error != Math.rint(error)) {
      return String.format(Locale.ROOT, "%+.3f %s", error, unit);
    }
    return String.format(Locale.ROOT, "%+d %s", Math.round(error), unit);
  }

  /** The tolerance as printed: {@code exact}, {@code <= 2 cycles}, {@code <= 10 %}. */
  public String toleranceText() {
    if (tolerance == 0) {
      return "exact";
    }
    if (relative) {
      return String.format(Locale.ROOT, "<= %s %%", trim(100 * tolerance));
    }
    return String.format(Locale.ROOT, "<= %s %s", trim(tolerance), unit);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
