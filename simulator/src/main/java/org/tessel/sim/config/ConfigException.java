package org.tessel.sim.config;

/**
 * A mistake in a user's input: the message names the file, the line (1-based, 0 when it does not
 * apply), the field and what was expected.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;

  /** A mistake at {@code file:line} in {@code field}. */
  public ConfigException(String file, int line, String field, String message) {
    super(format(file, line, field, message));
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /**
   * The message of {@code e} (a record's or a parser's refusal) to quote in a one-line mistake: its
   * message, or its class's simple name when it has none.
   */
  public static String messageOf(Throwable e) {
    String m = e.getMessage();
    return m != null ? m : e.getClass().getSimpleName();
  }

  private static String format(String file, int line, String field, String message) {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (field != null && !field.isEmpty()) {
      sb.append(field).append(": ");
    }
    return sb.append(message).toString();
  }

  /** The file named in the message. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0. */
  public int line() {
    return line;
  }

  /** The field, or an empty string. */
  public String field() {
    return field == null ? "" : field;
  }
}
