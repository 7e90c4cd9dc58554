package org.tessel.nas.objective;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Csv;
import org.tessel.sim.config.TextFiles;

/**
 * A CSV file with a header line, read whole, every row with its line number: fields split by the
 * one codec {@link Csv#fields(String, String, int, BitSet)} (a quoted field may hold commas and
 * doubled quotes), surrounding whitespace trimmed; blank lines and lines starting with {@code #}
 * skipped.
 */
final class CsvTable {
  /** One data line. */
  record Row(int line, List<String> fields, BitSet quoted) {
    /** Whether field {@code i} was written in quotes (then it is text, never a number). */
    boolean quoted(int i) {
      return quoted.get(i);
    }
  }

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
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    {
      int n = 0;
      for (String line : TextFiles.lines(path)) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        BitSet quoted = new BitSet();
        List<String> f = Csv.fields(line, name, n, quoted);
        f.replaceAll(String::trim);
        if (header == null) {
          header = f;
        } else if (f.size() != header.size()) {
          throw new ConfigException(
              name,
              n,
              "",
              "expected " + header.size() + " fields as in the header, found " + f.size());
        } else {
          rows.add(new Row(n, f, quoted));
        }
      }
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
}
