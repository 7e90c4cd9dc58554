package org.tessel.sim.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One output file written whole or not at all: the content goes to a temporary file in the same
 * directory, which is then moved over the target in one atomic step. The target is checked against
 * an {@link OutputPolicy} first (never an input, a link, a pipe or a device).
 */
public final class OutputFile {
  private OutputFile() {}

  /**
   * Writes {@code content} to {@code file}, creating its directory if needed.
   *
   * @throws org.tessel.sim.config.ConfigException when the policy refuses the path
   * @throws IOException when it cannot be written (then nothing is left behind)
   */
  public static void write(Path file, String content, OutputPolicy policy) throws IOException {
    write(file, content.getBytes(StandardCharsets.UTF_8), policy);
  }

  /** As {@link #write(Path, String, OutputPolicy)} for bytes. */
  public static void write(Path file, byte[] content, OutputPolicy policy) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    policy.check(file);
    Files.createDirectories(abs.getParent());
    Path tmp = TempPaths.file(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      Files.write(tmp, content);
      readable(tmp, false);
      policy.check(file); // again: it may have changed while the content was written
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Results get the usual permissions where the file system has them (temp files are private). */
  static void readable(Path p, boolean dir) throws IOException {
    if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(
          p, PosixFilePermissions.fromString(dir ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }
}
