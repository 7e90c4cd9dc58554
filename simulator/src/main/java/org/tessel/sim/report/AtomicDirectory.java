package org.tessel.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * An output directory written in a temporary sibling and moved into place only when complete, so a
 * failed run leaves no half-written output. An existing directory of the same name is replaced.
 */
public final class AtomicDirectory implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private boolean committed;

  private AtomicDirectory(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
  }

  /** Starts writing {@code target}; files go to {@link #dir()} until {@link #commit()}. */
  public static AtomicDirectory begin(Path target) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
    readable(temp, "rwxr-xr-x");
    return new AtomicDirectory(abs, temp);
  }

  /** Where to write files now. */
  public Path dir() {
    return temp;
  }

  /** Moves the finished directory into place. */
  public void commit() throws IOException {
    try (var files = Files.list(temp)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        readable(f, Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--");
      }
    }
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
    if (old != null) {
      deleteTree(old);
    }
  }

  /** Deletes the temporary directory unless committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        deleteTree(temp);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Writes a file through a temporary sibling and an atomic move. */
  public static void writeFile(Path file, String content) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, content);
      readable(tmp, "rw-r--r--");
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Temp files are private; results get the usual permissions where the file system has them. */
  private static void readable(Path p, String perms) throws IOException {
    if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
          perms));
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
