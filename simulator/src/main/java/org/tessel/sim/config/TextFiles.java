package org.tessel.sim.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a user's text file, turning a missing or unreadable file into a {@link ConfigException}. */
final class TextFiles {
  private TextFiles() {}

  static List<String> lines(Path path) {
    try {
      return Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(path.toString(), 0, "", "file not found");
    } catch (IOException e) {
      throw new ConfigException(path.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }
}
