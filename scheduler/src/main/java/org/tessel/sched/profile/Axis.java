package org.tessel.sched.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * One dimension of a grid: one parameter with its values, or several parameters that change
 * together (the rows of a CSV grid file, one row per combination).
 *
 * @param params the parameters, in column order
 * @param rows the combinations, each one value per parameter, in grid order
 */
public record Axis(List<Param> params, List<List<String>> rows) {
  /** Copies the lists; requires at least one row, each as wide as {@code params}. */
  public Axis {
    params = List.copyOf(params);
    List<List<String>> copy = new ArrayList<>();
    for (List<String> r : rows) {
      if (r.size() != params.size()) {
        throw new IllegalArgumentException("row " + r + " does not match " + params);
      }
      copy.add(List.copyOf(r));
    }
    rows = List.copyOf(copy);
    if (params.isEmpty() || rows.isEmpty()) {
      throw new IllegalArgumentException("an axis needs parameters and values");
    }
  }

  /** One parameter taking {@code values}. */
  public static Axis of(Param param, List<String> values) {
    List<List<String>> rows = new ArrayList<>();
    for (String v : values) {
      rows.add(List.of(v));
    }
    return new Axis(List.of(param), rows);
  }

  /** Combinations along this axis. */
  public int size() {
    return rows.size();
  }
}
