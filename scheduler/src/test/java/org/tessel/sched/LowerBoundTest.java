package org.tessel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.rs.RsEstimator;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.workload.Layer;

/**
 * The pruning bounds never exceed the simulated cycles: on random layers, for every systolic
 * dataflow and a sample of every row-stationary tiling, with DRAM stalls simulated and not. With
 * DRAM in calc mode, the row-stationary pass-timing sum equals the simulated cycles.
 */
final class LowerBoundTest {
  private static Layer randomConv(Random rnd, int i) {
    int k = 1 + 2 * rnd.nextInt(3);
    int stride = 1 + rnd.nextInt(2);
    int h = k + rnd.nextInt(24);
    int c = 1 + rnd.nextInt(48);
    int m = 1 + rnd.nextInt(64);
    return Layer.conv("l" + i, h, h, c, k, stride, rnd.nextInt(k / 2 + 1), m, 1);
  }

  @Test
  void systolicBound_neverExceedsSimulatedCycles() {
    Random rnd = new Random(11);
    for (HardwareSpec hw : List.of(Fixtures.mesh(), Fixtures.user(Fixtures.mesh(), 2))) {
      Simulation sim = new Simulation(hw);
      for (int i = 0; i < 150; i++) {
        Layer l = randomConv(rnd, i);
        int batch = 1 + rnd.nextInt(3);
        for (Dataflow d : CandidateSpace.dataflows(hw)) {
          Candidate c = Candidate.systolic(d);
          long bound = LowerBound.cycles(l, batch, c, hw);
          LayerResult r = sim.run(0, l, d, sim.map(l, batch, d).orElseThrow());
          assertTrue(bound <= r.cycles(), l + " " + d + ": bound " + bound + " > " + r.cycles());
          assertTrue(bound > 0);
        }
      }
    }
  }

  @Test
  void rowStationaryBounds_neverExceedSimulatedCycles_andPassSumIsExactInCalcMode() {
    Random rnd = new Random(5);
    int checked = 0;
    for (HardwareSpec hw : List.of(Fixtures.eyeriss(), Fixtures.user(Fixtures.eyeriss(), 1))) {
      boolean calc = hw.equals(Fixtures.eyeriss()) || !hw.name().endsWith("_user");
      Simulation sim = new Simulation(hw);
      for (int i = 0; i < 25; i++) {
        Layer l = randomConv(rnd, i);
        int batch = 1 + rnd.nextInt(2);
        RsEstimator est = RsEstimator.of(l, batch, sim.mappingContext()).orElseThrow();
        List<RsMapping> legal = est.legal();
        for (int j = 0; j < legal.size(); j += 1 + legal.size() / 12) {
          RsMapping mp = legal.get(j);
          Candidate c = Candidate.rowStationary(mp, j);
          LayerMapping m = est.mapping(mp);
          long simulated = sim.run(0, l, c.dataflow(), m).cycles();
          long bound = LowerBound.cycles(l, batch, c, hw);
          long passes = est.passCycles(mp);
          assertTrue(bound <= passes, l + " " + mp + ": " + bound + " > " + passes);
          assertTrue(passes <= simulated, l + " " + mp + ": " + passes + " > " + simulated);
          if (calc) {
            assertEquals(simulated, passes, l + " " + mp);
          }
          assertEquals(m.energyCounts(), est.energyCounts(mp), l + " " + mp);
          checked++;
        }
      }
    }
    assertTrue(checked > 200, "checked " + checked);
  }
}
