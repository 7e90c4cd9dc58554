package org.tessel.sched.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Csv;
import org.tessel.sim.config.TextFiles;

/**
 * Reads a grid file into a {@link Grid.Builder}.
 *
 * <p>A {@code .csv} file lists points: a header of parameter names, then one row per point (one
 * value per cell); its rows become one axis, in file order. Any other file is a flat YAML mapping,
 * one axis per key in file order, whose value is the same text as after {@code --sweep NAME=}
 * ({@code array.rows: 8:32:8}), a flow list ({@code sram.eachKiB: [32, 64, 128]}) or a block list
 * of {@code - value} lines. Blank lines and {@code #} comments are skipped. Mistakes are reported
 * at {@code file:line}.
 */
public final class GridFile {
  private GridFile() {}

  /**
   * Adds the axes of {@code file} to {@code grid}.
   *
   * @throws ConfigException for a missing file or a mistake in it
   */
  public static Grid.Builder read(Path file, Grid.Builder grid) {
    String name = file.toString();
    List<String> lines = TextFiles.lines(file);
    if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return csv(name, lines, grid);
    }
    return yaml(name, lines, grid);
  }

  private static Grid.Builder yaml(String file, List<String> lines, Grid.Builder grid) {
    @Nullable String key = null;
    int keyLine = 0;
    @Nullable List<String> items = null;
    int axes = 0;
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      String line = stripComment(lines.get(i));
      if (line.isBlank()) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) || line.startsWith("-")) {
        String t = line.trim();
        if (items == null || !(t.equals("-") || t.startsWith("- "))) {
          throw new ConfigException(
              file,
              n,
              "",
              "expected 'name: values' at the start of the"
                  + " line"
                  + (items != null ? " or a '- value' item" : ""));
        }
        items.add(unquote(t.substring(1).trim()));
        continue;
      }
      if (key != null && items != null) { // a kept key has its list
        axes += flush(file, key, keyLine, items, grid);
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new ConfigException(
            file, n, "", "expected 'name: values', was '" + line.trim() + "'");
      }
      key = line.substring(0, colon).trim();
      keyLine = n;
      String value = line.substring(colon + 1).trim();
      items = null;
      if (value.isEmpty()) {
        items = new ArrayList<>();
      } else {
        Param p = Grid.Builder.param(key, file, n);
        grid.add(Axis.of(p, Values.parse(p, flow(file, n, key, value), file, n)), file, n);
        axes++;
        key = null;
      }
    }
    if (key != null && items != null) { // a kept key has its list
      axes += flush(file, key, keyLine, items, grid);
    }
    if (axes == 0) {
      throw new ConfigException(file, 0, "", "no parameters (expected 'name: values' lines)");
    }
    return grid;
  }

  private static int flush(
      String file, String key, int line, List<String> items, Grid.Builder grid) {
    Param p = Grid.Builder.param(key, file, line);
    grid.add(Axis.of(p, Values.parse(p, String.join(",", items), file, line)), file, line);
    return 1;
  }

  /** A flow list {@code [a, b]} as {@code a,b}; a scalar unquoted. */
  private static String flow(String file, int line, String key, String value) {
    if (value.startsWith("[")) {
      if (!value.endsWith("]")) {
        throw new ConfigException(file, line, key, "list not closed: '" + value + "'");
      }
      List<String> parts = new ArrayList<>();
      for (String s : value.substring(1, value.length() - 1).split(",", -1)) {
        parts.add(unquote(s.trim()));
      }
      return String.join(",", parts);
    }
    return unquote(value);
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  /** The line without a {@code #} comment (at the start or after a space, outside quotes). */
  private static String stripComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static Grid.Builder csv(String file, List<String> lines, Grid.Builder grid) {
    List<Param> params = null;
    int headerLine = 0;
    List<List<String>> rows = new ArrayList<>();
    Map<List<String>, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      String line = lines.get(i);
      if (line.isBlank() || line.trim().startsWith("#")) {
        continue;
      }
      String[] cells = Csv.fields(line, file, n).toArray(new String[0]);
      if (params == null) {
        params = new ArrayList<>();
        for (String c : cells) {
          Param p = Grid.Builder.param(c.trim(), file, n);
          if (params.contains(p)) {
            throw new ConfigException(file, n, p.key(), "column given twice");
          }
          params.add(p);
        }
        headerLine = n;
        continue;
      }
      if (cells.length != params.size()) {
        throw new ConfigException(
            file,
            n,
            "",
            "expected " + params.size() + " values (" + keys(params) + "), found " + cells.length);
      }
      List<String> row = new ArrayList<>();
      for (int k = 0; k < cells.length; k++) {
        List<String> v = Values.parse(params.get(k), cells[k], file, n);
        if (v.size() != 1) {
          throw new ConfigException(
              file,
              n,
              params.get(k).key(),
              "one value per cell, '" + cells[k].trim() + "' gives " + v.size());
        }
        row.add(v.get(0));
      }
      Integer prev = seen.putIfAbsent(row, n);
      if (prev != null) {
        throw new ConfigException(file, n, "", "same point as line " + prev);
      }
      rows.add(row);
    }
    if (params == null) {
      throw new ConfigException(
          file, 0, "", "no header (expected parameter names, then one row" + " per point)");
    }
    if (rows.isEmpty()) {
      throw new ConfigException(file, headerLine, "", "no points below the header");
    }
    return grid.add(new Axis(params, rows), file, headerLine);
  }

  private static String keys(List<Param> params) {
    List<String> out = new ArrayList<>();
    for (Param p : params) {
      out.add(p.key());
    }
    return String.join(",", out);
  }
}
