package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./tessel} launcher, run by bash on a copy of the repository's script in a temporary
 * tree whose {@code mvn} is a stand-in: it logs each build, takes a second, and then writes a jar
 * of {@link LauncherProbe} as {@code cli/target/tessel.jar}. Skipped where bash or flock is
 * missing.
 */
final class LauncherTest {
  @TempDir Path dir;

  /**
   * Two calls at once after a source edit: one builds, the other waits for it and then runs the new
   * jar instead of starting a second build; both exit 0 and run the command.
   */
  @Test
  void concurrentCalls_afterAnEdit_buildOnceAndBothRun() throws Exception {
    Path root = tree();
    Files.writeString(root.resolve("cli/src/Edited.java"), "class Edited {}\n");
    Process a = launch(root, "simulate", "-t", "x.yaml");
    Thread.sleep(200);
    Process b = launch(root, "simulate", "-t", "y.yaml");
    String outA = finish(a);
    String outB = finish(b);
    List<String> builds = Files.readAllLines(root.resolve("builds.log"));
    assertAll(
        () -> assertEquals(1, builds.size(), "builds: " + builds),
        () -> assertTrue(outA.startsWith("probe simulate -t x.yaml"), outA),
        () -> assertTrue(outB.startsWith("probe simulate -t y.yaml"), outB));
  }

  /** A fresh jar is not rebuilt; an edit newer than the jar is. */
  @Test
  void rebuilds_onlyWhenASourceIsNewer() throws Exception {
    Path root = tree();
    finish(launch(root, "simulate"));
    finish(launch(root, "simulate"));
    assertEquals(1, Files.readAllLines(root.resolve("builds.log")).size());
    Path src = root.resolve("cli/src/Later.java");
    Files.writeString(src, "class Later {}\n");
    Files.setLastModifiedTime(src, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    finish(launch(root, "simulate"));
    assertEquals(2, Files.readAllLines(root.resolve("builds.log")).size());
  }

  /**
   * Short commands run C1 only, long ones (profile, search, bench) with the full JIT; TESSEL_JIT
   * overrides; an archive older than the jar is not passed, a newer one is.
   */
  @Test
  void jitAndArchive_followTheCommand() throws Exception {
    Path root = tree();
    String simulate = finish(launch(root, "simulate"));
    String search = finish(launch(root, "search"));
    String forced = finish(launch(root, List.of("TESSEL_JIT=full"), "simulate"));
    Path jsa = root.resolve("cli/target/tessel.jsa");
    Files.writeString(jsa, "not an archive");
    Files.setLastModifiedTime(jsa, FileTime.fromMillis(0));
    String stale = finish(launch(root, "simulate"));
    Files.setLastModifiedTime(jsa, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    String fresh = finish(launch(root, "simulate"));
    assertAll(
        () -> assertTrue(simulate.contains("-XX:TieredStopAtLevel=1"), simulate),
        () -> assertFalse(search.contains("TieredStopAtLevel"), search),
        () -> assertTrue(simulate.contains("-XX:-BytecodeVerificationRemote"), simulate),
        () -> assertFalse(search.contains("BytecodeVerification"), search),
        () -> assertFalse(forced.contains("TieredStopAtLevel"), forced),
        () -> assertFalse(stale.contains("SharedArchiveFile"), stale),
        // a file that is no archive: the JVM falls back, the launcher hides its warning
        () -> assertTrue(fresh.startsWith("probe simulate | "), fresh),
        () -> assertTrue(fresh.contains("-XX:SharedArchiveFile=" + jsa.toRealPath()), fresh));
  }

  private Path tree() throws IOException, InterruptedException {
    assumeTrue(onPath("bash") && onPath("flock"), "bash and flock are needed");
    Path repo = Path.of(System.getProperty("tessel.root.dir", ".."));
    Path root = dir.resolve("repo");
    Files.createDirectories(root.resolve("cli/src"));
    Files.copy(repo.resolve("tessel"), root.resolve("tessel"));
    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.fromMillis(0));
    Path probe = dir.resolve("probe.jar");
    writeProbeJar(probe);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(
        mvn,
        "#!/usr/bin/env bash\n"
            + "echo build >> \"$PWD/builds.log\"\n"
            + "sleep 1\n"
            + "mkdir -p cli/target\n"
            + "cp '"
            + probe
            + "' cli/target/tessel.jar.tmp\n"
            + "mv cli/target/tessel.jar.tmp cli/target/tessel.jar\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createFile(root.resolve("builds.log"));
    return root;
  }

  private static void writeProbeJar(Path jar) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, m);
        InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
      j.putNextEntry(new JarEntry(entry));
      in.transferTo(j);
      j.closeEntry();
    }
  }

  private Process launch(Path root, String... args) throws IOException {
    return launch(root, List.of(), args);
  }

  private Process launch(Path root, List<String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("tessel").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
    pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().remove("TESSEL_JIT");
    for (String kv : env) {
      int eq = kv.indexOf('=');
      pb.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String finish(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private static boolean onPath(String tool) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }
}
