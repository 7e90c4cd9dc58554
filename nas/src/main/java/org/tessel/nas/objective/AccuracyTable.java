package org.tessel.nas.objective;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Numbers;

/**
 * The accuracy oracle: a CSV with a header, one row per architecture, keyed by arch string (column
 * {@code arch_str}, {@code arch} or {@code arch_string}) or by index ({@code arch_index} or {@code
 * index}); with both, they must agree. For NAS-Bench-201 the table in {@code
 * ../shared/validation/nasbench201/} fits as it is.
 *
 * <p>Every mistake is refused when the table is read, with the file, line and column: an arch the
 * space does not know (an unknown op), an index outside it, a value that is not a number, an arch
 * listed twice, and, for a space small enough to enumerate, archs missing from the table.
 */
public final class AccuracyTable {
  static final List<String> ARCH_COLUMNS = List.of("arch_str", "arch", "arch_string");
  static final List<String> INDEX_COLUMNS = List.of("arch_index", "index");

  /** The accuracy column chosen when several are present and none was asked for. */
  public static final String DEFAULT_COLUMN = "cifar10_test_acc";

  private final String file;
  private final String column;
  private final Map<Genome, Double> accuracy;

  private AccuracyTable(String file, String column, Map<Genome, Double> accuracy) {
    this.file = file;
    this.column = column;
    this.accuracy = Collections.unmodifiableMap(accuracy);
  }

  /**
   * Reads {@code path} for {@code space}, taking accuracy from {@code column} (null: {@value
   * #DEFAULT_COLUMN} if present, else the one column whose name holds {@code acc}).
   *
   * @throws ConfigException naming file, line and column of the first mistake
   */
  public static AccuracyTable read(Path path, SearchSpace space, @Nullable String column) {
    CsvTable t = CsvTable.read(path);
    String f = t.file();
    int archCol = t.column(ARCH_COLUMNS);
    int indexCol = t.column(INDEX_COLUMNS);
    if (archCol < 0 && indexCol < 0) {
      throw new ConfigException(
          f,
          1,
          "header",
          "no arch column: expected one of "
              + String.join("|", ARCH_COLUMNS)
              + " or "
              + String.join("|", INDEX_COLUMNS));
    }
    int accCol = accuracyColumn(t, column);
    String accName = t.header().get(accCol);
    Map<Genome, Double> acc = new HashMap<>();
    Map<Genome, Integer> lineOf = new HashMap<>();
    for (CsvTable.Row row : t.rows()) {
      @Nullable Genome g = null;
      if (archCol >= 0) {
        try {
          g = space.parseArch(row.fields().get(archCol));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(
              f, row.line(), t.header().get(archCol), ConfigException.messageOf(e));
        }
      }
      if (indexCol >= 0) {
        g = checkIndex(t, row, indexCol, space, g);
      }
      if (g == null) {
        throw new IllegalStateException("an arch or index column was checked above");
      }
      double v = number(f, row, accCol, accName);
      Integer seen = lineOf.putIfAbsent(g, row.line());
      if (seen != null) {
        String key = t.header().get(archCol >= 0 ? archCol : indexCol);
        throw new ConfigException(
            f,
            row.line(),
            key,
            "duplicate: the same arch as line " + seen + " (" + space.archString(g) + ")");
      }
      acc.put(g, v);
    }
    if (space.enumerable() && acc.size() < space.size()) {
      for (long i = 0; i < space.size(); i++) {
        Genome g = space.genome(i);
        if (!acc.containsKey(g)) {
          throw new ConfigException(
              f,
              0,
              t.header().get(archCol >= 0 ? archCol : indexCol),
              (space.size() - acc.size())
                  + " of the space's "
                  + space.size()
                  + " archs are"
                  + " missing, the first "
                  + space.archString(g)
                  + " (index "
                  + i
                  + ")");
        }
      }
    }
    return new AccuracyTable(f, accName, acc);
  }

  /** The file read. */
  public String file() {
    return file;
  }

  /** The accuracy column read. */
  public String column() {
    return column;
  }

  /** Rows read. */
  public int size() {
    return accuracy.size();
  }

  /**
   * The accuracy of {@code g}.
   *
   * @throws ConfigException when the table has no row for it
   */
  public double accuracy(Genome g, SearchSpace space) {
    Double v = accuracy.get(g);
    if (v == null) {
      throw new ConfigException(file, 0, "", "no accuracy for arch " + space.archString(g));
    }
    return v;
  }

  private static int accuracyColumn(CsvTable t, @Nullable String asked) {
    if (asked != null) {
      int i = t.header().indexOf(asked);
      if (i < 0) {
        throw new ConfigException(
            t.file(),
            1,
            "header",
            "no column '" + asked + "' (columns: " + String.join(",", t.header()) + ")");
      }
      return i;
    }
    int i = t.header().indexOf(DEFAULT_COLUMN);
    if (i >= 0) {
      return i;
    }
    int found = -1;
    for (int k = 0; k < t.header().size(); k++) {
      if (t.header().get(k).toLowerCase(java.util.Locale.ROOT).contains("acc")) {
        if (found >= 0) {
          throw new ConfigException(
              t.file(),
              1,
              "header",
              "several accuracy columns ("
                  + t.header().get(found)
                  + ", "
                  + t.header().get(k)
                  + "): choose one with"
                  + " --accuracy-column");
        }
        found = k;
      }
    }
    if (found < 0) {
      throw new ConfigException(
          t.file(),
          1,
          "header",
          "no accuracy column (a name holding" + " 'acc', or give --accuracy-column)");
    }
    return found;
  }

  private static Genome checkIndex(
      CsvTable t, CsvTable.Row row, int col, SearchSpace space, @Nullable Genome fromArch) {
    String name = t.header().get(col);
    String text = row.fields().get(col);
    if (row.quoted(col)) {
      throw new ConfigException(
          t.file(),
          row.line(),
          name,
          "expected a number, found the quoted"
              + " text \""
              + text
              + "\" (write numbers without quotes)");
    }
    long idx;
    try {
      idx = Numbers.whole(text);
    } catch (NumberFormatException e) {
      throw new ConfigException(t.file(), row.line(), name, "not an integer: '" + text + "'");
    }
    if (idx < 0 || idx >= space.size()) {
      throw new ConfigException(
          t.file(),
          row.line(),
          name,
          idx + " is outside the space's" + " indexes 0.." + (space.size() - 1));
    }
    Genome g = space.genome(idx);
    if (fromArch != null && !fromArch.equals(g)) {
      throw new ConfigException(
          t.file(),
          row.line(),
          name,
          idx
              + " does not match the arch"
              + " string, which is index "
              + space.index(fromArch)
              + " of "
              + space.name());
    }
    return g;
  }

  private static double number(String f, CsvTable.Row row, int col, String name) {
    String text = row.fields().get(col);
    if (row.quoted(col)) {
      throw new ConfigException(
          f,
          row.line(),
          name,
          "expected a number, found the quoted text"
              + " \""
              + text
              + "\" (write numbers without quotes)");
    }
    double v;
    try {
      v = Numbers.real(text);
    } catch (NumberFormatException e) {
      throw new ConfigException(f, row.line(), name, "not a number: '" + text + "'");
    }
    if (v < 0 || v > 100) {
      throw new ConfigException(
          f, row.line(), name, "an accuracy is a percentage in [0, 100]," + " was " + text);
    }
    return v;
  }
}
