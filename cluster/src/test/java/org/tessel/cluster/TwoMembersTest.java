package org.tessel.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.objective.Metric;
import org.tessel.nas.objective.Scoring;
import org.tessel.nas.report.CandidateCsv;
import org.tessel.nas.report.Summary;
import org.tessel.nas.search.Progress;
import org.tessel.nas.search.Search;
import org.tessel.nas.search.SearchResult;
import org.tessel.nas.search.SearchSettings;
import org.tessel.nas.search.StrategyKind;
import org.tessel.nas.space.SearchSpace;
import org.tessel.nas.space.Spaces;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.Objective;
import org.tessel.sched.profile.Grid;
import org.tessel.sched.profile.ProfileListener;
import org.tessel.sched.profile.ProfileSpec;
import org.tessel.sched.profile.ProfileWork;
import org.tessel.sched.profile.Profiler;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.output.OutputPolicy;

/**
 * Two members in one JVM over loopback give, byte for byte, what one process gives: a sweep's files
 * and a seeded search's ranking, with work done on both members.
 */
final class TwoMembersTest {
  @TempDir Path tmp;

  private static final Path TINY =
      Path.of(System.getProperty("tessel.root.dir", ".."), "docs", "examples", "tiny_cnn.yaml");

  @Test
  void profile_onTwoMembers_equalsOneProcess() throws Exception {
    ProfileSpec spec =
        new ProfileSpec(
            Inputs.network(TINY, TopologyReader.Mode.CONV),
            Inputs.hardware("default"),
            Objective.find("cycles").orElseThrow(),
            1,
            new Grid.Builder()
                .sweep("array.size=4:32:4")
                .sweep("sram.eachKiB=8,32,128")
                .sweep("clockMHz=200,400")
                .build());
    Path single = tmp.resolve("single");
    new Profiler(spec, 1).run(single, ProfileListener.NONE);
    WorkFactory factory =
        (job, node) -> ClusterPointRunner.work(new ProfileWork(spec, new EvaluationCache()));
    int pa = Members.freePort();
    Path clustered = tmp.resolve("cluster");
    Dispatcher d;
    try (ClusterNode a =
            ClusterNode.start(
                Members.settings("t-prof", "s", pa, List.of(), Members.FP, "coordinator"),
                factory);
        ClusterNode b =
            ClusterNode.start(
                Members.settings("t-prof", "s", pa + 1, List.of(pa), Members.FP, "worker"),
                factory)) {
      Members.awaitSize(a, 2);
      Members.awaitSize(b, 2);
      d = new Dispatcher(a, s -> {}, 1);
      JobSpec job = new JobSpec("profile", List.of("test"), Map.of(), Members.FP);
      new Profiler(spec, 1)
          .run(
              clustered,
              ProfileListener.NONE,
              OutputPolicy.DEFAULT,
              new ClusterPointRunner(job, d));
    }
    for (String f : List.of(Profiler.CSV, Profiler.SVG, Profiler.HTML)) {
      assertArrayEquals(
          Files.readAllBytes(single.resolve(f)), Files.readAllBytes(clustered.resolve(f)), f);
    }
    assertEquals(2, d.members().size(), d.membersLine());
    assertTrue(d.members().stream().allMatch(m -> m.units() > 0), d.membersLine());
    assertEquals(spec.grid().size(), d.members().stream().mapToInt(m -> m.units()).sum());
  }

  @Test
  void seededSearch_onTwoMembers_equalsOneProcess() throws Exception {
    SearchSpace space = Spaces.of("nasbench201");
    HardwareSpec hw = Inputs.hardware("default");
    Objective obj = Objective.find("cycles").orElseThrow();
    Scoring scoring = new Scoring(List.of(Metric.LATENCY, Metric.ENERGY), List.of());
    SearchSettings settings =
        SearchSettings.of(StrategyKind.NSGA2, 96, 11).withPopulation(16, 8, 16);
    SearchResult one =
        new Search(
                space,
                new CachedEvaluator(
                    new ScheduleEvaluator(hw, obj, CandidateSpace.dataflows(hw), 1), null),
                scoring,
                null,
                settings)
            .run(Progress.NONE);
    WorkFactory factory =
        (job, node) ->
            ClusterPricer.work(
                space, new ScheduleEvaluator(hw, obj, CandidateSpace.dataflows(hw), 1), node);
    int pa = Members.freePort();
    SearchResult two;
    Dispatcher d;
    try (ClusterNode a =
            ClusterNode.start(
                Members.settings("t-nas", "s", pa, List.of(), Members.FP, "coordinator"), factory);
        ClusterNode b =
            ClusterNode.start(
                Members.settings("t-nas", "s", pa + 1, List.of(pa), Members.FP, "worker"),
                factory)) {
      Members.awaitSize(a, 2);
      d = new Dispatcher(a, s -> {}, 4);
      JobSpec job = new JobSpec("search", List.of("test"), Map.of(), Members.FP);
      ScheduleEvaluator ev = new ScheduleEvaluator(hw, obj, CandidateSpace.dataflows(hw), 1);
      CachedEvaluator cached = new CachedEvaluator(ev, null);
      two =
          new Search(space, cached, scoring, null, settings)
              .run(
                  Progress.NONE,
                  new ClusterPricer(job, d, cached, factory.create(job, a), a.cache()));
      assertTrue(b.cache().size() > 0, "the cluster-wide cache holds the priced networks");
    }
    assertEquals(CandidateCsv.of(one.ranked()), CandidateCsv.of(two.ranked()));
    assertEquals(Summary.of(one, Integer.MAX_VALUE), Summary.of(two, Integer.MAX_VALUE));
    List<String> genomes = new ArrayList<>();
    two.history().forEach(c -> genomes.add(c.arch()));
    List<String> expected = new ArrayList<>();
    one.history().forEach(c -> expected.add(c.arch()));
    assertEquals(expected, genomes, "the same proposals in the same order");
    assertTrue(d.members().stream().allMatch(m -> m.units() > 0), d.membersLine());
  }
}
