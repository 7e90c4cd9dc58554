package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.nas.space.Nb201Space;

/** {@code tessel search}: files out, resuming from the cache, one-line errors with no output. */
final class SearchCommandTest {
  private static final Nb201Space SPACE =
      new Nb201Space(Nb201Space.Liveness.ALL_OPS, "nasbench201");

  @TempDir Path tmp;

  private Cli search(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "search",
                "--space",
                "nasbench201",
                "--hw",
                "default",
                "--cache",
                tmp.resolve("cache.log").toString(),
                "-q"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  /** A table over the whole space (accuracy = index / 200), with {@code edit} applied. */
  private Path table(java.util.function.Consumer<List<String>> edit) throws IOException {
    List<String> rows = new ArrayList<>();
    rows.add("arch_index,arch_str,cifar10_test_acc");
    for (int i = 0; i < SPACE.size(); i++) {
      rows.add(i + "," + SPACE.archString(SPACE.genome(i)) + "," + (i / 200.0));
    }
    edit.accept(rows);
    Path f = tmp.resolve("acc.csv");
    Files.write(f, rows);
    return f;
  }

  @Test
  void search_writesTheDirectory_andASecondRunComesFromTheLog() throws IOException {
    Path acc = table(r -> {});
    Cli first =
        search(
            "--accuracy",
            acc.toString(),
            "--budget",
            "80",
            "--seed",
            "7",
            "-p",
            tmp.resolve("out").toString(),
            "--threads",
            "2");
    assertEquals(0, first.exitCode, first::toString);
    Path dir = tmp.resolve("out").resolve("nasbench201_tessel_default_nsga2_s7");
    for (String f : new String[] {"ranked.csv", "pareto.csv", "pareto.svg", "search.txt"}) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    assertTrue(Files.isDirectory(dir.resolve("schedules")));
    assertTrue(first.out.contains("80 architectures evaluated"), first.out);
    assertTrue(first.out.contains("objectives: accuracy (max), latency (min)"), first.out);
    String ranked = Files.readString(dir.resolve("ranked.csv"));

    Cli again =
        search(
            "--accuracy",
            acc.toString(),
            "--budget",
            "80",
            "--seed",
            "7",
            "-p",
            tmp.resolve("out").toString(),
            "--threads",
            "1");
    assertEquals(0, again.exitCode, again::toString);
    assertTrue(again.out.contains(", 0 priced;"), again.out);
    assertEquals(ranked, Files.readString(dir.resolve("ranked.csv")));
  }

  @Test
  void compare_printsKendallTau() throws IOException {
    Path acc = table(r -> {});
    Cli c =
        search(
            "--accuracy",
            acc.toString(),
            "--strategy",
            "random",
            "--budget",
            "50",
            "--objectives",
            "latency",
            "--compare",
            "cifar10_test_acc");
    assertEquals(0, c.exitCode, c::toString);
    assertTrue(
        c.out.contains("kendall tau-b, Tessel latency_ms against cifar10_test_acc: "), c.out);
  }

  @Test
  void userSpaceFile_searchesExhaustively() throws IOException {
    Path space = tmp.resolve("tiny.yaml");
    Files.writeString(
        space,
        """
        name: tiny
        input: {height: 32, width: 32, channels: 3}
        layers:
          - {name: c1, type: conv, filters: [16, 32], kernel: [3, 5], pad: same}
          - {name: c2, type: [conv, skip], filters: 32, kernel: 3, pad: same}
          - {name: gap, type: globalavgpool}
          - {name: fc, type: fc, outputs: 10}
        """);
    Cli c =
        Cli.run(
            "search",
            "--space",
            space.toString(),
            "--strategy",
            "exhaustive",
            "--objectives",
            "latency,params",
            "--budget",
            "100",
            "--no-cache",
            "-q");
    assertEquals(0, c.exitCode, c::toString);
    assertTrue(c.out.contains("tiny: exhaustive, seed 1: 8 architectures evaluated"), c.out);
    assertTrue(c.out.contains("stopped: exhausted"), c.out);
  }

  private void refused(Cli c, String message) {
    assertEquals(3, c.exitCode, c::toString);
    assertEquals("tessel: " + message + "\n", c.err.replace(tmp + "/", ""));
    assertFalse(Files.exists(tmp.resolve("out")), "no output for a mistake");
  }

  @Test
  void badInput_oneLine_exit3_noOutput() throws IOException {
    String out = tmp.resolve("out").toString();
    refused(search("--budget", "0", "-p", out), "--budget: must be > 0, was 0");
    refused(
        search("--objectives", "accuracy,speed", "-p", out),
        "--objectives: unknown"
            + " objective 'speed' (expected accuracy|energy|latency|macs|maladaptation|params|"
            + "reconfigurations)");
    refused(
        search("--objectives", "accuracy", "-p", out),
        "--objectives: accuracy needs an" + " accuracy table (--accuracy FILE)");
    refused(
        search("--constraint", "latency<5", "-p", out),
        "--constraint: 'latency<5' is not" + " METRIC<=VALUE or METRIC>=VALUE");
    refused(
        Cli.run("search", "--space", "nasbench300", "-p", out),
        "--space: unknown space"
            + " 'nasbench300' (expected mobile|nasbench201[:pruned][,pool-as-conv] (e.g."
            + " nasbench201:pruned,pool-as-conv), or a space file)");
    refused(
        Cli.run("search", "--space", "mobile", "--strategy", "exhaustive", "-p", out),
        "--strategy: space mobile is too large for an exhaustive search; use random,"
            + " evolution or nsga2");
    refused(
        search("--dataflows", "rs", "-p", out),
        "--dataflows: rs does not run on" + " tessel_default (it runs os, ws, is)");
    refused(
        search("--time-limit", "soon", "-p", out),
        "--time-limit: expected a positive" + " duration such as 90s, 10m or 2h, was 'soon'");
  }

  @Test
  void badAccuracyTable_oneLineWithFileAndLine_noOutput() throws IOException {
    String out = tmp.resolve("out").toString();
    Path missing = table(r -> r.remove(101));
    refused(
        search("--accuracy", missing.toString(), "-p", out),
        "acc.csv: arch_str: 1 of the"
            + " space's 15625 archs are missing, the first "
            + SPACE.archString(SPACE.genome(100))
            + " (index 100)");
    Path dup = table(r -> r.set(9, "3," + SPACE.archString(SPACE.genome(3)) + ",1"));
    refused(
        search("--accuracy", dup.toString(), "-p", out),
        "acc.csv:10: arch_str: duplicate:"
            + " the same arch as line 5 ("
            + SPACE.archString(SPACE.genome(3))
            + ")");
    Path op =
        table(r -> r.set(2, r.get(2).replaceFirst("nor_conv_3x3|avg_pool_3x3", "max_pool_3x3")));
    refused(
        search("--accuracy", op.toString(), "-p", out),
        "acc.csv:3: arch_str: unknown op"
            + " 'max_pool_3x3' (expected avg_pool_3x3|none|nor_conv_1x1|nor_conv_3x3|"
            + "skip_connect)");
  }
}
