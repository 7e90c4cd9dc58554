package org.tessel.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON (RFC 8259) reader for JMH's result files: objects become insertion-ordered maps,
 * arrays lists, numbers {@code Double}, and {@code null} {@link #NULL}. The project writes JSON
 * with {@code org.tessel.sim.report.Json} but had no reader; JMH's files are small, so a
 * recursive descent over a string is enough and keeps the CLI free of another dependency.
 */
final class JsonReader {
  /** The JSON {@code null} (maps and lists here hold no Java nulls). */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;
  private int depth;

  private JsonReader(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value (surrounding white space allowed).
   *
   * @throws IllegalArgumentException naming the offset of the first error
   */
  static Object parse(String text) {
    JsonReader r = new JsonReader(text);
    r.space();
    Object v = r.value();
    r.space();
    if (r.pos != text.length()) {
      throw r.error("text after the value");
    }
    return v;
  }

  private Object value() {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", true);
      case 'f' -> literal("false", false);
      case 'n' -> literal("null", NULL);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    enter();
    pos++;
    Map<String, Object> m = new LinkedHashMap<>();
    space();
    if (peek('}')) {
      pos++;
      depth--;
      return Collections.unmodifiableMap(m);
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw error("expected a string key");
      }
      String key = string();
      space();
      expect(':');
      space();
      m.put(key, value());
      space();
      if (peek(',')) {
        pos++;
      } else {
        expect('}');
        depth--;
        return Collections.unmodifiableMap(m);
      }
    }
  }

  private List<Object> array() {
    enter();
    pos++;
    List<Object> l = new ArrayList<>();
    space();
    if (peek(']')) {
      pos++;
      depth--;
      return Collections.unmodifiableList(l);
    }
    while (true) {
      space();
      l.add(value());
      space();
      if (peek(',')) {
        pos++;
      } else {
        expect(']');
        depth--;
        return Collections.unmodifiableList(l);
      }
    }
  }

  private String string() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          pos += 4;
        }
        default -> throw error("bad escape \\" + e);
      }
    }
  }

  private Double number() {
    int start = pos;
    if (peek('-')) {
      pos++;
    }
    while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String n = text.substring(start, pos);
    if (n.isEmpty() || n.equals("-") || !Character.isDigit(n.charAt(n.length() - 1))) {
      throw error("expected a value");
    }
    try {
      return Double.valueOf(n);
    } catch (NumberFormatException e) {
      throw error("bad number '" + n + "'");
    }
  }

  private Object literal(String word, Object v) {
    if (!text.startsWith(word, pos)) {
      throw error("expected a value");
    }
    pos += word.length();
    return v;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void space() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("JSON at offset " + pos + ": " + what);
  }
}
