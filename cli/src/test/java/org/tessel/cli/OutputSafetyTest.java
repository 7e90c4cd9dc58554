package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, outputs: a run replaces only the files it writes, never an input, a link, a pipe or a
 * file it did not write (without --force); every refusal is one line, exit code 3, and leaves the
 * user's files byte for byte as they were.
 */
final class OutputSafetyTest {
  private static final String NET =
      String.join(
          "\n",
          "name: tiny",
          "input: {height: 8, width: 8, channels: 3}",
          "layers:",
          "  - {name: conv1, type: conv, filters: 4, kernel: 3, pad: 1}",
          "  - {name: conv2, type: conv, filters: 8, kernel: 3, pad: 1}",
          "  - {name: pool, type: globalavgpool}",
          "  - {name: fc, type: fc, outputs: 10}",
          "");

  @TempDir Path tmp;

  private Path write(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  /** Every regular file under {@code tmp} and its bytes, to compare before and after. */
  private List<String> snapshot() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(tmp)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        String kind =
            Files.isSymbolicLink(p)
                ? "link->" + Files.readSymbolicLink(p)
                : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    ? "dir"
                    : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        ? Files.readString(p)
                        : "other";
        out.add(tmp.relativize(p) + " " + kind);
      }
    }
    return out;
  }

  private static void refused(Cli r, String message) {
    assertAll(
        () -> assertEquals(3, r.exitCode, r::toString),
        () ->
            assertTrue(
                r.err.startsWith("tessel: ")
                    && r.err.endsWith("\n")
                    && r.err.indexOf('\n') == r.err.length() - 1,
                "one line: " + r.err),
        () -> assertTrue(r.err.contains(message), () -> "expected '" + message + "' in " + r.err));
  }

  @Test
  void runFolder_keepsTheUsersFiles_andReplacesItsOwn() throws IOException {
    Path net = write("net.yaml", NET);
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("simulate", "-t", net.toString(), "-p", out.toString(), "-q").exitCode);
    Path run = out.resolve("tessel_default");
    Files.writeString(run.resolve("notes.txt"), "my notes");
    Files.createDirectories(run.resolve("plots"));
    Files.writeString(run.resolve("plots/a.svg"), "<svg/>");
    Files.writeString(run.resolve("SUMMARY.json"), "stale");
    Cli again = Cli.run("simulate", "-t", net.toString(), "-p", out.toString(), "-q");
    assertAll(
        () -> assertEquals(0, again.exitCode, again::toString),
        () -> assertEquals("my notes", Files.readString(run.resolve("notes.txt"))),
        () -> assertEquals("<svg/>", Files.readString(run.resolve("plots/a.svg"))),
        () -> assertTrue(Files.readString(run.resolve("SUMMARY.json")).contains("\"cycles\"")),
        () ->
            assertFalse(
                Files.list(run)
                    .anyMatch(p -> p.getFileName().toString().startsWith(".tessel-staging")),
                "no staging folder left"));
  }

  @Test
  void replayIntoItsOwnFolder_keepsTheSchedule() throws IOException {
    Path net = write("net.yaml", NET);
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("schedule", "-t", net.toString(), "-p", out.toString(), "-q").exitCode);
    Path schedule = out.resolve("tessel_default/SCHEDULE.csv");
    byte[] before = Files.readAllBytes(schedule);
    Cli r =
        Cli.run(
            "simulate",
            "-t",
            net.toString(),
            "--schedule",
            schedule.toString(),
            "-p",
            out.toString(),
            "-q");
    assertAll(
        () -> assertEquals(0, r.exitCode, r::toString),
        () -> assertArrayEquals(before, Files.readAllBytes(schedule)),
        () -> assertTrue(Files.exists(out.resolve("tessel_default/COMPUTE_REPORT.csv"))));
  }

  @Test
  void aFileTesselDidNotWrite_isReplacedOnlyWithForce() throws IOException {
    Path net = write("net.yaml", NET);
    write("out/tessel_default/SUMMARY.json", "mine");
    List<String> before = snapshot();
    Cli r = Cli.run("simulate", "-t", net.toString(), "-p", tmp.resolve("out").toString(), "-q");
    refused(r, "SUMMARY.json: exists and was not written by Tessel");
    assertEquals(before, snapshot());
    Cli forced =
        Cli.run(
            "simulate", "-t", net.toString(), "-p", tmp.resolve("out").toString(), "-q", "--force");
    assertEquals(0, forced.exitCode, forced::toString);
    assertTrue(
        Files.readString(tmp.resolve("out/tessel_default/SUMMARY.json")).contains("\"cycles\""));
  }

  @Test
  void aFileWhereTheRunFolderGoes_isRefused() throws IOException {
    Path net = write("net.yaml", NET);
    write("out/tessel_default", "a file of the user's");
    List<String> before = snapshot();
    for (String force : new String[] {"--batch=1", "--force"}) {
      Cli r =
          Cli.run(
              "schedule", "-t", net.toString(), "-p", tmp.resolve("out").toString(), "-q", force);
      refused(r, "tessel_default: exists and is not a folder");
      assertEquals(before, snapshot());
    }
  }

  @Test
  void anOutputThatIsAnInput_isRefusedNamingBoth() throws IOException {
    Path net = write("net.yaml", NET);
    List<String> before = snapshot();
    Cli r =
        Cli.run(
            "simulate",
            "-t",
            net.toString(),
            "--trace",
            tmp.resolve("./net.yaml").toString(),
            "-q");
    refused(r, "is the input " + net + " of this run");
    assertEquals(before, snapshot());
  }

  @Test
  void aSymlinkTarget_isRefused_linkAndTargetUnchanged() throws IOException {
    Path net = write("net.yaml", NET);
    Path real = write("real.json", "keep me");
    Path link = tmp.resolve("link.json");
    Files.createSymbolicLink(link, real.getFileName());
    List<String> before = snapshot();
    Cli r = Cli.run("simulate", "-t", net.toString(), "--trace", link.toString(), "-q");
    refused(r, "link.json: is a symbolic link");
    assertEquals(before, snapshot());
  }

  @Test
  void aPipeTarget_isRefused_neverOpened() throws Exception {
    Path net = write("net.yaml", NET);
    Path fifo = tmp.resolve("pipe");
    int made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    } catch (IOException e) {
      made = -1;
    }
    assumeTrue(made == 0, "mkfifo is not available");
    List<String> before = snapshot();
    Cli trace = Cli.run("simulate", "-t", net.toString(), "--timeline", fifo.toString(), "-q");
    refused(trace, "pipe: exists and is not a regular file");
    Cli input = Cli.run("simulate", "-t", fifo.toString() + ".yaml", "-q");
    assertEquals(3, input.exitCode, input::toString);
    Files.move(fifo, tmp.resolve("pipe.yaml"));
    Cli read = Cli.run("simulate", "-t", tmp.resolve("pipe.yaml").toString(), "-q");
    refused(read, "pipe.yaml: is not a regular file");
    Files.move(tmp.resolve("pipe.yaml"), fifo);
    assertEquals(before, snapshot());
  }
}
