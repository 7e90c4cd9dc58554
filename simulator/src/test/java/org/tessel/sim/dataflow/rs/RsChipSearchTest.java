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

  /** Against every legal mapping: the floor holds and nothing above it needs fewer DRAM words. */
  @Test
  void chipRule_isTheFewestDramWordsAboveTheFloor() {
    List<Layer> layers =
        List.of(
            Layer.scaleSimConv("wide", 58, 58, 3, 3, 16, 32, 1),
            Layer.scaleSimConv("deep", 16, 16, 3, 3, 64, 64, 1),
            Layer.scaleSimConv("strided", 35, 35, 5, 5, 3, 24, 2));
    double floor = PRESET.cgra().mapping().minUtilisation();
    for (Layer l : layers) {
      RsShape s = RsShape.of(l);
      List<RsMapping> all = RsLayerMapping.legalMappings(l, 2, CTX).orElseThrow();
      int most = all.stream().mapToInt(m -> m.activePes(s)).max().orElseThrow();
      long fewest =
          all.stream()
              .filter(m -> m.activePes(s) >= floor * most)
              .mapToLong(m -> Accesses.of(s, m, 2).dramWords())
              .min()
              .orElseThrow();
      RsLayerMapping chosen = RsLayerMapping.search(l, 2, CTX).orElseThrow();
      assertAll(
          l.name(),
          () -> assertTrue(chosen.activePes() >= floor * most, "floor"),
          () -> assertEquals(fewest, chosen.accesses().dramWords(), "fewest DRAM words"),
          () -> assertTrue(all.contains(chosen.mapping()), "legal"));
    }
  }
}
