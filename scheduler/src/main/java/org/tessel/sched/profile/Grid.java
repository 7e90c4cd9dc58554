package org.tessel.sched.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessel.sim.config.ConfigException;

/**
 * The points of a sweep: the product of its axes, the first axis outermost (it changes slowest), so
 * that grid order is the order the axes were given in and, within an axis, the order of its values.
 *
 * @param axes the axes, outermost first
 */
public record Grid(List<Axis> axes) {
  /** Most points a grid may have. */
  public static final int MAX_POINTS = 100_000;

  /** Copies the list; requires that no field is set by two axes and at most {@link #MAX_POINTS}. */
  public Grid {
    axes = List.copyOf(axes);
    Map<Param, Param> owner = new LinkedHashMap<>();
    long n = 1;
    for (Axis a : axes) {
      for (Param p : a.params()) {
        for (Param field : p.sets()) {
          Param prev = owner.put(field, p);
          if (prev != null) {
            throw new IllegalArgumentException(
                p.key() + " and " + prev.key() + " both set " + field.key());
          }
        }
      }
      n *= a.size();
      if (n > MAX_POINTS) {
        throw new IllegalArgumentException("more than " + MAX_POINTS + " points");
      }
    }
  }

  /** The grid of one point, setting nothing (the base hardware alone). */
  public static Grid single() {
    return new Grid(List.of());
  }

  /** The parameters, in column order (axis by axis). */
  public List<Param> params() {
    List<Param> out = new ArrayList<>();
    for (Axis a : axes) {
      out.addAll(a.params());
    }
    return out;
  }

  /** Points in the grid. */
  public int size() {
    int n = 1;
    for (Axis a : axes) {
      n *= a.size();
    }
    return n;
  }

  /** Every point, in grid order. */
  public List<Point> points() {
    List<Param> params = params();
    int n = size();
    List<Point> out = new ArrayList<>(n);
    int[] at = new int[axes.size()];
    for (int i = 0; i < n; i++) {
      List<String> values = new ArrayList<>(params.size());
      for (int k = 0; k < axes.size(); k++) {
        values.addAll(axes.get(k).rows().get(at[k]));
      }
      out.add(new Point(i, params, values));
      for (int k = axes.size() - 1; k >= 0; k--) {
        if (++at[k] < axes.get(k).size()) {
          break;
        }
        at[k] = 0;
      }
    }
    return out;
  }

  /** Collects axes from options and files, naming the source of a conflict. */
  public static final class Builder {
    private final List<Axis> axes = new ArrayList<>();
    private final Map<Param, String> setBy = new LinkedHashMap<>();
    private long points = 1;

    /**
     * Adds {@code NAME=VALUES} (a {@code --sweep} option).
     *
     * @throws ConfigException for an unknown name or bad values
     */
    public Builder sweep(String option) {
      int eq = option.indexOf('=');
      if (eq < 0) {
        throw new ConfigException("--sweep", 0, "", "expected NAME=VALUES, was '" + option + "'");
      }
      Param p = param(option.substring(0, eq).trim(), "--sweep", 0);
      return add(Axis.of(p, Values.parse(p, option.substring(eq + 1), "--sweep", 0)), "--sweep", 0);
    }

    /**
     * Adds an axis read from {@code file} at {@code line}.
     *
     * @throws ConfigException when the axis sets a field another axis already sets, or makes the
     *     grid too large
     */
    public Builder add(Axis axis, String file, int line) {
      for (Param p : axis.params()) {
        for (Param field : p.sets()) {
          String prev = setBy.get(field);
          if (prev != null) {
            throw new ConfigException(
                file,
                line,
                p.key(),
                "also set by "
                    + prev
                    + (field == p ? "" : " (" + p.key() + " sets " + field.key() + ")"));
          }
        }
        for (Param field : p.sets()) {
          setBy.put(
              field,
              p.key()
                  + (file.equals("--sweep")
                      ? " (--sweep)"
                      : " (" + file + (line > 0 ? ":" + line : "") + ")"));
        }
      }
      points *= axis.size();
      if (points > MAX_POINTS) {
        throw new ConfigException(
            file,
            line,
            axis.params().get(0).key(),
            "the grid would have " + points + " points, more than " + MAX_POINTS);
      }
      axes.add(axis);
      return this;
    }

    /** The grid (one point, the base hardware, when nothing was added). */
    public Grid build() {
      return new Grid(axes);
    }

    /** The parameter called {@code name}, or an error with the closest name. */
    static Param param(String name, String file, int line) {
      return Param.find(name)
          .orElseThrow(
              () ->
                  new ConfigException(
                      file,
                      line,
                      "",
                      "unknown parameter '"
                          + name
                          + "'"
                          + Param.closest(name).map(c -> " (did you mean '" + c + "'?)").orElse("")
                          + "; parameters: "
                          + String.join(", ", Param.names())));
    }
  }
}
