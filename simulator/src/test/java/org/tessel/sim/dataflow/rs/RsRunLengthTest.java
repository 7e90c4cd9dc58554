package org.tessel.sim.dataflow.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.workload.Layer;

/**
 * Run-length coded feature maps on the link (model.md section 5): a layer's inputs and outputs each
 * at their own share of zeros, {@code 4 (1 - z) / 3} of their words, filters uncoded. AlexNet CONV2
 * with Table III's mapping on the preset, by hand from the uncoded counts.
 */
final class RsRunLengthTest {
  /** The share of words a map with a share {@code z} of zeros takes: {@code 4 (1 - z) / 3}. */
  private static final double IN = 4 * (1 - 0.4) / 3;

  private static final double OUT = 4 * (1 - 0.7) / 3;

  private static AccessCounts dram(HardwareSpec hw) {
    Layer conv2 = RsFixtures.alexnet().get(1);
    RsEstimator est = RsEstimator.of(conv2, 4, RsFixtures.context(hw)).orElseThrow();
    return est.access(RsFixtures.tableIII().get(1));
  }

  @Test
  void inputsAndOutputs_codedEachAtTheirOwnShare() {
    HardwareSpec hw = RsFixtures.eyeriss();
    AccessCounts raw = dram(hw);
    AccessCounts both = dram(hw.withDram(hw.dram().withRlcZeroFractions(0.4, 0.7)));
    AccessCounts same = dram(hw.withDram(hw.dram().withRlcZeroFraction(0.4)));
    AccessCounts outOnly = dram(hw.withDram(hw.dram().withRlcZeroFractions(0.1, 0.7)));
    // 0.8 of the inputs, 0.4 of the outputs
    assertEquals((long) Math.ceil(raw.dramIfmapReads() * IN), both.dramIfmapReads());
    assertEquals((long) Math.ceil(raw.dramOfmapWrites() * OUT), both.dramOfmapWrites());
    assertEquals(raw.dramFilterReads(), both.dramFilterReads());
    // without an output share the outputs follow the inputs
    assertEquals((long) Math.ceil(raw.dramOfmapWrites() * IN), same.dramOfmapWrites());
    // below a quarter of zeros the code would be longer: the inputs cross uncoded
    assertEquals(raw.dramIfmapReads(), outOnly.dramIfmapReads());
    assertEquals(both.dramOfmapWrites(), outOnly.dramOfmapWrites());
    // the buffer's side is not coded
    assertEquals(raw.sramOfmapWrites(), both.sramOfmapWrites());
  }

  @Test
  void perPassTraffic_codesTheSameSides() {
    HardwareSpec hw = RsFixtures.eyeriss();
    Layer conv2 = RsFixtures.alexnet().get(1);
    RsMapping mp = RsFixtures.tableIII().get(1);
    LayerMapping raw = RsEstimator.of(conv2, 4, RsFixtures.context(hw)).orElseThrow().mapping(mp);
    HardwareSpec coded = hw.withDram(hw.dram().withRlcZeroFractions(0.4, 0.7));
    LayerMapping m = RsEstimator.of(conv2, 4, RsFixtures.context(coded)).orElseThrow().mapping(mp);
    FoldTraffic a = raw.traffic();
    FoldTraffic b = m.traffic();
    long[] sums = new long[6];
    for (int k = 0; k < m.passes(); k++) {
      sums[0] += a.ifmapFillWords(k);
      sums[1] += a.filterFillWords(k);
      sums[2] += a.ofmapDrainWords(k);
      sums[3] += b.ifmapFillWords(k);
      sums[4] += b.filterFillWords(k);
      sums[5] += b.ofmapDrainWords(k);
      // each pass's words rounded up on their own
      assertEquals((long) Math.ceil(a.ifmapFillWords(k) * IN), b.ifmapFillWords(k), "pass " + k);
      assertEquals((long) Math.ceil(a.ofmapDrainWords(k) * OUT), b.ofmapDrainWords(k), "pass " + k);
    }
    assertEquals(sums[1], sums[4]);
    assertEquals(raw.access().dramIfmapReads(), sums[0]);
    assertEquals(raw.access().dramOfmapWrites(), sums[2]);
  }
}
