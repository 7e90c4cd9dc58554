package org.tessel.nas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.EvaluationLog;
import org.tessel.nas.objective.Constraint;
import org.tessel.nas.objective.Metric;
import org.tessel.nas.objective.Scoring;
import org.tessel.nas.report.CandidateCsv;
import org.tessel.nas.space.Nb201Space;
import org.tessel.nas.space.SearchSpace;

/** Determinism across thread counts, budgets, stop reasons, and resuming from the log. */
final class SearchTest {
  private static final SearchSpace SPACE =
      new Nb201Space(Nb201Space.Liveness.ALL_OPS, "nasbench201");
  private static final Scoring TWO = new Scoring(List.of(Metric.LATENCY, Metric.PARAMS), List.of());

  @TempDir Path tmp;

  private static SearchResult run(StrategyKind kind, int budget, int threads, CachedEvaluator e) {
    SearchSettings s =
        SearchSettings.of(kind, budget, 7).withThreads(threads).withPopulation(16, 4, 8);
    return new Search(SPACE, e, TWO, null, s).run(Progress.NONE);
  }

  private static CachedEvaluator fresh() {
    return new CachedEvaluator(new FakeEvaluator(), null);
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void sameSeed_sameResult_atAnyThreadCount(StrategyKind kind) {
    SearchResult one = run(kind, 300, 1, fresh());
    SearchResult four = run(kind, 300, 4, fresh());
    assertEquals(CandidateCsv.of(one.ranked()), CandidateCsv.of(four.ranked()), kind::key);
    assertEquals(300, one.history().size(), kind::key);
    List<String> order1 = one.history().stream().map(Candidate::arch).toList();
    List<String> order4 = four.history().stream().map(Candidate::arch).toList();
    assertEquals(order1, order4, kind::key);
    assertEquals(SearchResult.Stop.BUDGET, one.stop());
  }

  @ParameterizedTest
  @EnumSource(
      value = StrategyKind.class,
      names = {"RANDOM", "EVOLUTION", "NSGA2"})
  void anotherSeed_anotherSearch(StrategyKind kind) {
    SearchSettings s = SearchSettings.of(kind, 100, 8).withPopulation(16, 4, 8);
    SearchResult other = new Search(SPACE, fresh(), TWO, null, s).run(Progress.NONE);
    List<String> a = run(kind, 100, 1, fresh()).history().stream().map(Candidate::arch).toList();
    List<String> b = other.history().stream().map(Candidate::arch).toList();
    assertTrue(!a.equals(b), kind::key);
  }

  @Test
  void exhaustive_visitsCellsOnce_inIndexOrder_untilTheBudget() {
    SearchResult r = run(StrategyKind.EXHAUSTIVE, 1_500, 2, fresh());
    assertEquals(1_500, r.history().size());
    assertEquals(SearchResult.Stop.BUDGET, r.stop());
    for (int i = 0; i < 1_500; i++) {
      assertEquals(i, r.history().get(i).index());
    }
  }

  @Test
  void random_neverRepeats_untilTheBudget() {
    SearchResult r = run(StrategyKind.RANDOM, 1_500, 1, fresh());
    assertEquals(1_500, r.history().size());
    Set<String> archs = new HashSet<>();
    r.history().forEach(c -> archs.add(c.arch()));
    assertEquals(1_500, archs.size());
    assertEquals(SearchResult.Stop.BUDGET, r.stop());
  }

  /** The whole 15,625-cell space, twice (about 10 s): {@code mvn verify -Pslow}. */
  @Tag("slow")
  @Test
  void exhaustive_visitsEveryCellOnce_inIndexOrder_andStopsWhenDone() {
    SearchResult r = run(StrategyKind.EXHAUSTIVE, 20_000, 2, fresh());
    assertEquals(15_625, r.history().size());
    assertEquals(SearchResult.Stop.EXHAUSTED, r.stop());
    for (int i = 0; i < 50; i++) {
      assertEquals(i, r.history().get(i).index());
    }
    Set<String> archs = new HashSet<>();
    r.history().forEach(c -> archs.add(c.arch()));
    assertEquals(15_625, archs.size());
  }

  @Tag("slow")
  @Test
  void random_neverRepeats_andExhaustsASmallSpace() {
    SearchResult r = run(StrategyKind.RANDOM, 16_000, 1, fresh());
    assertEquals(15_625, r.history().size());
    assertEquals(SearchResult.Stop.EXHAUSTED, r.stop());
  }

  @Test
  void evolution_beatsItsOwnStart() {
    Scoring one = new Scoring(List.of(Metric.LATENCY), List.of());
    SearchSettings s = SearchSettings.of(StrategyKind.EVOLUTION, 400, 3).withPopulation(32, 8, 8);
    SearchResult r = new Search(SPACE, fresh(), one, null, s).run(Progress.NONE);
    double startBest =
        r.history().subList(0, 32).stream().mapToDouble(c -> c.cost(0)).min().orElseThrow();
    assertTrue(r.ranked().get(0).candidate().cost(0) < startBest);
  }

  @Test
  void nsga2_frontIsNonDominated_andRespectsConstraints() {
    Scoring limited =
        new Scoring(
            List.of(Metric.LATENCY, Metric.PARAMS), List.of(Constraint.parse("latency<=0.5")));
    SearchSettings s = SearchSettings.of(StrategyKind.NSGA2, 400, 5).withPopulation(32, 4, 8);
    SearchResult r = new Search(SPACE, fresh(), limited, null, s).run(Progress.NONE);
    List<Ranking.Entry> front = r.front();
    assertTrue(!front.isEmpty());
    for (Ranking.Entry a : front) {
      assertTrue(a.candidate().metrics().latencyMs() <= 0.5);
      for (Candidate b : r.history()) {
        assertTrue(
            !Pareto.dominates(b, a.candidate()), b.arch() + " dominates " + a.candidate().arch());
      }
    }
  }

  @Test
  void killedSearch_resumesFromTheLog_withTheSameResult() throws IOException {
    SearchResult whole = run(StrategyKind.NSGA2, 400, 2, fresh());
    Path log = tmp.resolve("cache.log");
    FakeEvaluator dies = new FakeEvaluator(150);
    try (EvaluationLog l = EvaluationLog.open(log)) {
      CachedEvaluator e = new CachedEvaluator(dies, l);
      assertThrows(IllegalStateException.class, () -> run(StrategyKind.NSGA2, 400, 2, e));
    }
    // a crash mid-write: cut the last record short
    byte[] bytes = Files.readAllBytes(log);
    Files.write(log, java.util.Arrays.copyOf(bytes, bytes.length - 7));
    FakeEvaluator again = new FakeEvaluator();
    SearchResult resumed;
    try (EvaluationLog l = EvaluationLog.open(log)) {
      assertEquals(1, l.damaged());
      assertTrue(l.records().size() >= 140, () -> "records " + l.records().size());
      resumed = run(StrategyKind.NSGA2, 400, 2, new CachedEvaluator(again, l));
      assertEquals(l.records().size(), resumed.cache().diskHits());
    }
    assertEquals(CandidateCsv.of(whole.ranked()), CandidateCsv.of(resumed.ranked()));
    assertTrue(again.calls.get() < 400 - 130, () -> "priced again: " + again.calls.get());
  }

  @Test
  void timeLimit_stopsBetweenBatches() {
    SearchSettings s =
        SearchSettings.of(StrategyKind.RANDOM, 15_000, 1)
            .withTimeLimit(java.time.Duration.ofMillis(2));
    // a clock that moves one millisecond each time it is read (start 0, first check 1, progress
    // 2, second check 3): the limit is reached at the check before the second batch
    long[] now = {0};
    SearchResult r =
        new Search(
                SPACE,
                new CachedEvaluator(new FakeEvaluator(), null),
                TWO,
                null,
                s,
                () -> now[0]++ * 1_000_000L)
            .run(Progress.NONE);
    assertEquals(SearchResult.Stop.TIME, r.stop());
    assertEquals(RandomSearch.BATCH, r.history().size());
  }

  @Test
  void equalNetworks_arePricedOnce() {
    FakeEvaluator f = new FakeEvaluator();
    SearchResult r = run(StrategyKind.EXHAUSTIVE, 15_625, 4, new CachedEvaluator(f, null));
    assertEquals(r.cache().misses(), f.calls.get());
    assertTrue(f.calls.get() < 15_625, () -> "priced " + f.calls.get());
    assertEquals(15_625, r.cache().lookups());
  }
}
