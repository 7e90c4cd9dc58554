package org.tessel.sim.report;

/** A minimal JSON text builder: fixed key order, numbers in Java's locale-independent form. */
public final class Json {
  private final StringBuilder sb = new StringBuilder();
  private final java.util.ArrayDeque<Boolean> first = new java.util.ArrayDeque<>();
  private int depth;

  /** Opens an object (as a value, or as the root). */
  public Json beginObject() {
    sb.append('{');
    first.push(true);
    depth++;
    return this;
  }

  /** Closes the current object. */
  public Json endObject() {
    depth--;
    first.pop();
    newline();
    sb.append('}');
    return this;
  }

  /** Opens an array value under {@code key}. */
  public Json beginArray(String key) {
    key(key);
    sb.append('[');
    first.push(true);
    depth++;
    return this;
  }

  /** Closes the current array. */
  public Json endArray() {
    depth--;
    first.pop();
    newline();
    sb.append(']');
    return this;
  }

  /** Starts an object element inside an array. */
  public Json element() {
    comma();
    newline();
    return beginObject();
  }

  /** Opens an object value under {@code key}. */
  public Json object(String key) {
    key(key);
    return beginObject();
  }

  /** A string field. */
  public Json field(String key, String value) {
    key(key);
    quote(value);
    return this;
  }

  /** An integer field. */
  public Json field(String key, long value) {
    key(key);
    sb.append(value);
    return this;
  }

  /** A number field (finite). */
  public Json field(String key, double value) {
    key(key);
    sb.append(Double.isFinite(value) ? PyFloat.repr(value) : "null");
    return this;
  }

  private void key(String key) {
    comma();
    newline();
    quote(key);
    sb.append(": ");
  }

  private void comma() {
    if (!first.isEmpty()) {
      if (!first.peek()) {
        sb.append(',');
      }
      first.pop();
      first.push(false);
    }
  }

  private void newline() {
    sb.append('\n');
    for (int i = 0; i < depth; i++) {
      sb.append("  ");
    }
  }

  private void quote(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  @Override
  public String toString() {
    return sb.toString() + "\n";
  }
}
