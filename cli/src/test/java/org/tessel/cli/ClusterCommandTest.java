package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cluster} with a worker in a second JVM (the test classpath): the sweep's and the seeded
 * search's files equal the single-process run's byte for byte, also when the worker is killed by
 * its PID mid-run; and without {@code --cluster} no Hazelcast class is loaded.
 */
// StringBuffer on purpose: a child process's stderr is appended by its reader thread while the
// test thread reads it, so the appends must be synchronised.
@SuppressWarnings("JdkObsolete")
final class ClusterCommandTest {
  @TempDir Path tmp;

  private static final Path ROOT = Path.of(System.getProperty("tessel.root.dir", ".."));
  private static final String TINY = ROOT.resolve("docs/examples/tiny_cnn.yaml").toString();
  private static final String RESNET = ROOT.resolve("traces/networks/resnet18.yaml").toString();

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static List<String> java(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: a worker here starts Hazelcast and prices a few tiny batches
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty(
                    "surefire.test.class.path", System.getProperty("java.class.path"))));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** A process whose stderr is collected into {@code err}; started and left to the test. */
  private Process start(List<String> cmd, StringBuffer err) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    started.add(p);
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  err.append(line).append('\n');
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    t.setDaemon(true);
    t.start();
    return p;
  }

  /** A worker process on {@code port}, running once it says so (at most 120 s on a busy box). */
  private Process worker(Path secret, int port, StringBuffer err) throws Exception {
    Process w =
        start(
            java(
                "org.tessel.cli.Main",
                "worker",
                "--cluster",
                "t-cli",
                "--secret-file",
                secret.toString(),
                "--port",
                Integer.toString(port),
                "--threads",
                "1"),
            err);
    long end = System.nanoTime() + 120_000_000_000L;
    while (!err.toString().contains("this worker is 127.0.0.1:")
        && w.isAlive()
        && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertTrue(err.toString().contains("this worker is 127.0.0.1:" + port), err::toString);
    return w;
  }

  private static Cli run(List<String> args) {
    return Cli.run(args.toArray(new String[0]));
  }

  private static List<String> with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }

  private static void assertSame(Path a, Path b, String... names) throws IOException {
    for (String n : names) {
      assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
    }
  }

  @Test
  void workerProcess_sweepSearchAndKill_equalOneProcess() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret"), "t0p-secret\n");
    int wp = freePort();
    StringBuffer werr = new StringBuffer();
    Process w = worker(secret, wp, werr);
    List<String> cluster =
        List.of(
            "--cluster",
            "t-cli",
            "--secret-file",
            secret.toString(),
            "--port",
            Integer.toString(freePort()),
            "--members",
            "127.0.0.1:" + wp);

    List<String> sweep =
        List.of(
            "profile",
            "-t",
            TINY,
            "--sweep",
            "array.size=4:32:4",
            "--sweep",
            "sram.eachKiB=8,32,128",
            "--threads",
            "1",
            "--no-progress");
    Cli one = run(with(sweep, "-p", tmp.resolve("one").toString()));
    assertEquals(0, one.exitCode, one::toString);
    List<String> clustered = new ArrayList<>(with(sweep, "-p", tmp.resolve("two").toString()));
    clustered.addAll(cluster);
    Cli two = run(clustered);
    assertEquals(0, two.exitCode, two::toString);
    assertTrue(two.err.contains("2 members"), two.err);
    assertTrue(two.err.contains("127.0.0.1:" + wp + " "), "the worker got batches: " + two.err);
    assertSame(
        tmp.resolve("one/tiny_cnn_tessel_default"),
        tmp.resolve("two/tiny_cnn_tessel_default"),
        "PROFILE.csv",
        "pareto.svg",
        "pareto.html");

    List<String> search =
        List.of(
            "search",
            "--space",
            "nasbench201",
            "--strategy",
            "nsga2",
            "--objectives",
            "latency,energy",
            "--budget",
            "48",
            "--population",
            "16",
            "--seed",
            "3",
            "--threads",
            "1",
            "--no-cache",
            "-q",
            "--schedules",
            "all");
    Cli s1 = run(with(search, "-p", tmp.resolve("s1").toString()));
    assertEquals(0, s1.exitCode, s1::toString);
    List<String> s2args = new ArrayList<>(with(search, "-p", tmp.resolve("s2").toString()));
    s2args.addAll(cluster);
    Cli s2 = run(s2args);
    assertEquals(0, s2.exitCode, s2::toString);
    String dir = "nasbench201_tessel_default_nsga2_s3";
    assertSame(
        tmp.resolve("s1").resolve(dir),
        tmp.resolve("s2").resolve(dir),
        "ranked.csv",
        "pareto.csv",
        "pareto.svg",
        "search.txt");

    killedMidRun(w, secret, wp);
  }

  /** Kills the worker {@code w} (by its PID) while a sweep runs on it and the coordinator. */
  private void killedMidRun(Process w, Path secret, int wp) throws Exception {
    List<String> sweep =
        List.of(
            "profile",
            "-t",
            RESNET,
            "--sweep",
            "array.size=8:64:*2",
            "--sweep",
            "sram.eachKiB=16,64,256",
            "--threads",
            "1",
            "--no-progress");
    Path out = tmp.resolve("two");
    Path csv = out.resolve("resnet18_tessel_default/PROFILE.csv");
    List<String> args = new ArrayList<>(with(sweep, "-p", out.toString()));
    args.addAll(
        List.of(
            "--cluster",
            "t-cli",
            "--secret-file",
            secret.toString(),
            "--port",
            Integer.toString(freePort()),
            "--members",
            "127.0.0.1:" + wp));
    Thread killer =
        new Thread(
            () -> {
              try {
                while (!Files.exists(csv) || Files.readAllLines(csv).size() < 4 + 1) {
                  Thread.sleep(20);
                }
              } catch (IOException | InterruptedException e) {
                // killed anyway below
              }
              w.destroyForcibly(); // SIGKILL to the worker's PID
            });
    killer.setDaemon(true);
    killer.start();
    Cli two = run(args);
    killer.join(60_000);
    assertFalse(w.isAlive());
    assertEquals(0, two.exitCode, two::toString);
    // (on an idle machine the sweep may end before Hazelcast reports the worker gone, so the
    // "left; its batches run elsewhere" notice is not asserted: the files are)
    Cli one = run(with(sweep, "-p", tmp.resolve("one").toString()));
    assertEquals(0, one.exitCode, one::toString);
    assertSame(
        tmp.resolve("one/resnet18_tessel_default"),
        out.resolve("resnet18_tessel_default"),
        "PROFILE.csv",
        "pareto.svg",
        "pareto.html");
  }

  @Test
  @Tag("slow")
  void coordinatorKilledAndRunAgain_outputIdentical() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret"), "t0p-secret\n");
    int wp = freePort();
    worker(secret, wp, new StringBuffer());
    List<String> sweep =
        List.of(
            "profile",
            "-t",
            RESNET,
            // enough points (60) that the kill lands mid-run: a point takes a few milliseconds
            "--sweep",
            "array.rows=8:64:*2",
            "--sweep",
            "array.cols=8,12,16,24,32",
            "--sweep",
            "sram.eachKiB=16,64,256",
            "--threads",
            "1",
            "--no-progress");
    Path out = tmp.resolve("two");
    Path csv = out.resolve("resnet18_tessel_default/PROFILE.csv");
    List<String> args = new ArrayList<>(with(sweep, "-p", out.toString()));
    args.addAll(
        List.of(
            "--cluster",
            "t-cli",
            "--secret-file",
            secret.toString(),
            "--members",
            "127.0.0.1:" + wp));
    List<String> first = new ArrayList<>(List.of("org.tessel.cli.Main"));
    first.addAll(args);
    first.addAll(List.of("--port", Integer.toString(freePort())));
    StringBuffer cerr = new StringBuffer();
    Process c = start(java(first.toArray(new String[0])), cerr);
    long end = System.nanoTime() + 300_000_000_000L;
    while ((!Files.exists(csv) || Files.readAllLines(csv).size() < 4 + 2)
        && c.isAlive()
        && System.nanoTime() < end) {
      Thread.sleep(2);
    }
    c.destroyForcibly(); // SIGKILL to the coordinator's PID
    c.waitFor(60, TimeUnit.SECONDS);
    int rows = Files.readAllLines(csv).size() - 4;
    assertTrue(rows >= 2 && rows < 60, "killed mid-run: " + rows + " rows\n" + cerr);
    args.addAll(List.of("--port", Integer.toString(freePort())));
    Cli again = run(args);
    assertEquals(0, again.exitCode, again::toString);
    assertTrue(
        again.out.contains("60 points (" + (60 - rows) + " computed, " + rows + " reused)"),
        again.out);
    Cli one = run(with(sweep, "-p", tmp.resolve("one").toString()));
    assertEquals(0, one.exitCode, one::toString);
    assertSame(
        tmp.resolve("one/resnet18_tessel_default"),
        out.resolve("resnet18_tessel_default"),
        "PROFILE.csv",
        "pareto.svg",
        "pareto.html");
  }

  @Test
  void withoutCluster_noHazelcastClassIsLoaded() throws Exception {
    List<String> cmd =
        java(
            "-verbose:class",
            "org.tessel.cli.Main",
            "profile",
            "-t",
            TINY,
            "--sweep",
            "array.size=4,8",
            "--no-progress",
            "-p",
            tmp.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    started.add(p);
    String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), all);
    assertTrue(all.contains("org.tessel.sched.profile.Profiler"), "class loading is logged");
    assertFalse(all.contains("com.hazelcast"), "a Hazelcast class was loaded");
    assertFalse(all.contains("org.tessel.cluster"), "a cluster class was loaded");
  }
}
