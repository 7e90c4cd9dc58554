package org.tessel.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JMH results as a compact text table: benchmark, one column per parameter, mode, count, score,
 * error (the half-width of the 99.9 % confidence interval, blank when JMH could not compute one)
 * and unit, then one column per secondary metric (auxiliary counters such as simulated cycles,
 * profiler figures), numbers to four significant digits.
 */
public final class ResultTable {
  private ResultTable() {}

  /** The table, columns aligned (numbers to the right), one line per result. */
  public static String format(List<JmhResult> results) {
    Set<String> params = new LinkedHashSet<>();
    Map<String, String> secondaryUnits = new LinkedHashMap<>();
    for (JmhResult r : results) {
      params.addAll(r.params().keySet());
      r.secondary().forEach((k, m) -> secondaryUnits.putIfAbsent(k, m.unit()));
    }
    List<String> header = new ArrayList<>(List.of("benchmark"));
    header.addAll(params);
    header.addAll(List.of("mode", "cnt", "score", "error", "units"));
    secondaryUnits.forEach((k, u) -> header.add(secondaryHeader(k, u)));
    List<String> secondaryNames = List.copyOf(secondaryUnits.keySet());
    // numbers per row: score, error, then each secondary score (NaN: blank)
    double[][] numbers = new double[results.size()][2 + secondaryNames.size()];
    for (int i = 0; i < results.size(); i++) {
      JmhResult r = results.get(i);
      numbers[i][0] = r.primary().score();
      numbers[i][1] = r.primary().error();
      for (int j = 0; j < secondaryNames.size(); j++) {
        Metric m = r.secondary().get(secondaryNames.get(j));
        numbers[i][2 + j] = m == null ? Double.NaN : m.score();
      }
    }
    boolean[] scientific = new boolean[numbers.length == 0 ? 0 : numbers[0].length];
    for (double[] row : numbers) {
      for (int j = 0; j < row.length; j++) {
        scientific[j] |= needsExponent(row[j]);
      }
    }
    int firstNumber = 1 + params.size() + 1;
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      JmhResult r = results.get(i);
      List<String> c = new ArrayList<>(List.of(r.shortName()));
      for (String p : params) {
        c.add(r.params().getOrDefault(p, ""));
      }
      c.add(r.mode());
      c.add(String.valueOf(r.primary().count()));
      c.add(cell(numbers[i][0], scientific[0]));
      c.add(cell(numbers[i][1], scientific[1]));
      c.add(r.primary().unit());
      for (int j = 0; j < secondaryNames.size(); j++) {
        Metric m = r.secondary().get(secondaryNames.get(j));
        String unit = secondaryUnits.get(secondaryNames.get(j));
        c.add(
            cell(numbers[i][2 + j], scientific[2 + j])
                + (m == null || m.unit().equals(unit) ? "" : " " + m.unit()));
      }
      rows.add(c.toArray(new String[0]));
    }
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).length();
    }
    for (String[] row : rows) {
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header.toArray(new String[0]), w, firstNumber);
    for (String[] row : rows) {
      line(sb, row, w, firstNumber);
    }
    return sb.toString();
  }

  private static String cell(double v, boolean scientific) {
    return Double.isNaN(v) ? "" : scientific ? exponent(v) : number(v);
  }

  private static boolean needsExponent(double v) {
    double a = Math.abs(v);
    return Double.isFinite(v) && v != 0 && (a >= 1e6 || a < 1e-3);
  }

  /** {@code cycles/s} for an auxiliary counter's {@code ops/s}, else {@code name (unit)}. */
  static String secondaryHeader(String name, String unit) {
    String n = name.startsWith("·") ? name.substring(1) : name;
    return unit.equals("ops/s") ? n + "/s" : n + " (" + unit + ")";
  }

  /**
   * Four significant digits ({@code 79.53}, {@code 4979}, {@code 200293}); scientific ({@code
   * 1.177e9}) outside 0.001 to 10^6. A column that needs the exponent anywhere uses it throughout.
   */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == 0) {
      return "0";
    }
    if (needsExponent(v)) {
      return exponent(v);
    }
    int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(Math.abs(v))));
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** Four significant digits with an exponent: {@code 1.177e9}, {@code 9.024e5}. */
  static String exponent(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == 0) {
      return "0";
    }
    String s = String.format(Locale.ROOT, "%.3e", v);
    int e = s.indexOf('e');
    return s.substring(0, e) + "e" + Integer.parseInt(s.substring(e + 1));
  }

  private static void line(StringBuilder sb, String[] c, int[] w, int firstNumber) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < c.length; i++) {
      if (i > 0) {
        l.append("  ");
      }
      boolean right = i >= firstNumber && !(i == firstNumber + 3);
      String pad = " ".repeat(w[i] - c[i].length());
      l.append(right ? pad + c[i] : c[i] + pad);
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }
}
