package org.tessel.sim.dataflow.rs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.workload.Layer;

/** Layers and mappings that do not fit are refused with a one-line reason. */
final class RsLegalityTest {
  private static final MappingContext CTX = RsFixtures.context(RsFixtures.prototype());

  private static String refusal(Layer layer) {
    return assertThrows(
            ConfigException.class, () -> RsLayerMapping.search(layer, 1, CTX).orElseThrow())
        .getMessage();
  }

  @Test
  void filterRowLongerThanIfmapScratchpad_isRefused() {
    Layer l = Layer.conv("conv9", 32, 32, 8, 13, 1, 6, 16, 1);
    assertEquals(
        "layer conv9: no row-stationary mapping fits: filter row of 13 words needs"
            + " q*S <= 12 ifmap scratchpad words (1 too many)",
        refusal(l));
  }

  @Test
  void filterTallerThanArray_isRefused() {
    Layer l = Layer.scaleSimConv("tall", 40, 40, 14, 3, 2, 4, 1);
    assertEquals(
        "layer tall: no row-stationary mapping fits: filter of 14 rows needs R <= 12 PE"
            + " rows (2 too many)",
        refusal(l));
  }

  @Test
  void rowsWiderThanTheGlobalBuffer_areRefused() {
    // three ifmap rows of 20000 words (30 banks) and an output row of 19998 (10 banks)
    Layer l = Layer.scaleSimConv("wide", 3, 20000, 3, 3, 1, 1, 1);
    String msg = refusal(l);
    assertAll(
        () ->
            assertTrue(
                msg.startsWith(
                    "layer wide: no row-stationary mapping fits: the smallest" + " tile"),
                msg),
        () ->
            assertTrue(
                msg.contains(
                    "needs 40 banks of 4096 bytes, the global buffer has 25" + " (15 too many)"),
                msg),
        () -> assertEquals(1, msg.lines().count()));
  }

  @Test
  void meshHardware_isRefused() {
    HardwareSpec mesh = HardwareReader.preset("default");
    Layer l = Layer.conv("c", 8, 8, 4, 3, 1, 1, 4, 1);
    String msg =
        assertThrows(
                ConfigException.class,
                () -> RsLayerMapping.search(l, 1, RsFixtures.context(mesh)).orElseThrow())
            .getMessage();
    assertTrue(
        msg.startsWith(
            "layer c: no row-stationary mapping fits: row stationary needs"
                + " noc.topology xybus"),
        msg);
  }

  @Test
  void illegalFixedMapping_isRefusedWithTheRuleItBreaks() {
    Layer conv1 = RsFixtures.alexnet().get(0);
    assertAll(
        () ->
            assertTrue(
                assertThrows(
                        ConfigException.class,
                        () ->
                            RsLayerMapping.fixed(
                                    conv1, 4, CTX, new RsMapping(96, 1, 7, 16, 3, 1, 2))
                                .orElseThrow())
                    .getMessage()
                    .contains("q*S = 33 exceeds the 12-word ifmap scratchpad")),
        () ->
            assertTrue(
                assertThrows(
                        ConfigException.class,
                        () ->
                            RsLayerMapping.fixed(
                                    conv1, 4, CTX, new RsMapping(96, 1, 7, 16, 1, 1, 3))
                                .orElseThrow())
                    .getMessage()
                    .contains("copies of a set 7 wide do not fit")),
        () ->
            assertTrue(
                assertThrows(
                        ConfigException.class,
                        () ->
                            RsLayerMapping.fixed(
                                    conv1, 4, CTX, new RsMapping(96, 4, 7, 16, 1, 1, 2))
                                .orElseThrow())
                    .getMessage()
                    .contains("banks, the global buffer has 25")));
  }

  @Test
  void bankGranularity_rulesOutConv4WithFourChannels() {
    // model.md (a) 6: q = 4 instead of Table III's 3 on CONV4 needs 98.6 KiB (14 400 bytes of
    // ifmap, 86 528 of psums), but 4 + 22 = 26 whole banks
    Layer conv4 = RsFixtures.alexnet().get(3);
    String msg =
        assertThrows(
                ConfigException.class,
                () ->
                    RsLayerMapping.fixed(conv4, 4, CTX, new RsMapping(64, 4, 13, 16, 4, 2, 2))
                        .orElseThrow())
            .getMessage();
    assertTrue(msg.contains("need 26 banks"), msg);
  }

  /**
   * What overlaps the passes under Table III's allocation (model.md section 5), by hand. Filters: a
   * pass's filters sit in the PEs' scratchpads, so the 8 KiB region takes the next pass's (CONV1's
   * 3872 words, CONV2's 800, CONV3's 2304 all fit once): depth 2, nothing split. Ifmaps on the
   * preset, which stops the array while a tile loads (JSSC 2017 Sec. VI-A): depth 1, nothing early.
   * Without that stop, the free banks take the next tile's first part: CONV1's ifmap tile 1 x 35 x
   * 227 words (4 banks) and psum tile 96 x 7 x 55 (19 banks) leave 2 banks (4096 words); CONV2's 1
   * + 23 banks leave 1, room for a whole second 1-bank tile; CONV3's 2 + 22 leave 1 bank (2048
   * words) of a 2-bank tile. Outputs: written back during the next pass (depth 2).
   */
  @Test
  void tableIII_buffersAndPrefetch() {
    RsHardware stall = RsHardware.of(RsFixtures.eyeriss());
    RsHardware overlap =
        RsHardware.of(
            RsFixtures.eyeriss().withDram(RsFixtures.eyeriss().dram().withIfmapLoadsStall(false)));
    assertTrue(stall.ifmapLoadsStall());
    int[][] depths = {{1, 2, 2}, {2, 2, 2}, {1, 2, 2}};
    long[][] prefetch = {{4096, 0}, {0, 0}, {2048, 0}};
    for (int i = 0; i < 3; i++) {
      RsShape shape = RsShape.of(RsFixtures.alexnet().get(i));
      RsMapping mp = RsFixtures.tableIII().get(i);
      int layer = i;
      assertAll(
          () ->
              assertEquals(
                  "[1, 2, 2]",
                  java.util.Arrays.toString(Legality.bufferDepths(shape, mp, stall)),
                  "CONV" + (layer + 1)),
          () ->
              assertEquals(
                  "[0, 0]",
                  java.util.Arrays.toString(Legality.prefetchWords(shape, mp, stall)),
                  "CONV" + (layer + 1)),
          () ->
              assertEquals(
                  java.util.Arrays.toString(depths[layer]),
                  java.util.Arrays.toString(Legality.bufferDepths(shape, mp, overlap)),
                  "CONV" + (layer + 1)),
          () ->
              assertEquals(
                  java.util.Arrays.toString(prefetch[layer]),
                  java.util.Arrays.toString(Legality.prefetchWords(shape, mp, overlap)),
                  "CONV" + (layer + 1)));
    }
  }
}
