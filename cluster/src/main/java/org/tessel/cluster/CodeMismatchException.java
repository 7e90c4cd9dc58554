package org.tessel.cluster;

/** A member was asked to run a job of other code than its own, and refused. */
public final class CodeMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A refusal with its message. */
  public CodeMismatchException(String message) {
    super(message);
  }
}
