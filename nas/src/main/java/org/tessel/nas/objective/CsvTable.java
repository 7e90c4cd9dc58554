package org.tessel.nas.objective;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Csv;

/**
 * A CSV file with a header line, read whole, every row with its line number: fields split on
 * commas, surrounding whitespace trimmed, double quotes around a field removed (a quoted field
 * may hold commas); blank lines and lines starting with {@code #} skipped.
 */
final class CsvTable {
  /** One data line. */
  record Row(int line, List<String> fields) {}

  private final String file;
  private final List<String> header;
  private final List<Row> rows;

  private CsvTable(String file, List<String> header, List<Row> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  /**
   * Reads {@code path}.
   *
   * @throws ConfigException for a missing or empty file, or a row with the wrong field count
   */
  static CsvTable read(Path path) {
    String name = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(name, 0, "", "file not found");
    }
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> f = split(name, n, line);
        if (header == null) {
          header = f;
        } else if (f.size() != header.size()) {
          throw new ConfigException(name, n, "", "expected " + header.size()
              + " fields as in the header, found " + f.size());
        } else {
          rows.add(new Row(n, f));
        }
      }
    } catch (IOException e) {
      throw new ConfigException(name, 0, "", "cannot read: " + e.getMessage());
    }
    if (header == null) {
      throw new ConfigException(name, 1, "", "the file is empty (expected a header line)");
    }
    return new CsvTable(name, List.copyOf(header), rows);
  }

  String file() {
    return file;
  }

  List<String> header() {
    return header;
  }

  List<Row> rows() {
    return rows;
  }

  /** The position of the first header in {@code names} that the file has, or -1. */
  int column(List<String> names) {
    for (String n : names) {
      int i = header.indexOf(n);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> split(String file, int line, String text) {
    List<String> out = new ArrayList<>();
    for (String f : Csv.fields(text, file, line)) {
      out.add(f.trim());
    }
    return out;
  }
}
