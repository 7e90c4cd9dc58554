package org.tessel.sim.output;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * New private temporary files and folders beside a result, named by the clock and created
 * exclusively (an existing name is never reused: another process that took it makes this one try
 * the next name). Unlike {@link Files#createTempFile} this does not seed a {@code SecureRandom} for
 * the name, which cost 7 ms of a 0.3 s {@code tessel simulate} call; the names need to be unique,
 * not unguessable, since the file is created exclusively and private.
 */
final class TempPaths {
  private static final int ATTEMPTS = 1000;

  private TempPaths() {}

  /** A new empty file {@code dir/<prefix><unique><suffix>}, readable by its owner only. */
  static Path file(Path dir, String prefix, String suffix) throws IOException {
    return create(dir, prefix, suffix, false);
  }

  /** A new empty folder {@code dir/<prefix><unique>}, for its owner only. */
  static Path folder(Path dir, String prefix) throws IOException {
    return create(dir, prefix, "", true);
  }

  private static Path create(Path dir, String prefix, String suffix, boolean folder)
      throws IOException {
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attrs =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(
                  PosixFilePermissions.fromString(folder ? "rwx------" : "rw-------"))
            }
            : new FileAttribute<?>[0];
    for (int attempt = 0; ; attempt++) {
      Path p = dir.resolve(prefix + Long.toString(System.nanoTime() + attempt, 36) + suffix);
      try {
        return folder ? Files.createDirectory(p, attrs) : Files.createFile(p, attrs);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
