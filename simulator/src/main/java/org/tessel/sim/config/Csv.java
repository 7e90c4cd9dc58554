package org.tessel.sim.config;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The one CSV field codec of Tessel's own files (RFC 4180): {@link #quote} for writers and {@link
 * #fields} for readers. SCALE-Sim's report and topology formats keep their own byte-exact layout.
 */
public final class Csv {
  private Csv() {}

  /**
   * {@code s} as one field: as is, or in double quotes (quotes doubled) when it holds a comma, a
   * quote or a line break.
   */
  public static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** {@code fields} quoted as {@link #quote} does and joined with commas. */
  public static String row(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(quote(fields.get(i)));
    }
    return sb.toString();
  }

  /**
   * The fields of one line: split on commas outside double quotes; a quote opens a quoted part
   * where a field starts (after blanks), a doubled quote inside one is a quote.
   *
   * @throws ConfigException at {@code file:lineNo} when a quote is not closed
   */
  public static List<String> fields(String line, String file, int lineNo) {
    return fields(line, file, lineNo, new BitSet());
  }

  /**
   * As {@link #fields(String, String, int)}, and sets in {@code quoted} the index of every field
   * that was written in quotes (a reader may then take it as text, never as a number).
   *
   * @throws ConfigException at {@code file:lineNo} when a quote is not closed
   */
  public static List<String> fields(String line, String file, int lineNo, BitSet quoted) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inQuotes) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          inQuotes = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"' && cur.toString().isBlank()) {
        inQuotes = true;
        quoted.set(out.size());
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (inQuotes) {
      throw new ConfigException(file, lineNo, "", "quote not closed");
    }
    out.add(cur.toString());
    return out;
  }
}
