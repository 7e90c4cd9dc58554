package org.tessel.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the CLI talks to a person at a terminal (progress bars redraw in place) or to a pipe. */
final class Terminal {
  private Terminal() {}

  /**
   * True when standard input and output are a terminal. Up to JDK 21 {@link System#console()} is
   * null exactly when they are not; from JDK 22 it is never null and {@code Console.isTerminal()}
   * (JDK 22 API, called reflectively since we compile for 17) tells.
   */
  // The null test is right on JDK 17 to 21, which we target; JDK 22+ is handled by isTerminal().
  @SuppressWarnings("SystemConsoleNull")
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    Method isTerminal;
    try {
      isTerminal = Console.class.getMethod("isTerminal");
    } catch (NoSuchMethodException e) {
      return true; // JDK 17 to 21: a console exists only on a terminal
    }
    try {
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
