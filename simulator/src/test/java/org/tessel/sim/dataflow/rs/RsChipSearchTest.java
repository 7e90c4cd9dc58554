package org.tessel.sim.dataflow.rs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MappingSearchSpec;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.workload.Layer;

/**
 * The chip's mapping rule ({@link MappingSearchSpec.Policy#CHIP}) on the eyeriss preset: AlexNet's
 * mappings of JSSC 2017 Table III found without being given them, and the rule's invariants checked
 * against every legal mapping.
 */
final class RsChipSearchTest {
  private static final HardwareSpec PRESET = RsFixtures.eyeriss();
  private static final MappingContext CTX = RsFixtures.context(PRESET);

  @Test
  void presetUsesTheChipRule() {
    assertEquals(MappingSearchSpec.Policy.CHIP, PRESET.cgra().mapping().policy());
  }

  @Test
  void alexnet_chipRule_findsTableIII() {
    List<Layer> layers = RsFixtures.alexnet();
    for (int i = 0; i < layers.size(); i++) {
      RsLayerMapping m = RsLayerMapping.search(layers.get(i), 4, CTX).orElseThrow();
      assertEquals(RsFixtures.tableIII().get(i), m.mapping(), layers.get(i).name());
    }
  }

  @Test
  void bestRule_differsFromTheChipOnConv3() {
    // the energy proxy prefers twice the channels per psum read-back on CONV3 (model.md (a))
    HardwareSpec best = PRESET.withCgra(PRESET.cgra().withMapping(MappingSearchSpec.BEST));
    RsLayerMapping m =
        RsLayerMapping.search(RsFixtures.alexnet().get(2), 4, RsFixtures.context(best))
            .orElseThrow();
    assertNotEquals(RsFixtures.tableIII().get(2), m.mapping());
    assertTrue(
        m.accesses().glbWords()
            < RsLayerMapping.search(RsFixtures.alexnet().get(2), 4, CTX)
                .orElseThrow()
                .accesses()
                .glbWords(),
        "the best rule moves fewer buffer words");
  }

  /**
   * Against every legal mapping: the choice reads no more channels per image than one bank holds,
   * keeps the floor, needs the fewest DRAM words of the mappings above it, and of those has the
   * lowest energy at every level and, of equal energies, the most active PEs (the tie rule of the
   * authors' {@code rs_flow.m}).
   */
  @Test
  void chipRule_isTheFewestDramWordsThenLowestEnergyThenMostPes() {
    List<Layer> layers =
        List.of(
            Layer.scaleSimConv("wide", 58, 58, 3, 3, 16, 32, 1),
            Layer.scaleSimConv("deep", 16, 16, 3, 3, 64, 64, 1),
            Layer.scaleSimConv("strided", 35, 35, 5, 5, 3, 24, 2),
            Layer.scaleSimConv("alexnet conv2", 31, 31, 5, 5, 48, 128, 1));
    double floor = PRESET.cgra().mapping().minUtilisation();
    for (Layer l : layers) {
      RsShape s = RsShape.of(l);
      List<RsMapping> all =
          RsLayerMapping.legalMappings(l, 2, CTX).orElseThrow().stream()
              .filter(m -> channelsFitOneBank(s, m))
              .toList();
      int most = all.stream().mapToInt(m -> m.activePes(s)).max().orElseThrow();
      List<RsMapping> above = all.stream().filter(m -> m.activePes(s) >= floor * most).toList();
      long fewest =
          above.stream().mapToLong(m -> Accesses.of(s, m, 2).dramWords()).min().orElseThrow();
      List<RsMapping> tied =
          above.stream().filter(m -> Accesses.of(s, m, 2).dramWords() == fewest).toList();
      double lowest = tied.stream().mapToDouble(m -> energyPj(s, m, 2)).min().orElseThrow();
      int mostPes =
          tied.stream()
              .filter(m -> energyPj(s, m, 2) == lowest)
              .mapToInt(m -> m.activePes(s))
              .max()
              .orElseThrow();
      RsMapping chosen = RsLayerMapping.search(l, 2, CTX).orElseThrow().mapping();
      assertAll(
          l.name(),
          () -> assertTrue(above.contains(chosen), "legal and above the floor"),
          () -> assertTrue(tied.size() > 1, "the layer has DRAM ties to break"),
          () -> assertEquals(fewest, Accesses.of(s, chosen, 2).dramWords(), "fewest DRAM words"),
          () -> assertEquals(lowest, energyPj(s, chosen, 2), "lowest energy"),
          () -> assertEquals(mostPes, chosen.activePes(s), "most PEs of equal energy"));
    }
  }

  /**
   * The channels of a pass: where one bank (4 KiB) holds fewer channels of an image's strip than
   * the energy would take, the rule reads partial sums back after as many as it holds. A 3x3 layer
   * over 112x112 outputs on 13-row strips (15 input rows of 114 words, 3,420 bytes per channel)
   * takes one channel per pass; over 56x56 outputs (1,740 bytes per channel), two. The energy alone
   * would take two and four (the best rule, which has no such limit, does).
   */
  @Test
  void chipRule_readsBackAfterTheChannelsOneBankHolds() {
    HardwareSpec best = PRESET.withCgra(PRESET.cgra().withMapping(MappingSearchSpec.BEST));
    Layer wide = Layer.scaleSimConv("112x112", 114, 114, 3, 3, 64, 128, 1);
    Layer half = Layer.scaleSimConv("56x56", 58, 58, 3, 3, 128, 256, 1);
    RsMapping w = RsLayerMapping.search(wide, 3, CTX).orElseThrow().mapping();
    RsMapping h = RsLayerMapping.search(half, 3, CTX).orElseThrow().mapping();
    assertAll(
        () -> assertEquals(13, w.e(), "112x112 strip"),
        () -> assertEquals(1, w.q() * w.r(), "112x112 channels per pass"),
        () -> assertEquals(13, h.e(), "56x56 strip"),
        () -> assertEquals(2, h.q() * h.r(), "56x56 channels per pass"),
        () -> {
          RsMapping b =
              RsLayerMapping.search(half, 3, RsFixtures.context(best)).orElseThrow().mapping();
          assertTrue(b.q() * b.r() > 2, "the best rule takes more channels: " + b);
        });
  }

  /**
   * Cycles do not enter the choice. On a 7x7 layer over 64 channels the rule reads partial sums
   * back after 16 channels ({@code p=8 q=4 r=4 t=2}): half the buffer traffic of {@code p=16 q=2
   * r=4 t=2}, which needs the same DRAM words and is faster.
   */
  @Test
  void chipRule_prefersEnergyOverSpeed() {
    Layer l = Layer.scaleSimConv("7x7", 9, 9, 3, 3, 64, 64, 1);
    RsLayerMapping chosen = RsLayerMapping.search(l, 1, CTX).orElseThrow();
    RsLayerMapping other =
        RsLayerMapping.fixed(l, 1, CTX, new RsMapping(64, 1, 7, 16, 2, 4, 2)).orElseThrow();
    RsEstimator timing = RsEstimator.of(l, 1, CTX).orElseThrow();
    assertAll(
        () -> assertEquals(new RsMapping(64, 1, 7, 8, 4, 4, 2), chosen.mapping()),
        () -> assertEquals(chosen.accesses().dramWords(), other.accesses().dramWords()),
        () ->
            assertTrue(
                timing.passCycles(other.mapping()) < timing.passCycles(chosen.mapping()),
                "the other mapping is faster"),
        () ->
            assertTrue(
                other.accesses().glbWords() > chosen.accesses().glbWords(),
                "and moves more buffer words"));
  }

  /** The channel limit, restated: one channel, or an image's strips of all channels in 4 KiB. */
  private static boolean channelsFitOneBank(RsShape s, RsMapping m) {
    int channels = m.q() * m.r();
    return channels == 1 || (long) channels * s.rowsFor(m.e()) * s.w() * 2 <= 4096;
  }

  private static double energyPj(RsShape s, RsMapping m, int batch) {
    return RsLayerMapping.energyCounts(s, m, batch, Accesses.of(s, m, batch).times(s.groups()))
        .totalPj(PRESET.cgra().energy());
  }
}
