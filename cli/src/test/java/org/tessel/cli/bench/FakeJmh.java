package org.tessel.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stands in for JMH's main class in a test jar: {@code -lp} prints {@link
 * BenchmarkListTest#LISTING}; otherwise it echoes its arguments and writes the checked-in result
 * file to the {@code -rff} path, or exits with 1 when a selected name contains {@code Schedule}.
 */
public final class FakeJmh {
  private FakeJmh() {}

  /** Behaves as described above. */
  public static void main(String[] args) throws IOException {
    List<String> a = List.of(args);
    if (a.contains("-lp")) {
      System.out.println(BenchmarkListTest.LISTING);
      return;
    }
    System.out.println("fake jmh: " + String.join(" ", a));
    if (String.join(" ", a).contains("Schedule")) {
      System.err.println("fake jmh: benchmark failed");
      System.exit(1);
    }
    try (InputStream in = FakeJmh.class.getResourceAsStream("jmh-result.json")) {
      Files.write(Path.of(a.get(a.indexOf("-rff") + 1)), in.readAllBytes());
    }
  }
}
