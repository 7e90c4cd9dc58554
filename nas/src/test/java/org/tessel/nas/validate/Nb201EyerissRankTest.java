package org.tessel.nas.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.objective.AccuracyTable;
import org.tessel.nas.objective.Metric;
import org.tessel.nas.objective.Scoring;
import org.tessel.nas.search.Progress;
import org.tessel.nas.search.Search;
import org.tessel.nas.search.SearchResult;
import org.tessel.nas.search.SearchSettings;
import org.tessel.nas.search.StrategyKind;
import org.tessel.nas.space.Nb201Space;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.Objective;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.Inputs;
import org.tessel.sim.testing.Shared;

/**
 * The whole NAS-Bench-201 sweep on the eyeriss preset against HW-NAS-Bench's modelled Eyeriss
 * latency (docs/validation.md): Kendall's tau-b with HW-NAS-Bench's pooling convention, and with
 * Tessel's own. Slow (two sweeps of 15,625 cells): {@code mvn verify -Pslow}.
 */
@Tag("slow")
final class Nb201EyerissRankTest {
  private static double tau(Nb201Space space) {
    Path csv = Shared.validationDir().resolve(
        "nasbench201/nb201_accuracy_and_hwnasbench_latency.csv");
    HardwareSpec hw = Inputs.hardware("eyeriss");
    ScheduleEvaluator e = new ScheduleEvaluator(hw, Objective.CYCLES,
        CandidateSpace.dataflows(hw), 1);
    SearchSettings s = SearchSettings.of(StrategyKind.EXHAUSTIVE, 15_625, 1).withThreads(
        Runtime.getRuntime().availableProcessors());
    SearchResult r = new Search(space, new CachedEvaluator(e, null), new Scoring(
        List.of(Metric.LATENCY), List.of()), null, s).run(Progress.NONE);
    AccuracyTable ref = AccuracyTable.read(csv, space, "eyeriss_latency_ms_cifar10");
    double tau = RankAgreement.tau(r.history(), ref, space);
    System.out.println(space.name() + ": " + RankAgreement.line(r.history(), ref, space));
    return tau;
  }

  @Test
  void hwNasBenchConvention_ranksAsHwNasBench() {
    double tau = tau(new Nb201Space(Nb201Space.Liveness.ALL_OPS, true, "pool-as-conv"));
    assertTrue(tau >= 0.9, () -> "tau " + tau);
  }

  @Test
  void tesselsOwnPooling_stillAgreesBroadly() {
    double tau = tau(new Nb201Space(Nb201Space.Liveness.ALL_OPS, "nasbench201"));
    assertTrue(tau >= 0.5, () -> "tau " + tau);
  }
}
