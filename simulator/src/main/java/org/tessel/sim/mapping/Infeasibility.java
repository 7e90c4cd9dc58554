package org.tessel.sim.mapping;

import org.tessel.sim.config.ConfigException;
import org.tessel.sim.util.Checks;

/**
 * Why a layer cannot be mapped on a piece of hardware: a value, not an exception, because a search
 * meets it on its hot path and simply moves on.
 *
 * @param subject what was being mapped ({@code layer conv1})
 * @param constraint the resource or rule that does not hold ({@code ifmap SRAM}, {@code
 *     noc.topology}, {@code scratchpad})
 * @param neededWords words the mapping needs of that resource, or 0 when the rule is not a size
 * @param capacityWords words the hardware has of it, or 0 when the rule is not a size
 * @param detail the whole reason in words, as a user reads it
 */
public record Infeasibility(
    String subject, String constraint, long neededWords, long capacityWords, String detail) {
  /** Validates the names and counts. */
  public Infeasibility {
    Checks.notBlank("subject", subject);
    Checks.notBlank("constraint", constraint);
    Checks.nonNegative("neededWords", neededWords);
    Checks.nonNegative("capacityWords", capacityWords);
    Checks.notBlank("detail", detail);
  }

  /** A reason that is a rule rather than a size. */
  public static Infeasibility rule(String subject, String constraint, String detail) {
    return new Infeasibility(subject, constraint, 0, 0, detail);
  }

  /** The user-facing error for a run that asked for exactly this mapping. */
  public ConfigException toException() {
    return new ConfigException(subject, 0, "", detail);
  }

  /** The one-line message, as {@link #toException()} words it ({@code subject: detail}). */
  public String message() {
    return subject + ": " + detail;
  }

  @Override
  public String toString() {
    return message();
  }
}
