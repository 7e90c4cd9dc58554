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
   * Against every legal mapping: the choice keeps the floor, needs the fewest DRAM words of the
   * mappings above it, and of those has the lowest energy at every level and, of equal energies,
   * the most active PEs (the tie rule of the authors' {@code rs_flow.m}).
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
      List<RsMapping> all = RsLayerMapping.legalMappings(l, 2, CTX).orElseThrow();
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
   * Cycles do not enter the choice. On a 14x14 layer over 512 channels (VGG-16's conv5 shape) the
   * rule reads partial sums back after 16 channels ({@code q=4 r=4 t=1}): half the buffer traffic
   * of {@code q=4 r=2 t=2}, which sends one ifmap to two filter sets and is faster on the 16-bit
   * ifmap bus.
   */
  @Test
  void chipRule_prefersEnergyOverSpeed() {
    Layer l = Layer.scaleSimConv("conv5", 16, 16, 3, 3, 512, 512, 1);
    RsLayerMapping chosen = RsLayerMapping.search(l, 3, CTX).orElseThrow();
    RsLayerMapping other =
        RsLayerMapping.fixed(l, 3, CTX, new RsMapping(64, 3, 14, 16, 4, 2, 2)).orElseThrow();
    RsEstimator timing = RsEstimator.of(l, 3, CTX).orElseThrow();
    assertAll(
        () -> assertEquals(new RsMapping(64, 3, 14, 16, 4, 4, 1), chosen.mapping()),
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

  private static double energyPj(RsShape s, RsMapping m, int batch) {
    return RsLayerMapping.energyCounts(s, m, batch, Accesses.of(s, m, batch).times(s.groups()))
        .totalPj(PRESET.cgra().energy());
  }
}
