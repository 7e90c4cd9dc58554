package org.tessel.cli.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the benchmarks jar from the running code or the working directory. */
final class BenchmarksJarTest {
  @TempDir Path tmp;

  @Test
  void fromTesselJar_andFromClasses_theRepositoryRoot() {
    Path root = tmp.resolve("repo");
    Path expected = root.resolve("benchmarks/target/benchmarks.jar");
    Path elsewhere = tmp.resolve("work");
    assertAll(
        () ->
            assertEquals(
                List.of(expected, elsewhere.resolve("benchmarks/target/benchmarks.jar")),
                BenchmarksJar.candidates(root.resolve("cli/target/tessel.jar"), elsewhere)),
        () ->
            assertEquals(
                List.of(expected),
                BenchmarksJar.candidates(root.resolve("cli/target/classes"), root)),
        () -> assertEquals(List.of(expected), BenchmarksJar.candidates(null, root)));
  }

  @Test
  void locate_firstExistingCandidate_orNothing() throws IOException {
    Path a = tmp.resolve("a/benchmarks/target/benchmarks.jar");
    Path b = tmp.resolve("b/benchmarks/target/benchmarks.jar");
    assertEquals(Optional.empty(), BenchmarksJar.locate(List.of(a, b)));
    Files.createDirectories(b.getParent());
    Files.writeString(b, "");
    assertEquals(Optional.of(new BenchmarksJar(b)), BenchmarksJar.locate(List.of(a, b)));
  }

  @Test
  void newerSource_namesASourceChangedAfterTheBuild() throws IOException {
    Path jar = tmp.resolve("benchmarks/target/benchmarks.jar");
    Path src = tmp.resolve("simulator/src/main/java/A.java");
    Files.createDirectories(jar.getParent());
    Files.createDirectories(src.getParent());
    Files.writeString(src, "class A {}");
    Files.writeString(jar, "");
    Files.setLastModifiedTime(src, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
    Path cli = tmp.resolve("cli/src/main/java/Main.java");
    Files.createDirectories(cli.getParent());
    Files.writeString(cli, "class Main {}");
    Files.setLastModifiedTime(cli, FileTime.fromMillis(3_000_000));
    BenchmarksJar j = new BenchmarksJar(jar);
    assertEquals(Optional.empty(), j.newerSource(), "the CLI is not in the benchmarks jar");
    Files.setLastModifiedTime(src, FileTime.fromMillis(3_000_000));
    assertEquals(Optional.of(src), j.newerSource());
    assertTrue(new BenchmarksJar(tmp.resolve("x.jar")).newerSource().isEmpty());
  }
}
