package org.tessel.sim.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.config.ConfigException;

/**
 * A run's output folder ({@code -p DIR} gives {@code DIR/<run_name>/}). The run writes its files
 * into {@link #dir()}, a hidden staging folder inside the target; {@link #commit()} then checks
 * every destination against the {@link OutputPolicy} (all of them, before anything moves) and moves
 * each file into place with one atomic rename. Only the files the run writes are replaced: anything
 * else in the folder (a user's notes, the schedule a replay read) is kept.
 *
 * <p>The folder remembers what Tessel wrote in it, in {@value #MANIFEST}; a file of the same name
 * as an output that Tessel did not write is refused unless the policy forces it. A target that
 * exists and is not a folder is refused. A failed run leaves the folder as it was (and removes it
 * if the run created it).
 */
public final class RunFolder implements AutoCloseable {
  /** The list of files Tessel wrote into the folder, one relative path a line. */
  public static final String MANIFEST = ".tessel-outputs";

  private static final String HEAD = "# files Tessel wrote here; it never touches the others";

  private final Path target;
  private final Path staging;
  private final @Nullable Path created;
  private final OutputPolicy policy;
  private boolean committed;

  private RunFolder(Path target, Path staging, @Nullable Path created, OutputPolicy policy) {
    this.target = target;
    this.staging = staging;
    this.created = created;
    this.policy = policy;
  }

  /**
   * Starts writing {@code target}; files go to {@link #dir()} until {@link #commit()}.
   *
   * @throws ConfigException when {@code target} exists and is not a folder
   */
  public static RunFolder begin(Path target, OutputPolicy policy) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    checkFolder(target);
    Path created = firstMissing(abs);
    Files.createDirectories(abs);
    Path staging = TempPaths.folder(abs, ".tessel-staging-");
    return new RunFolder(abs, staging, created, policy);
  }

  /** Where to write files now. */
  public Path dir() {
    return staging;
  }

  /** The folder. */
  public Path target() {
    return target;
  }

  /**
   * Moves every staged file into the folder.
   *
   * @throws ConfigException when the policy refuses a destination (then nothing has moved)
   */
  public void commit() throws IOException {
    List<String> files = new ArrayList<>();
    // a visitor, as deleteTree walks: a stream and its lambdas cost a short run's start-up more
    Files.walkFileTree(
        staging,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              files.add(relative(staging, file));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    checkFiles(target, policy, files);
    record(target, policy, files);
    for (String rel : files) {
      Path dest = target.resolve(rel);
      Path from = staging.resolve(rel);
      Path parent = dest.getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        Files.createDirectories(parent);
        OutputFile.readable(parent, true);
      }
      OutputFile.readable(from, false);
      Files.move(from, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
    deleteTree(staging);
  }

  /** Deletes the staging folder unless committed (and the target, if this run created it). */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      deleteTree(staging);
      removeCreated(target, created);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks that {@code folder} may hold the run's files {@code names} (paths relative to it): each
   * passes the policy, and one that exists was written by Tessel or the policy forces.
   *
   * @throws ConfigException naming the first file that may not be replaced
   */
  public static void checkFiles(Path folder, OutputPolicy policy, Collection<String> names) {
    checkFolder(folder);
    Set<String> owned = owned(folder);
    for (String rel : names) {
      Path dest = folder.resolve(rel);
      for (Path p = dest.getParent();
          p != null && p.startsWith(folder) && !p.equals(folder);
          p = p.getParent()) {
        if (Files.isSymbolicLink(p) || (Files.exists(p) && !Files.isDirectory(p))) {
          throw new ConfigException(
              p.toString(),
              0,
              "",
              "is in the way of " + dest + " (not a folder); move it or choose another -p DIR");
        }
      }
      policy.check(dest);
      if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)
          && !owned.contains(rel)
          && !policy.force()) {
        throw new ConfigException(
            dest.toString(),
            0,
            "",
            "exists and was not written by Tessel"
                + " (not listed in "
                + MANIFEST
                + "); move it, or give --force to replace it");
      }
    }
  }

  /** Adds {@code names} to the folder's list of files Tessel wrote. */
  public static void record(Path folder, OutputPolicy policy, Collection<String> names)
      throws IOException {
    Set<String> all = new TreeSet<>(owned(folder));
    if (all.containsAll(names) && Files.isRegularFile(folder.resolve(MANIFEST))) {
      return;
    }
    all.addAll(names);
    StringBuilder sb = new StringBuilder(HEAD).append('\n');
    for (String n : all) {
      sb.append(n).append('\n');
    }
    OutputFile.write(
        folder.resolve(MANIFEST), sb.toString(), new OutputPolicy(policy.inputs(), true));
  }

  /** The files the manifest of {@code folder} lists (empty when it has none). */
  static Set<String> owned(Path folder) {
    Path m = folder.resolve(MANIFEST);
    Set<String> out = new TreeSet<>();
    if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try {
      if (Files.size(m) > (1 << 24)) {
        return out;
      }
      for (String line : Files.readAllLines(m)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (IOException | UncheckedIOException e) {
      out.clear(); // unreadable: nothing counts as Tessel's
    }
    return out;
  }

  /** Refuses a run folder path that exists and is not a folder. */
  private static void checkFolder(Path folder) {
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
      throw new ConfigException(
          folder.toString(),
          0,
          "",
          "exists and is not a folder; the run"
              + " writes its files into a folder of this name: move it or choose another -p DIR");
    }
  }

  private static String relative(Path root, Path f) {
    return root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
  }

  /** The outermost directory of {@code dir}'s path that does not exist yet (null: all exist). */
  public static @Nullable Path firstMissing(Path dir) {
    @Nullable Path missing = null;
    for (Path p = dir.toAbsolutePath().normalize();
        p != null && !Files.exists(p);
        p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /**
   * Removes the empty directories from {@code dir} up to {@code created}, which a run made (null:
   * it made none).
   */
  public static void removeCreated(Path dir, @Nullable Path created) throws IOException {
    if (created == null) {
      return;
    }
    for (Path p = dir.toAbsolutePath().normalize();
        p != null && p.startsWith(created);
        p = p.getParent()) {
      try {
        Files.deleteIfExists(p);
      } catch (DirectoryNotEmptyException e) {
        return; // someone else's files: keep it
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
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
