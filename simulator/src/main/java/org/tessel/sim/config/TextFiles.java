package org.tessel.sim.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a user's text file, turning a missing or unreadable file into a {@link ConfigException}. */
public final class TextFiles {
  private TextFiles() {}

  /** The file's lines, read as UTF-8. */
  public static List<String> lines(Path path) {
    return text(path).lines().toList();
  }

  /** The whole file, read as UTF-8. */
  public static String text(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(path.toString(), 0, "", "file not found");
    } catch (IOException e) {
      throw new ConfigException(path.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }
}
