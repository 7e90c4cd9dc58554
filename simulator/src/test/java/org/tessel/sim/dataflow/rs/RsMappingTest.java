package org.tessel.sim.dataflow.rs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.workload.Layer;

/** The row-stationary mapping search and pass timing on hand-checkable layers and on AlexNet. */
final class RsMappingTest {
  private static final HardwareSpec HW = RsFixtures.prototype();
  private static final MappingContext CTX = RsFixtures.context(HW);

  /** A 6x6x4 input, 3x3 filters, 8 filters: a 4x4x8 output, 4608 MACs per image. */
  private static final Layer TINY = Layer.scaleSimConv("tiny", 6, 6, 3, 3, 4, 8, 1);

  @Test
  void tinyLayer_fixedMapping_matchesHandDerivedTerms() {
    // m=8 n=1 e=4 p=8 q=4 r=1 t=1: one pass, the set is 3x4 PEs.
    RsLayerMapping m =
        RsLayerMapping.fixed(TINY, 1, CTX, new RsMapping(8, 1, 4, 8, 4, 1, 1)).orElseThrow();
    PassCycles c = m.stripTiming(0);
    assertAll(
        () -> assertEquals(1, m.passes()),
        () -> assertEquals(12, m.activePes()),
        // filter fill: p t q r R S = 8*4*9 = 288 words over the 4-word filter Y bus
        () -> assertEquals(72, c.filterFillCycles()),
        // first windows: 6 ifmap rows x q S = 12 words = 72 words / 4
        () -> assertEquals(18, c.ifmapFillCycles()),
        // start: max(72, 18 + q S = 30)
        () -> assertEquals(72, c.startCycles()),
        // PE: F (p q S + slide) = 4 (96 + 4): q S fills the 12-word spad, a slide waits q U = 4
        () -> assertEquals(400, c.peCycles()),
        () -> assertEquals(384, c.macCycles()),
        // bus: ifmap 6 rows x n q W = 24 -> 36; psums 4 chains x n p F = 32 -> 32
        () -> assertEquals(36, c.busCycles()),
        () -> assertEquals(400, c.steadyCycles()),
        // skew: (R r - 1)(q S + L_pipe) = 2 * 14
        () -> assertEquals(28, c.skewCycles()),
        // drain: L_pipe + p * 4 chains / 4
        () -> assertEquals(10, c.drainCycles()),
        () -> assertEquals(510, c.total()),
        () -> assertEquals(510, m.durations().total(m.passes())),
        () -> assertEquals(4608, m.macs()),
        () -> assertEquals(4608, m.passMacs(0)),
        // psums climb R r - 1 = 2 hops for each of the 8 x 4 x 4 outputs
        () -> assertEquals(256, m.energyCounts().nocWordHops()));
  }

  static Stream<Arguments> layers() {
    return Stream.of(
        Arguments.of(TINY, 1),
        Arguments.of(TINY, 3),
        Arguments.of(Layer.scaleSimConv("stride2", 17, 17, 3, 3, 6, 10, 2), 2),
        Arguments.of(Layer.conv("down1x1", 28, 28, 64, 1, 2, 0, 128, 1), 1),
        Arguments.of(Layer.conv("wide", 40, 40, 8, 5, 1, 2, 16, 1), 1),
        Arguments.of(Layer.conv("grouped", 13, 13, 8, 3, 1, 1, 12, 2), 2),
        Arguments.of(Layer.conv("depthwise", 14, 14, 16, 3, 1, 1, 16, 16), 1),
        Arguments.of(Layer.scaleSimConv("rect", 12, 30, 2, 7, 5, 7, 1, 3), 1),
        Arguments.of(Layer.fc("fc", 9216, 4096), 1),
        Arguments.of(Layer.fc("fc_small", 10, 3), 4),
        Arguments.of(Layer.gemm("gemm", 16, 24, 40), 2));
  }

  @ParameterizedTest(name = "{0} batch {1}")
  @MethodSource("layers")
  void search_respectsLimits_conservesMacsAndTraffic(Layer layer, int batch) {
    RsLayerMapping m = RsLayerMapping.search(layer, batch, CTX).orElseThrow();
    RsMapping mp = m.mapping();
    RsShape s = m.shape();
    long macs = 0;
    long cycles = 0;
    long ifmap = 0;
    long filter = 0;
    long ofmap = 0;
    for (long k = 0; k < m.passes(); k++) {
      macs += m.passMacs(k);
      cycles += m.stripTiming(m.strip(k)).total();
      ifmap += m.traffic().ifmapFillWords((int) k);
      filter += m.traffic().filterFillWords((int) k);
      ofmap += m.traffic().ofmapDrainWords((int) k);
    }
    long expectedPasses =
        (long) s.groups()
            * ((batch + mp.n() - 1) / mp.n())
            * ((s.e() + mp.e() - 1) / mp.e())
            * ((s.c() + mp.q() * mp.r() - 1) / (mp.q() * mp.r()))
            * ((s.m() + mp.p() * mp.t() - 1) / (mp.p() * mp.t()));
    int fold = (mp.e() + 13) / 14;
    int setW = (mp.e() + fold - 1) / fold;
    long mc = macs;
    long cyc = cycles;
    long im = ifmap;
    long fl = filter;
    long of = ofmap;
    assertAll(
        mp + " on " + layer,
        () -> assertTrue(mp.q() * s.s() <= 12, "q*S <= ifmap spad"),
        () -> assertTrue(mp.p() * mp.q() * s.s() <= 224, "p*q*S <= filter spad"),
        () -> assertTrue(mp.p() <= 24, "p <= psum spad"),
        () -> assertTrue(m.activePes() <= 168, "active PEs"),
        () -> assertTrue(s.r() * fold <= 12 && setW <= 14, "a set fits the array"),
        () ->
            assertTrue(
                mp.r() * mp.t() <= (12 / (s.r() * fold)) * (14 / setW), "r x t sets on the array"),
        () -> assertEquals(0, s.m() % mp.m(), "m divides M"),
        () -> assertEquals(0, mp.m() % (mp.p() * mp.t()), "p t divides m"),
        () -> assertEquals(expectedPasses, m.passes()),
        () -> assertEquals(layer.macs() * batch, m.macs()),
        () -> assertEquals(m.macs(), mc, "sum of per-pass MACs"),
        () -> assertEquals(m.durations().total(m.passes()), cyc),
        () -> assertEquals(m.accesses().dramIfmapReads(), im),
        () -> assertEquals(m.accesses().dramFilterReads(), fl),
        () -> assertEquals(m.accesses().dramOfmapWrites(), of),
        () -> assertEquals(layer.outputWords() * batch, of, "each output written once"),
        () ->
            assertTrue(
                m.macs() <= m.passes() * m.activePes() * m.stripTiming(0).macCycles(),
                "no PE does more than one MAC per cycle"));
  }

  @Test
  void alexnet_search_choosesThePrototypesMappings() {
    // docs/models/eyeriss/results.txt, "own mapping algorithm"; CONV3 differs from Table III
    List<String> expected =
        List.of(
            "m=96 n=1 e=7 p=16 q=1 r=1 t=2",
            "m=64 n=1 e=27 p=16 q=2 r=1 t=1",
            "m=128 n=2 e=13 p=16 q=4 r=2 t=2",
            "m=64 n=4 e=13 p=16 q=3 r=2 t=2",
            "m=64 n=4 e=13 p=16 q=3 r=2 t=2");
    long[] cycles = {3168000, 7185408, 4500480, 3110016, 2073344};
    long[] passes = {288, 1536, 768, 384, 256};
    int[] pes = {154, 135, 156, 156, 156};
    // GLB traffic in MB (16-bit words), the prototype's "GLB MB" column
    double[] glbMb = {18.4, 78.5, 41.8, 38.2, 25.5};
    List<Layer> layers = RsFixtures.alexnet();
    for (int i = 0; i < layers.size(); i++) {
      RsLayerMapping m = RsLayerMapping.search(layers.get(i), 4, CTX).orElseThrow();
      int k = i;
      assertAll(
          layers.get(i).name(),
          () -> assertEquals(expected.get(k), m.mapping().toString()),
          () -> assertEquals(cycles[k], m.durations().total(m.passes())),
          () -> assertEquals(passes[k], m.passes()),
          () -> assertEquals(pes[k], m.activePes()),
          () -> assertEquals(pes[k], m.usedPeFoldSum() / m.passes()),
          () -> assertEquals(glbMb[k], m.accesses().glbWords() * 2 / 1e6, 0.05));
    }
  }

  @Test
  void conv1_passTerms_matchThePrototypesBreakdown() {
    // model.md (b): CONV1 fill / MAC / stall / bandwidth bound / skew / drain =
    // 968 / 9680 / 165 / 3080 / 130 / 58, 11001 cycles a pass (10993 on the 6-row last strip)
    RsLayerMapping m = RsLayerMapping.search(RsFixtures.alexnet().get(0), 4, CTX).orElseThrow();
    PassCycles c = m.stripTiming(0);
    assertAll(
        () -> assertEquals(968, c.startCycles()),
        () -> assertEquals(9680, c.macCycles()),
        () -> assertEquals(165, c.peCycles() - c.macCycles()),
        () -> assertEquals(3080, c.busCycles()),
        () -> assertEquals(130, c.skewCycles()),
        () -> assertEquals(58, c.drainCycles()),
        () -> assertEquals(11001, c.total()),
        () -> assertEquals(10993, m.stripTiming(7).total()),
        () -> assertEquals(11001, m.nominalPassCycles()));
  }

  @Test
  void conv3_psumBusBound_isActive() {
    // model.md (b): CONV3 (Table III) is bound by the psum bus: 43 264 psums / 4 = 10 816
    RsLayerMapping m =
        RsLayerMapping.fixed(RsFixtures.alexnet().get(2), 4, CTX, RsFixtures.tableIII().get(2))
            .orElseThrow();
    PassCycles c = m.stripTiming(0);
    assertAll(
        () -> assertEquals(10816, c.busCycles()),
        () -> assertEquals(10816, c.steadyCycles()),
        () -> assertEquals(9984, c.macCycles()),
        () -> assertEquals(11630, c.total()));
  }

  @Test
  void deterministic_sameInputsSameMappingAndCycles() {
    for (Layer l : RsFixtures.alexnet()) {
      RsLayerMapping a = RsLayerMapping.search(l, 4, RsFixtures.context(HW)).orElseThrow();
      RsLayerMapping b =
          RsLayerMapping.search(l, 4, RsFixtures.context(RsFixtures.prototype())).orElseThrow();
      assertAll(
          l.name(),
          () -> assertEquals(a.mapping(), b.mapping()),
          () -> assertEquals(a.configuration(), b.configuration()),
          () -> assertEquals(a.durations().total(a.passes()), b.durations().total(b.passes())),
          () -> assertEquals(a.access(), b.access()),
          () -> assertEquals(a.legalMappings(), b.legalMappings()));
    }
  }

  @Test
  void configuration_namesShapeAndMapping() {
    List<Layer> l = RsFixtures.alexnet();
    RsLayerMapping c4 = RsLayerMapping.search(l.get(3), 4, CTX).orElseThrow();
    RsLayerMapping c5 = RsLayerMapping.search(l.get(4), 4, CTX).orElseThrow();
    RsLayerMapping again = RsLayerMapping.search(l.get(3), 4, CTX).orElseThrow();
    assertAll(
        () ->
            assertEquals(
                "rs H15 W15 R3 S3 E13 F13 C192 M384 U1x1 G1 N4" + " m=64 n=4 e=13 p=16 q=3 r=2 t=2",
                c4.configuration()),
        () ->
            assertTrue(
                !c4.configuration().equals(c5.configuration()),
                "same mapping, other layer: the controller's loop bounds change"),
        () -> assertEquals(c4.configuration(), again.configuration()));
  }
}
