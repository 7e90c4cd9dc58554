package org.tessel.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.tessel.sim.layer.LayerRunner;
import org.tessel.sim.mapping.FoldTraffic;

/** The steady-state event loop allocates nothing (style 8.5). */
final class AllocationFreeTest {
  /** Traffic without allocation: fixed words per fold. */
  private static final FoldTraffic FIXED =
      new FoldTraffic() {
        @Override
        public long ifmapFillWords(int k) {
          return 700;
        }

        @Override
        public long filterFillWords(int k) {
          return (k & 3) == 0 ? 300 : 0;
        }

        @Override
        public long ofmapDrainWords(int k) {
          return 500;
        }
      };

  @Test
  void layerRunner_steadyStateAllocatesNothing() {
    var runner = new LayerRunner();
    for (int i = 0; i < 20; i++) {
      runner.run(10_000, 100, FIXED, 8); // warm-up: pools grow, code is compiled
    }
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    long cycles = 0;
    for (int i = 0; i < 10; i++) {
      cycles += runner.run(200_000, 100, FIXED, 8).cycles() > 0 ? 1 : 0;
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertEquals(10, cycles);
    // 2,000,000 folds and ~6.5 million events; only the 10 result records may be allocated
    assertTrue(allocated < 10 * 1024, () -> "event loop allocated " + allocated + " bytes");
  }
}
