package org.tessel.sched.profile;

import java.util.List;
import org.tessel.sim.arch.HardwareDraft;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;

/**
 * One point of a grid: a value for each of the grid's parameters.
 *
 * @param index position in grid order, from 0
 * @param params the grid's parameters
 * @param values the point's values, one per parameter, in canonical spelling
 */
public record Point(int index, List<Param> params, List<String> values) {
  /** Copies the lists; requires one value per parameter. */
  public Point {
    params = List.copyOf(params);
    values = List.copyOf(values);
    if (params.size() != values.size()) {
      throw new IllegalArgumentException(values + " does not match " + params);
    }
  }

  /** The point's values as {@code name=value} pairs separated by spaces. */
  public String label() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < params.size(); i++) {
      sb.append(i == 0 ? "" : " ").append(params.get(i).key()).append('=').append(values.get(i));
    }
    return sb.toString();
  }

  /**
   * {@code base} with this point's values.
   *
   * @throws ConfigException when the values make no valid hardware together
   */
  public HardwareSpec hardware(HardwareSpec base) {
    HardwareDraft d = new HardwareDraft(base);
    for (int i = 0; i < params.size(); i++) {
      params.get(i).apply(d, values.get(i));
    }
    try {
      return d.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--sweep", 0, "", label() + ": " + e.getMessage());
    }
  }
}
