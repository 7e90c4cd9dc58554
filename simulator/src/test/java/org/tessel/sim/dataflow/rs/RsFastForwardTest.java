package org.tessel.sim.dataflow.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.layer.LayerRunner;
import org.tessel.sim.layer.LayerTiming;
import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.workload.Layer;

/**
 * Row stationary's closed-form repetition test ({@link RsTraffic#periodicUntil}, {@link PassOrder})
 * never vouches for a pass whose words differ from those a period earlier, and the event engine
 * skipping repeated stretches of passes gives exactly the timing of every pass as an event on the
 * eyeriss preset's shared off-chip link, for random layers and a sample of each one's legal
 * mappings, at a small fraction of the events.
 */
final class RsFastForwardTest {
  private static Layer randomLayer(Random rnd, int i) {
    if (rnd.nextInt(4) == 0) {
      return Layer.fc("fc" + i, 8 + rnd.nextInt(600), 4 + rnd.nextInt(300));
    }
    int k = 1 + 2 * rnd.nextInt(3);
    int h = k + rnd.nextInt(40);
    return Layer.conv(
        "l" + i, h, h, 1 + rnd.nextInt(64), k, 1 + rnd.nextInt(2), k / 2, 1 + rnd.nextInt(96), 1);
  }

  @Test
  void periodicUntil_neverVouchesForAPassThatDiffers() {
    Random rnd = new Random(17);
    HardwareSpec hw = RsFixtures.eyeriss();
    Simulation sim = new Simulation(hw);
    int checked = 0;
    for (int i = 0; i < 60; i++) {
      Layer l = randomLayer(rnd, i);
      int batch = 1 + rnd.nextInt(3);
      RsEstimator est = RsEstimator.of(l, batch, sim.mappingContext()).orElseThrow();
      List<RsMapping> legal = est.legal();
      for (int j = 0; j < legal.size(); j += 1 + legal.size() / 6) {
        LayerMapping m = est.mapping(legal.get(j));
        FoldTraffic t = m.traffic();
        int passes = (int) m.passes();
        for (int c = 0; c < 20; c++) {
          int period = 1 + rnd.nextInt(Math.min(passes, 64));
          int from = period + rnd.nextInt(Math.max(1, passes - period));
          int limit = Math.min(passes, from + rnd.nextInt(5000));
          int until = t.periodicUntil(from, period, limit);
          assertTrue(until >= from && until <= Math.max(from, limit));
          for (int k = from; k < until; k++) {
            int at = k;
            String what = l + " " + legal.get(j) + " period " + period + " pass " + at;
            assertEquals(t.ifmapFillWords(k - period), t.ifmapFillWords(k), what);
            assertEquals(t.filterFillWords(k - period), t.filterFillWords(k), what);
            assertEquals(t.ofmapDrainWords(k - period), t.ofmapDrainWords(k), what);
          }
          checked++;
        }
      }
    }
    assertTrue(checked > 1000, checked + " checked");
  }

  @Test
  void eyerissLink_skippingGivesExactlyTheTimingOfEveryPass() {
    Random rnd = new Random(23);
    HardwareSpec hw = RsFixtures.eyeriss();
    Simulation sim = new Simulation(hw);
    long[] rate = hw.dram().linkBytesPerCycles(hw.clockMHz());
    LayerRunner skipping = new LayerRunner();
    LayerRunner stepping = new LayerRunner();
    stepping.setFastForward(false);
    long eventsSkipping = 0;
    long eventsStepping = 0;
    int checked = 0;
    for (int i = 0; i < 40; i++) {
      Layer l = randomLayer(rnd, i);
      int batch = 1 + rnd.nextInt(3);
      RsEstimator est = RsEstimator.of(l, batch, sim.mappingContext()).orElseThrow();
      List<RsMapping> legal = est.legal();
      for (int j = rnd.nextInt(3); j < legal.size(); j += 1 + legal.size() / 5) {
        LayerMapping m = est.mapping(legal.get(j));
        LayerTiming[] got = new LayerTiming[2];
        LayerRunner[] runners = {stepping, skipping};
        for (int r = 0; r < 2; r++) {
          LayerRunner runner = runners[r];
          runner.setHalfCapacities(m.transferLimitsWords());
          int[] depth = m.bufferDepths();
          runner.setBufferDepths(depth[0], depth[1], depth[2]);
          long[] prefetch = m.prefetchWords();
          runner.setPrefetchWords(prefetch[0], prefetch[1]);
          runner.setSharedLink(rate[0], rate[1], hw.sram().wordBytes());
          got[r] = runner.run(m.passes(), m.durations(), m.traffic(), 0, null);
        }
        String what = l + " batch " + batch + " " + legal.get(j);
        assertEquals(got[0].cycles(), got[1].cycles(), what);
        assertEquals(got[0].stallCycles(), got[1].stallCycles(), what);
        assertEquals(got[0].firstFoldStartCycle(), got[1].firstFoldStartCycle(), what);
        assertEquals(got[0].lastFoldEndCycle(), got[1].lastFoldEndCycle(), what);
        assertEquals(got[0].lastDrainEndCycle(), got[1].lastDrainEndCycle(), what);
        assertEquals(got[0].ifmapPort(), got[1].ifmapPort(), what);
        assertEquals(got[0].filterPort(), got[1].filterPort(), what);
        assertEquals(got[0].ofmapPort(), got[1].ofmapPort(), what);
        eventsStepping += got[0].events();
        eventsSkipping += got[1].events();
        checked++;
      }
    }
    assertTrue(checked > 150, checked + " checked");
    assertTrue(
        eventsSkipping * 4 < eventsStepping, eventsSkipping + " of " + eventsStepping + " events");
  }
}
