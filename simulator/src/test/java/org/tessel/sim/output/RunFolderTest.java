package org.tessel.sim.output;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.config.ConfigException;

/** The one output writer: only owned files replaced, never inputs or links, all or nothing. */
final class RunFolderTest {
  @TempDir Path tmp;

  private void run(Path folder, OutputPolicy policy, String... files) throws IOException {
    try (RunFolder out = RunFolder.begin(folder, policy)) {
      for (String f : files) {
        Path p = out.dir().resolve(f);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "v:" + f);
      }
      out.commit();
    }
  }

  @Test
  void secondRun_replacesItsFiles_keepsOthers_remembersOwnership() throws IOException {
    Path folder = tmp.resolve("out/run");
    run(folder, OutputPolicy.DEFAULT, "a.csv", "sub/b.csv");
    Files.writeString(folder.resolve("a.csv"), "old");
    Files.writeString(folder.resolve("notes.txt"), "mine");
    run(folder, OutputPolicy.DEFAULT, "a.csv");
    assertAll(
        () -> assertEquals("v:a.csv", Files.readString(folder.resolve("a.csv"))),
        () -> assertEquals("v:sub/b.csv", Files.readString(folder.resolve("sub/b.csv"))),
        () -> assertEquals("mine", Files.readString(folder.resolve("notes.txt"))),
        () -> assertEquals(java.util.Set.of("a.csv", "sub/b.csv"), RunFolder.owned(folder)));
  }

  @Test
  void aRefusal_movesNothing_andAFolderItMadeIsRemoved() throws IOException {
    Path folder = tmp.resolve("run");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("b.csv"), "user's");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> run(folder, OutputPolicy.DEFAULT, "a.csv", "b.csv"));
    assertAll(
        () ->
            assertTrue(
                e.getMessage()
                    .endsWith(
                        "b.csv: exists and was not written by Tessel"
                            + " (not listed in .tessel-outputs); move it, or give --force to replace it"),
                e.getMessage()),
        () -> assertFalse(Files.exists(folder.resolve("a.csv")), "nothing moved"),
        () -> assertEquals(1, entries(folder), "no staging or manifest left"));
    Path fresh = tmp.resolve("new/deeper");
    Path input = tmp.resolve("in.csv");
    Files.writeString(input, "input");
    try (RunFolder out = RunFolder.begin(fresh, OutputPolicy.DEFAULT)) {
      Files.writeString(out.dir().resolve("x"), "x");
    } // not committed
    assertFalse(Files.exists(tmp.resolve("new")), "the folders this run made are gone");
  }

  @Test
  void policy_refusesInputsLinksAndNonRegularFiles() throws IOException {
    Path input = tmp.resolve("net.yaml");
    Files.writeString(input, "name: x");
    Path link = tmp.resolve("link.yaml");
    Files.createSymbolicLink(link, input);
    OutputPolicy p = OutputPolicy.of(true, input);
    assertAll(
        () ->
            assertEquals(
                tmp.resolve("./net.yaml")
                    + ": is the input "
                    + input
                    + " of this"
                    + " run; refusing to replace an input: choose another output path",
                assertThrows(
                        ConfigException.class,
                        () -> OutputFile.write(tmp.resolve("./net.yaml"), "x", p))
                    .getMessage()),
        () ->
            assertTrue(
                assertThrows(ConfigException.class, () -> OutputFile.write(link, "x", p))
                    .getMessage()
                    .endsWith(
                        "is a symbolic link; Tessel neither writes through nor"
                            + " replaces links: give the path of a regular file")),
        () ->
            assertTrue(
                assertThrows(ConfigException.class, () -> OutputFile.write(tmp, "x", p))
                    .getMessage()
                    .endsWith("is a folder; expected a file path")),
        () ->
            assertTrue(
                assertThrows(
                        ConfigException.class, () -> OutputFile.write(Path.of("/dev/null"), "x", p))
                    .getMessage()
                    .endsWith(
                        "exists and is not a regular"
                            + " file (a pipe, socket or device); refusing to replace it")),
        () -> assertEquals("name: x", Files.readString(input)),
        () -> assertTrue(Files.isSymbolicLink(link)));
  }

  private static long entries(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> list = Files.list(dir)) {
      return list.count();
    }
  }
}
