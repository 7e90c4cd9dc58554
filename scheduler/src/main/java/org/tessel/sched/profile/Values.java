package org.tessel.sched.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tessel.sim.arch.HardwareField;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Numbers;

/**
 * Reads the values of one parameter: a comma-separated list whose items are single values, {@code
 * start:stop:step} (every {@code step} from {@code start} up to {@code stop} inclusive), {@code
 * start:stop:*factor} (multiplying by {@code factor}), or, for whole numbers, {@code start:stop}
 * (step 1). Values come out in canonical spelling ({@code 8}, {@code 0.5}, {@code user}), in the
 * order given.
 */
final class Values {
  /** Most values one parameter may take. */
  static final int MAX_VALUES = 10_000;

  private Values() {}

  /**
   * The values {@code spec} gives {@code param}.
   *
   * @throws ConfigException at {@code file:line} (line 0: none) naming the parameter, for an empty
   *     list, a reversed range, a step that is not positive, a value out of range, a value given
   *     twice
   */
  static List<String> parse(Param param, String spec, String file, int line) {
    Set<String> out = new LinkedHashSet<>();
    String trimmed = spec.trim();
    if (trimmed.isEmpty()) {
      throw error(
          param,
          file,
          line,
          "no values (expected a,b,c or start:stop:step or" + " start:stop:*factor)");
    }
    for (String raw : trimmed.split(",", -1)) {
      String item = raw.trim();
      if (item.isEmpty()) {
        throw error(param, file, line, "empty value in '" + trimmed + "'");
      }
      List<String> values =
          param.kind() == HardwareField.Kind.CHOICE
              ? List.of(choice(param, item, file, line))
              : item.contains(":")
                  ? range(param, item, file, line)
                  : List.of(number(param, item, file, line));
      for (String v : values) {
        if (!out.add(v)) {
          throw error(param, file, line, "value " + v + " given twice in '" + trimmed + "'");
        }
        if (out.size() > MAX_VALUES) {
          throw error(
              param, file, line, "more than " + MAX_VALUES + " values in '" + trimmed + "'");
        }
      }
    }
    return List.copyOf(out);
  }

  private static String choice(Param p, String item, String file, int line) {
    String v = item.toLowerCase(Locale.ROOT);
    if (!p.choices().contains(v)) {
      throw error(
          p, file, line, "expected " + String.join(" or ", p.choices()) + ", was '" + item + "'");
    }
    return v;
  }

  private static List<String> range(Param p, String item, String file, int line) {
    String[] parts = item.split(":", -1);
    if (parts.length != 2 && parts.length != 3) {
      throw error(
          p, file, line, "expected start:stop:step or start:stop:*factor, was '" + item + "'");
    }
    BigDecimal start = decimal(p, parts[0], item, file, line);
    BigDecimal stop = decimal(p, parts[1], item, file, line);
    if (start.compareTo(stop) > 0) {
      throw error(
          p,
          file,
          line,
          "reversed range '" + item + "': start " + plain(start) + " > stop " + plain(stop));
    }
    boolean factor = parts.length == 3 && parts[2].trim().startsWith("*");
    BigDecimal by;
    if (parts.length == 2) {
      if (!p.whole()) {
        throw error(p, file, line, "range '" + item + "' needs a step (start:stop:step)");
      }
      by = BigDecimal.ONE;
    } else {
      by =
          factor
              ? real(p, parts[2].trim().substring(1), item, file, line)
              : decimal(p, parts[2], item, file, line);
    }
    if (factor && by.compareTo(BigDecimal.ONE) <= 0) {
      throw error(p, file, line, "factor must be > 1 in '" + item + "', was " + plain(by));
    }
    if (factor && start.signum() <= 0) {
      throw error(
          p,
          file,
          line,
          "a factor range must start above 0, '" + item + "' starts at " + plain(start));
    }
    if (!factor && by.signum() <= 0) {
      throw error(p, file, line, "step must be > 0 in '" + item + "', was " + plain(by));
    }
    List<String> out = new ArrayList<>();
    for (BigDecimal v = start; v.compareTo(stop) <= 0; v = factor ? v.multiply(by) : v.add(by)) {
      if (out.size() == MAX_VALUES) {
        throw error(p, file, line, "range '" + item + "' has more than " + MAX_VALUES + " values");
      }
      out.add(check(p, v, item, file, line));
    }
    return out;
  }

  private static String number(Param p, String item, String file, int line) {
    return check(p, decimal(p, item, item, file, line), item, file, line);
  }

  /**
   * A value or step of {@code p} in the one number notation (org.tessel.sim.config.Numbers): digits
   * only for whole-number parameters, decimal with an optional exponent for the others.
   */
  private static BigDecimal decimal(Param p, String text, String item, String file, int line) {
    String t = text.trim();
    if (p.whole() && !Numbers.isWhole(t)) {
      throw error(
          p,
          file,
          line,
          "expected a whole number (digits only, no exponent or"
              + " decimal point), was '"
              + t
              + "'"
              + (t.equals(item) ? "" : " in '" + item + "'"));
    }
    return real(p, text, item, file, line);
  }

  private static BigDecimal real(Param p, String text, String item, String file, int line) {
    try {
      Numbers.real(text.trim());
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw error(
          p,
          file,
          line,
          "not a number: '"
              + text.trim()
              + "'"
              + (text.trim().equals(item) ? "" : " in '" + item + "'"));
    }
  }

  /** The canonical spelling of {@code v}, after checking it suits {@code p}. */
  private static String check(Param p, BigDecimal v, String item, String file, int line) {
    if (p.whole()) {
      if (v.stripTrailingZeros().scale() > 0) {
        throw error(p, file, line, "expected whole numbers, '" + item + "' gives " + plain(v));
      }
      if (v.compareTo(BigDecimal.valueOf(p.min())) < 0) {
        throw error(p, file, line, "must be >= " + p.min() + ", '" + item + "' gives " + plain(v));
      }
      if (v.compareTo(p.max()) > 0) {
        throw error(
            p, file, line, "must be <= " + plain(p.max()) + ", '" + item + "' gives " + plain(v));
      }
      return v.toBigIntegerExact().toString();
    }
    if (v.signum() <= 0) {
      throw error(p, file, line, "must be > 0, '" + item + "' gives " + plain(v));
    }
    if (p.kind() == HardwareField.Kind.SHARE && v.compareTo(BigDecimal.ONE) > 0) {
      throw error(p, file, line, "must be <= 1, '" + item + "' gives " + plain(v));
    }
    if (p.kind() == HardwareField.Kind.SHARE_BELOW_ONE && v.compareTo(BigDecimal.ONE) >= 0) {
      throw error(p, file, line, "must be below 1, '" + item + "' gives " + plain(v));
    }
    if (v.compareTo(BigDecimal.valueOf(1e12)) > 0) {
      throw error(p, file, line, "must be <= 1e12, '" + item + "' gives " + plain(v));
    }
    return plain(v);
  }

  /** {@code v} without exponent or trailing zeros. */
  static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }

  static ConfigException error(Param p, String file, int line, String message) {
    return new ConfigException(file, line, p.key(), message);
  }
}
