package org.tessel.cli.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** JMH's {@code -lp} listing, and selection by pattern as JMH selects. */
final class BenchmarkListTest {
  /** What JMH 1.37 prints for {@code -lp}, with a benchmark added later by someone else. */
  static final String LISTING =
      """
      Benchmarks:\s
      org.tessel.bench.EyerissBenchmark.alexnetConv
        param "simulation" = {fresh, reused}
      org.tessel.bench.ScheduleBenchmark.resnet18
      org.tessel.bench.SimulateBenchmark.resnet18
        param "dataflow" = {os, ws, is}
        param "bandwidth" = {0, 10}
        param "memoryModel" = {tiles, scalesim}\
      """;

  private static List<String> names(List<Benchmark> bs) {
    return bs.stream().map(Benchmark::name).toList();
  }

  @Test
  void listing_namesParamsCombinations() {
    List<Benchmark> all = BenchmarkList.parse(LISTING);
    assertAll(
        () ->
            assertEquals(
                List.of(
                    "org.tessel.bench.EyerissBenchmark.alexnetConv",
                    "org.tessel.bench.ScheduleBenchmark.resnet18",
                    "org.tessel.bench.SimulateBenchmark.resnet18"),
                names(all)),
        () -> assertEquals(Map.of("simulation", List.of("fresh", "reused")), all.get(0).params()),
        () ->
            assertEquals(
                List.of("dataflow", "bandwidth", "memoryModel"),
                List.copyOf(all.get(2).params().keySet())),
        () -> assertEquals(2, all.get(0).combinations()),
        () -> assertEquals(1, all.get(1).combinations()),
        () -> assertEquals(12, all.get(2).combinations()),
        () -> assertEquals(2, BenchmarkList.parse("Benchmarks: \na.B.c\nd.E.f\n").size()));
  }

  @Test
  void selection_findsPatternsInFullNames_noPatternSelectsAll() {
    List<Benchmark> all = BenchmarkList.parse(LISTING);
    assertAll(
        () -> assertEquals(all, BenchmarkList.select(all, List.of())),
        () ->
            assertEquals(
                List.of("org.tessel.bench.EyerissBenchmark.alexnetConv"),
                names(BenchmarkList.select(all, List.of(Pattern.compile("Eyeriss"))))),
        () ->
            assertEquals(
                List.of(
                    "org.tessel.bench.ScheduleBenchmark.resnet18",
                    "org.tessel.bench.SimulateBenchmark.resnet18"),
                names(BenchmarkList.select(all, List.of(Pattern.compile("resnet18$"))))),
        () ->
            assertEquals(
                List.of(
                    "org.tessel.bench.EyerissBenchmark.alexnetConv",
                    "org.tessel.bench.ScheduleBenchmark.resnet18"),
                names(
                    BenchmarkList.select(
                        all, List.of(Pattern.compile("Schedule"), Pattern.compile("alexnet"))))),
        () ->
            assertEquals(
                List.of(), BenchmarkList.select(all, List.of(Pattern.compile("^Eyeriss")))));
  }
}
