package org.tessel.sched.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Csv;

/**
 * The layout of {@code PROFILE.csv}: {@code #} lines saying what the rows were computed from and
 * what the columns mean, a header of column names (the grid's parameters, then the figures), one
 * row per point in grid order. Figures have fixed decimals ({@link Locale#ROOT}); text with a comma
 * or a quote is quoted as RFC 4180 says.
 */
public final class ProfileCsv {
  /** The figures after the parameter columns. */
  public static final List<String> FIGURES =
      List.of(
          "feasible",
          "cycles",
          "latencyMs",
          "energyPj",
          "utilisation",
          "onChipBytes",
          "reconfigurations",
          "dataflows",
          "reason");

  private ProfileCsv() {}

  /** The header lines (comments, then column names) of a sweep of {@code spec}. */
  public static List<String> header(ProfileSpec spec) {
    List<String> cols = new ArrayList<>();
    for (Param p : spec.grid().params()) {
      cols.add(p.key());
    }
    cols.addAll(FIGURES);
    return List.of(
        spec.provenance(),
        "# one row per point in grid order; parameters as in docs/hardware-format.md; cycles"
            + " include reconfiguration; latencyMs = cycles / (clockMHz x 1000); energyPj under"
            + " the point's energy table; utilisation = MACs x batch / (PEs x cycles);"
            + " dataflows = array layers per chosen dataflow; infeasible points: feasible=false,"
            + " no figures, the reason",
        "# onChipBytes is the area proxy: " + AreaProxy.DEFINITION,
        String.join(",", cols));
  }

  /** The row of {@code r}, without a line end. */
  public static String row(PointResult r) {
    List<String> f = new ArrayList<>(r.values());
    f.add(Boolean.toString(r.feasible()));
    if (r.feasible()) {
      f.add(Long.toString(r.cycles()));
      f.add(String.format(Locale.ROOT, "%.6f", r.latencyMs()));
      f.add(String.format(Locale.ROOT, "%.1f", r.energyPj()));
      f.add(String.format(Locale.ROOT, "%.4f", r.utilisation()));
      f.add(Long.toString(r.onChipBytes()));
      f.add(Integer.toString(r.reconfigurations()));
    } else {
      f.addAll(List.of("", "", "", ""));
      f.add(Long.toString(r.onChipBytes()));
      f.add("");
    }
    f.add(r.dataflows());
    f.add(r.reason());
    return Csv.row(f);
  }

  /**
   * The result a row holds.
   *
   * @throws ConfigException at {@code file:line} when the row is not one this class writes
   */
  public static PointResult parse(String line, int params, String file, int lineNo) {
    List<String> f = Csv.fields(line, file, lineNo);
    if (f.size() != params + FIGURES.size()) {
      throw new ConfigException(
          file, lineNo, "", "expected " + (params + FIGURES.size()) + " fields, found " + f.size());
    }
    List<String> values = f.subList(0, params);
    int k = params;
    try {
      boolean feasible = bool(f.get(k), file, lineNo);
      long area = Long.parseLong(f.get(k + 5));
      if (!feasible) {
        return PointResult.infeasible(values, area, f.get(k + 8));
      }
      return new PointResult(
          values,
          true,
          Long.parseLong(f.get(k + 1)),
          Double.parseDouble(f.get(k + 2)),
          Double.parseDouble(f.get(k + 3)),
          Double.parseDouble(f.get(k + 4)),
          area,
          Integer.parseInt(f.get(k + 6)),
          f.get(k + 7),
          f.get(k + 8));
    } catch (NumberFormatException e) {
      throw new ConfigException(file, lineNo, "", "not a number: " + e.getMessage());
    }
  }

  private static boolean bool(String s, String file, int line) {
    if (!s.equals("true") && !s.equals("false")) {
      throw new ConfigException(file, line, "feasible", "expected true or false, was '" + s + "'");
    }
    return s.equals("true");
  }
}
