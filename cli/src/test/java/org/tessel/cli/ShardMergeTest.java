package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards 0/3, 1/3 and 2/3 merged give exactly the unsharded run's files. */
final class ShardMergeTest {
  @TempDir Path tmp;

  private static final String TINY =
      Path.of(System.getProperty("tessel.root.dir", ".."), "docs", "examples", "tiny_cnn.yaml")
          .toString();

  private static List<String> with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }

  private static Cli run(List<String> args) {
    return Cli.run(args.toArray(new String[0]));
  }

  /** Every file under {@code dir}, relative, sorted. */
  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(dir::relativize)
          .filter(p -> !p.startsWith("shards"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<Path> names = files(expected);
    assertEquals(names, files(actual));
    for (Path p : names) {
      assertArrayEquals(
          Files.readAllBytes(expected.resolve(p)),
          Files.readAllBytes(actual.resolve(p)),
          p.toString());
    }
  }

  @Test
  void profileShards_merged_equalTheUnshardedSweep() throws IOException {
    List<String> opts =
        List.of(
            "-t",
            TINY,
            "--sweep",
            "array.size=4:32:4",
            "--sweep",
            "sram.eachKiB=8,32,128",
            "--threads",
            "2",
            "--no-progress");
    Path whole = tmp.resolve("whole");
    Path sharded = tmp.resolve("sharded");
    Cli w =
        run(with(with(List.of("profile"), opts.toArray(new String[0])), "-p", whole.toString()));
    assertEquals(0, w.exitCode, w::toString);
    for (int k = 0; k < 3; k++) {
      Cli s =
          run(
              with(
                  with(List.of("profile"), opts.toArray(new String[0])),
                  "-p",
                  sharded.toString(),
                  "--shard",
                  k + "/3"));
      assertEquals(0, s.exitCode, s::toString);
      Path file = sharded.resolve("tiny_cnn_tessel_default/shards/PROFILE." + k + "-of-3.csv");
      assertEquals(4 + 8, Files.readAllLines(file).size(), "24 points in three slices of 8");
      assertFalse(Files.exists(sharded.resolve("tiny_cnn_tessel_default/PROFILE.csv")));
    }
    Cli m =
        run(
            with(
                with(List.of("merge", "profile"), opts.toArray(new String[0])),
                "-p",
                sharded.toString()));
    assertEquals(0, m.exitCode, m::toString);
    assertTrue(m.err.contains("all 24 points were already in PROFILE.csv"), m::toString);
    assertSameFiles(
        whole.resolve("tiny_cnn_tessel_default"), sharded.resolve("tiny_cnn_tessel_default"));
  }

  @Test
  void profileMerge_refusesAMissingShard() throws IOException {
    List<String> opts =
        List.of("-t", TINY, "--sweep", "array.size=4:32:4", "--no-progress", "-p", tmp.toString());
    assertEquals(
        0,
        run(with(with(List.of("profile"), opts.toArray(new String[0])), "--shard", "0/2"))
            .exitCode);
    Cli m = run(with(List.of("merge", "profile"), opts.toArray(new String[0])));
    assertEquals(3, m.exitCode, m::toString);
    assertEquals(
        "tessel: "
            + tmp.resolve("tiny_cnn_tessel_default/shards/PROFILE.1-of-2.csv")
            + ": missing: run shard 1/2 first\n",
        m.err);
    assertFalse(Files.exists(tmp.resolve("tiny_cnn_tessel_default/PROFILE.csv")));
    Cli bad = run(with(with(List.of("profile"), opts.toArray(new String[0])), "--shard", "2/2"));
    assertEquals(3, bad.exitCode);
    assertTrue(bad.err.startsWith("tessel: --shard: expected K/N with 0 <= K < N"), bad.err);
  }

  @Test
  void searchShards_merged_equalTheUnshardedSearch() throws IOException {
    List<String> opts =
        List.of(
            "--space",
            "nasbench201",
            "--strategy",
            "random",
            "--budget",
            "45",
            "--seed",
            "5",
            "--objectives",
            "latency,energy",
            "--no-cache",
            "-q");
    Path whole = tmp.resolve("whole");
    Path sharded = tmp.resolve("sharded");
    Cli w = run(with(with(List.of("search"), opts.toArray(new String[0])), "-p", whole.toString()));
    assertEquals(0, w.exitCode, w::toString);
    List<String> shardOpts = new ArrayList<>(opts);
    shardOpts.remove("--no-cache"); // a shard keeps its own log
    for (int k = 0; k < 3; k++) {
      Cli s =
          run(
              with(
                  with(List.of("search"), shardOpts.toArray(new String[0])),
                  "-p",
                  sharded.toString(),
                  "--shard",
                  k + "/3"));
      assertEquals(0, s.exitCode, s::toString);
      assertTrue(
          s.err.contains(
              "search: shard "
                  + k
                  + "/3: architectures "
                  + (15 * k)
                  + "-"
                  + (15 * k + 14)
                  + " of 45, 15 priced now"),
          s.err);
    }
    Cli m =
        run(
            with(
                with(List.of("merge", "search"), opts.toArray(new String[0])),
                "-p",
                sharded.toString()));
    assertEquals(0, m.exitCode, m::toString);
    String dir = "nasbench201_tessel_default_random_s5";
    assertSameFiles(whole.resolve(dir), sharded.resolve(dir));
    Cli evo =
        run(
            with(
                List.of(
                    "search",
                    "--space",
                    "nasbench201",
                    "--strategy",
                    "evolution",
                    "--shard",
                    "0/2",
                    "-p",
                    tmp.toString())));
    assertEquals(3, evo.exitCode);
    assertEquals(
        "tessel: --shard: only the exhaustive and random strategies can be sharded"
            + " (evolution learns from every result)\n",
        evo.err);
  }
}
