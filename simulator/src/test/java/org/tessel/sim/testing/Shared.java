package org.tessel.sim.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates reference data in {@code ../shared/validation} (set by surefire as {@code
 * tessel.shared.dir}). Tests that need it are skipped, never failed, when it is absent.
 */
public final class Shared {
  private Shared() {}

  /** The validation directory, or null when absent. */
  public static Path validationDirOrNull() {
    String prop = System.getProperty("tessel.shared.dir");
    Path base = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
    Path v = base.resolve("validation");
    return Files.isDirectory(v) ? v.normalize() : null;
  }

  /** The validation directory; skips the calling test when it is absent. */
  public static Path validationDir() {
    Path v = validationDirOrNull();
    assumeTrue(v != null, "../shared/validation is not present: reference test skipped");
    return v;
  }

  /** The repository root (for traces/). */
  public static Path rootDir() {
    String prop = System.getProperty("tessel.root.dir");
    return prop != null ? Path.of(prop) : Path.of("..");
  }
}
