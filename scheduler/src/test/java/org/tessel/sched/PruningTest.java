package org.tessel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.rs.RsEstimator;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.workload.Layer;

/**
 * Pruning is exact: the layer scheduler's best row-stationary tiling equals the best of an
 * exhaustive search that simulates every legal tiling, for each objective, while it simulates only
 * a few of them.
 */
final class PruningTest {
  @Test
  void prunedSearch_findsTheExhaustiveOptimum_forEveryObjective() {
    Random rnd = new Random(3);
    // calc, user, and the preset's own off-chip link (where the link's time is also a bound)
    for (HardwareSpec hw :
        List.of(
            Fixtures.eyeriss(),
            Fixtures.user(Fixtures.eyeriss(), 1),
            org.tessel.sim.io.Inputs.hardware("eyeriss"))) {
      Simulation sim = new Simulation(hw);
      for (int i = 0; i < 6; i++) {
        int k = 1 + 2 * rnd.nextInt(2);
        Layer l =
            Layer.conv(
                "l" + i,
                6 + rnd.nextInt(10),
                6 + rnd.nextInt(10),
                1 + rnd.nextInt(12),
                k,
                1,
                k / 2,
                1 + rnd.nextInt(24),
                1);
        RsEstimator est = RsEstimator.of(l, 1, sim.mappingContext()).orElseThrow();
        List<RsMapping> legal = est.legal();
        List<Evaluation> all = new ArrayList<>();
        for (int j = 0; j < legal.size(); j++) {
          Candidate c = Candidate.rowStationary(legal.get(j), j);
          LayerMapping m = est.mapping(legal.get(j));
          all.add(
              new Evaluation(
                  c,
                  sim.run(0, l, c.dataflow(), m).cycles(),
                  0,
                  m.energyCounts().totalPj(hw.cgra().energy()),
                  0,
                  0,
                  m.configuration()));
        }
        for (Objective o : Objective.values()) {
          Evaluation best = all.get(0);
          for (Evaluation e : all) {
            if (e.compareTo(best, o) < 0) {
              best = e;
            }
          }
          LayerOptions opts =
              new LayerScheduler(hw, o, CandidateSpace.dataflows(hw), new EvaluationCache())
                  .options(l, 1);
          Evaluation got = opts.bestByDataflow().get("rs");
          assertEquals(best.candidate().tiling(), got.candidate().tiling(), l + " " + o);
          assertEquals(best.cycles(), got.cycles(), l + " " + o);
          assertEquals(legal.size(), opts.candidates());
          assertTrue(opts.simulated() <= opts.candidates());
        }
      }
    }
  }

  @Test
  void pruning_simulatesFewCandidates_onARealLayer() {
    // AlexNet conv3 on Eyeriss: 25,306 legal tilings
    Layer conv3 = Layer.conv("conv3", 13, 13, 256, 3, 1, 1, 384, 1);
    LayerOptions opts =
        new LayerScheduler(
                Fixtures.eyeriss(),
                Objective.CYCLES,
                CandidateSpace.dataflows(Fixtures.eyeriss()),
                new EvaluationCache())
            .options(conv3, 1);
    assertTrue(opts.candidates() > 10_000, "candidates " + opts.candidates());
    assertTrue(opts.simulated() < 100, "simulated " + opts.simulated());
  }
}
