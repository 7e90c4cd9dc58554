package org.tessel.nas.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.objective.Metric;
import org.tessel.nas.objective.Scoring;
import org.tessel.nas.search.Search;
import org.tessel.nas.search.SearchResult;
import org.tessel.nas.search.SearchSettings;
import org.tessel.nas.search.StrategyKind;
import org.tessel.nas.space.Nb201Space;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.Objective;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.Inputs;

/** The directory holds every file, identical at any thread count; schedules per front member. */
final class SearchReportTest {
  private static final Nb201Space SPACE =
      new Nb201Space(Nb201Space.Liveness.ALL_OPS, "nasbench201");
  private static final HardwareSpec HW = Inputs.hardware("default");

  @TempDir Path tmp;

  private Path search(int threads, String name) throws IOException {
    ScheduleEvaluator e =
        new ScheduleEvaluator(HW, Objective.CYCLES, CandidateSpace.dataflows(HW), 1);
    Scoring s = new Scoring(List.of(Metric.LATENCY, Metric.PARAMS), List.of());
    SearchSettings set =
        SearchSettings.of(StrategyKind.NSGA2, 120, 3).withThreads(threads).withPopulation(16, 4, 8);
    SearchResult r =
        new Search(SPACE, new CachedEvaluator(e, null), s, null, set)
            .run(org.tessel.nas.search.Progress.NONE);
    Path dir = tmp.resolve(name);
    SearchReport.write(
        dir,
        r,
        new SearchReport.Options(
            List.of("test"),
            "title",
            Metric.LATENCY,
            Metric.PARAMS,
            List.of(new ParetoSvg.Mark("first", SPACE.archString(SPACE.genome(0)))),
            SearchReport.Schedules.FRONT),
        c -> e.schedule(SPACE.network(c.genome())));
    return dir;
  }

  @Test
  void files_areComplete_andIdenticalAtAnyThreadCount() throws IOException {
    Path one = search(1, "one");
    Path two = search(3, "two");
    List<Path> files;
    try (Stream<Path> s = Files.walk(one)) {
      files = s.filter(Files::isRegularFile).map(one::relativize).sorted().toList();
    }
    assertTrue(
        files.containsAll(
            List.of(
                Path.of("ranked.csv"),
                Path.of("pareto.csv"),
                Path.of("pareto.svg"),
                Path.of("search.txt"))),
        files::toString);
    assertTrue(files.stream().anyMatch(p -> p.startsWith("schedules")), files::toString);
    for (Path f : files) {
      assertEquals(Files.readString(one.resolve(f)), Files.readString(two.resolve(f)), f::toString);
    }
    List<String> ranked = Files.readAllLines(one.resolve("ranked.csv"));
    assertEquals(121, ranked.size());
    List<String> front = Files.readAllLines(one.resolve("pareto.csv"));
    long schedules = files.stream().filter(p -> p.startsWith("schedules")).count();
    assertEquals(front.size() - 1, schedules);
    String schedule =
        Files.readString(
            one.resolve(
                files.stream().filter(p -> p.startsWith("schedules")).findFirst().orElseThrow()));
    assertTrue(schedule.startsWith("index,layer,kind,"), schedule);
    assertTrue(schedule.contains(",stem,conv,"), schedule);
    try (Stream<Path> left = Files.list(tmp)) {
      assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith(".")));
    }
  }

  @Test
  void numbers_shortAndExact() {
    assertEquals("3", CandidateCsv.num(3.0));
    assertEquals("0.1", CandidateCsv.num(0.1));
    assertEquals("1.23456789", CandidateCsv.num(1.234567891));
    assertEquals("", CandidateCsv.num(Double.NaN));
    assertEquals("inf", CandidateCsv.num(Double.POSITIVE_INFINITY));
    assertEquals("\"a,b\"", CandidateCsv.quote("a,b"));
  }
}
