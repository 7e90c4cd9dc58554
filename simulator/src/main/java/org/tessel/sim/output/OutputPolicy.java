package org.tessel.sim.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.config.ConfigException;

/**
 * What a run may replace. An output path is refused (a {@link ConfigException} naming it) when it
 * is a symbolic link (Tessel never writes through a link, nor replaces one), when it exists and is
 * not a regular file (a folder, a pipe, a socket, a device), or when it is one of the run's {@code
 * inputs} (the same file, by any path or link; the message names both). A regular file in a run
 * folder that an earlier run did not write is replaced only with {@code force}.
 *
 * @param inputs the files the run reads
 * @param force whether files Tessel did not write may be replaced
 */
public record OutputPolicy(List<Path> inputs, boolean force) {
  /** No inputs to protect, no force. */
  public static final OutputPolicy DEFAULT = new OutputPolicy(List.of(), false);

  /** Copies the list. */
  public OutputPolicy {
    inputs = List.copyOf(inputs);
  }

  /** A policy protecting {@code inputs} (null entries are skipped). */
  public static OutputPolicy of(boolean force, @Nullable Path... inputs) {
    List<Path> in = new ArrayList<>();
    Arrays.stream(inputs).filter(Objects::nonNull).forEach(in::add);
    return new OutputPolicy(in, force);
  }

  /** This policy also protecting {@code more} (null entries are skipped). */
  public OutputPolicy with(@Nullable Path... more) {
    List<Path> in = new ArrayList<>(inputs);
    Arrays.stream(more).filter(Objects::nonNull).forEach(in::add);
    return new OutputPolicy(in, force);
  }

  /**
   * Checks that {@code target} may be written as a regular file.
   *
   * @throws ConfigException when it may not
   */
  public void check(Path target) {
    String name = target.toString();
    if (Files.isSymbolicLink(target)) {
      throw new ConfigException(
          name,
          0,
          "",
          "is a symbolic link; Tessel neither writes through"
              + " nor replaces links: give the path of a regular file");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new ConfigException(name, 0, "", "is a folder; expected a file path");
      }
      if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new ConfigException(
            name,
            0,
            "",
            "exists and is not a regular file (a pipe,"
                + " socket or device); refusing to replace it");
      }
      for (Path in : inputs) {
        if (same(target, in)) {
          throw new ConfigException(
              name,
              0,
              "",
              "is the input "
                  + in
                  + " of this run;"
                  + " refusing to replace an input: choose another output path");
        }
      }
    }
  }

  private static boolean same(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
