package org.tessel.nas.objective;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hard limit on a metric, e.g. {@code latency<=2.5} (milliseconds) or {@code accuracy>=90}.
 *
 * @param metric what is limited
 * @param atMost true for {@code <=}, false for {@code >=}
 * @param bound the limit, in the metric's unit
 */
public record Constraint(Metric metric, boolean atMost, double bound) {
  private static final Pattern FORM = Pattern.compile("\\s*([a-zA-Z_]+)\\s*(<=|>=)\\s*(\\S+)\\s*");

  /** Validates the bound. */
  public Constraint {
    if (metric == null || !Double.isFinite(bound)) {
      throw new IllegalArgumentException("constraint: a metric and a finite bound are required");
    }
  }

  /**
   * Parses {@code metric<=bound} or {@code metric>=bound}.
   *
   * @throws IllegalArgumentException with a one-line reason
   */
  public static Constraint parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not METRIC<=VALUE or METRIC>=VALUE");
    }
    double bound;
    try {
      bound = Double.parseDouble(m.group(3));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + m.group(3) + "' in '" + text + "' is not a number");
    }
    if (!Double.isFinite(bound)) {
      throw new IllegalArgumentException("'" + text + "': the bound must be finite");
    }
    return new Constraint(Metric.parse(m.group(1)), m.group(2).equals("<="), bound);
  }

  /**
   * How far {@code value} is beyond the bound, relative to it (0 when satisfied): a violation of
   * 0.1 is 10% over a latency budget. NaN counts as infinitely far.
   */
  public double violation(double value) {
    if (Double.isNaN(value)) {
      return Double.POSITIVE_INFINITY;
    }
    double over = atMost ? value - bound : bound - value;
    if (over <= 0) {
      return 0;
    }
    return bound == 0 ? over : over / Math.abs(bound);
  }

  @Override
  public String toString() {
    return metric.key()
        + (atMost ? "<=" : ">=")
        + String.format(
            Locale.ROOT,
            "%s",
            bound == Math.rint(bound) && Math.abs(bound) < 1e15
                ? Long.toString((long) bound)
                : Double.toString(bound));
  }
}
