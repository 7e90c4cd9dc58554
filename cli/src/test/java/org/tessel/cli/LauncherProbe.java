package org.tessel.cli;

/**
 * Stands in for the CLI in {@link LauncherTest}: packed into a jar that the test's stand-in {@code
 * mvn} "builds", it prints its arguments and the JVM options the launcher passed.
 */
public final class LauncherProbe {
  private LauncherProbe() {}

  /** Prints {@code probe ARGS | JVM-OPTIONS}. */
  public static void main(String[] args) {
    System.out.println(
        "probe "
            + String.join(" ", args)
            + " | "
            + String.join(
                " ",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
  }
}
