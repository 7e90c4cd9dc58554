package org.tessel.sim.dataflow.rs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.noc.CompiledNoc;
import org.tessel.sim.noc.NocGraphs;
import org.tessel.sim.noc.NocLink;
import org.tessel.sim.noc.NocNode;
import org.tessel.sim.workload.Layer;

/**
 * The bus terms of a pass come from the network: narrower buses or no multicast lengthen passes
 * through the link loads, and the prototype's closed forms are reproduced for its bus widths.
 */
final class RsNetworkTest {
  private static final HardwareSpec HW = RsFixtures.prototype();

  /** Layer cycles of AlexNet CONV1-5 (batch 4) with Table III's mappings on {@code ctx}. */
  private static long[] tableIIICycles(MappingContext ctx) {
    List<Layer> layers = RsFixtures.alexnet();
    long[] out = new long[layers.size()];
    for (int i = 0; i < out.length; i++) {
      RsLayerMapping m =
          RsLayerMapping.fixed(layers.get(i), 4, ctx, RsFixtures.tableIII().get(i)).orElseThrow();
      out[i] = m.durations().total(m.passes());
    }
    return out;
  }

  /** Layer cycles of AlexNet CONV1-5 (batch 4) with the searched mappings on {@code ctx}. */
  private static long[] searchedCycles(MappingContext ctx) {
    List<Layer> layers = RsFixtures.alexnet();
    long[] out = new long[layers.size()];
    for (int i = 0; i < out.length; i++) {
      RsLayerMapping m = RsLayerMapping.search(layers.get(i), 4, ctx).orElseThrow();
      out[i] = m.durations().total(m.passes());
    }
    return out;
  }

  private static MappingContext noc(int linkBytes, boolean multicast) {
    return RsFixtures.context(
        RsFixtures.eyeriss(new NocSpec(NocTopology.XY_BUS, linkBytes, 0, multicast)));
  }

  @Test
  void tableIII_matchesThePrototype_forEveryBusWidth() {
    // python3 docs/models/eyeriss/eyeriss_rs.py, layer_cycles with Table III mappings and
    // B_f = B_i = B_p = 4 (baseline), B_f = 2, all 2, all 1
    UnaryOperator<NocLink> filter2 = l -> RsFixtures.narrow(l, "filter", 2);
    assertAll(
        () ->
            assertArrayEquals(
                new long[] {3168000, 7185408, 4465920, 3110016, 2073344},
                tableIIICycles(RsFixtures.context(HW))),
        () ->
            assertArrayEquals(
                new long[] {3446784, 7492608, 4687104, 3275904, 2183936},
                tableIIICycles(RsFixtures.context(HW, filter2))),
        () ->
            assertArrayEquals(
                new long[] {3462624, 9980928, 8920320, 4586880, 3057920},
                tableIIICycles(noc(4, true))),
        () ->
            assertArrayEquals(
                new long[] {4701312, 19885056, 17829120, 9151872, 6101248},
                tableIIICycles(noc(2, true))));
  }

  @Test
  void narrowerFilterBus_lengthensOnlyTheFill() {
    Layer conv1 = RsFixtures.alexnet().get(0);
    RsMapping mp = RsFixtures.tableIII().get(0);
    PassCycles wide =
        RsLayerMapping.fixed(conv1, 4, RsFixtures.context(HW), mp).orElseThrow().stripTiming(0);
    PassCycles narrow =
        RsLayerMapping.fixed(
                conv1, 4, RsFixtures.context(HW, l -> RsFixtures.narrow(l, "filter", 1)), mp)
            .orElseThrow()
            .stripTiming(0);
    assertAll(
        // 22 filter rows x p q S = 176 words = 3872 words on the filter Y bus
        () -> assertEquals(968, wide.filterFillCycles()),
        () -> assertEquals(3872, narrow.filterFillCycles()),
        () -> assertEquals(wide.steadyCycles(), narrow.steadyCycles()),
        () -> assertEquals(wide.drainCycles(), narrow.drainCycles()),
        () -> assertEquals(wide.total() + 3872 - 968, narrow.total()));
  }

  @Test
  void narrowerPsumBus_bindsTheSteadyState() {
    Layer conv4 = RsFixtures.alexnet().get(3);
    RsMapping mp = RsFixtures.tableIII().get(3);
    PassCycles wide =
        RsLayerMapping.fixed(conv4, 4, RsFixtures.context(HW), mp).orElseThrow().stripTiming(0);
    PassCycles narrow =
        RsLayerMapping.fixed(
                conv4, 4, RsFixtures.context(HW, l -> RsFixtures.narrow(l, "psum out", 2)), mp)
            .orElseThrow()
            .stripTiming(0);
    // 26 chains x n p F = 832 psums: 5408 cycles at 4 words, 10816 at 2 (> 7488 MACs + stalls)
    assertAll(
        () -> assertEquals(5408, wide.busCycles()),
        () -> assertEquals(10816, narrow.busCycles()),
        () -> assertEquals(10816, narrow.steadyCycles()),
        () -> assertTrue(narrow.drainCycles() > wide.drainCycles()));
  }

  @Test
  void multicastOff_makesEveryLayerSlower() {
    long[] on = tableIIICycles(RsFixtures.context(HW));
    long[] off = tableIIICycles(noc(8, false));
    long[] searchedOn = searchedCycles(RsFixtures.context(HW));
    long[] searchedOff = searchedCycles(noc(8, false));
    for (int i = 0; i < on.length; i++) {
      int k = i;
      assertAll(
          "CONV" + (i + 1),
          () -> assertTrue(off[k] > on[k], off[k] + " > " + on[k]),
          () ->
              assertTrue(searchedOff[k] >= searchedOn[k], searchedOff[k] + " >= " + searchedOn[k]));
    }
  }

  @Test
  void narrowerBuses_neverSpeedUpTheSearchedMapping() {
    long[] base = searchedCycles(RsFixtures.context(HW));
    long[][] slower = {
      searchedCycles(RsFixtures.context(HW, l -> RsFixtures.narrow(l, "filter", 2))),
      searchedCycles(RsFixtures.context(HW, l -> RsFixtures.narrow(l, "ifmap", 1))),
      searchedCycles(noc(4, true)),
      searchedCycles(noc(2, true))
    };
    for (long[] s : slower) {
      for (int i = 0; i < base.length; i++) {
        assertTrue(s[i] >= base[i], "CONV" + (i + 1) + ": " + s[i] + " >= " + base[i]);
      }
    }
    assertTrue(slower[3][2] > slower[2][2] && slower[2][2] > base[2], "CONV3 is psum bound");
  }

  @Test
  void sharedReadPort_addsTheFilterAndIfmapLoads() {
    // one read port: the filter fill and the first ifmap windows share its link
    var c = HW.cgra();
    HardwareSpec onePort =
        HW.withCgra(
            new org.tessel.sim.arch.CgraSpec(
                c.noc(),
                new org.tessel.sim.arch.GlbSpec(25, 1, 8),
                c.scratchpads(),
                c.reconfig(),
                c.energy()));
    Layer conv1 = RsFixtures.alexnet().get(0);
    RsMapping mp = RsFixtures.tableIII().get(0);
    PassCycles separate =
        RsLayerMapping.fixed(conv1, 4, RsFixtures.context(HW), mp).orElseThrow().stripTiming(0);
    PassCycles shared =
        RsLayerMapping.fixed(conv1, 4, RsFixtures.context(onePort), mp)
            .orElseThrow()
            .stripTiming(0);
    // 3872 filter words + 35 rows x 11 first-window words = 4257 words / 4 = 1065 cycles
    assertAll(
        () -> assertEquals(968, separate.startCycles()),
        () -> assertEquals(1065, shared.startCycles()),
        () -> assertTrue(shared.busCycles() > separate.busCycles()));
  }

  @Test
  void xyBus_hasOneNetworkPerDataType() {
    var g = NocGraphs.xyBus(HW.array(), HW.cgra().noc(), HW.cgra().glb(), 2);
    CompiledNoc noc = new CompiledNoc(g);
    NocNode glb = new NocNode(NocNode.Kind.GLB, 0, 0);
    NocNode pe = NocNode.pe(5, 7);
    int[] filter = noc.route(glb, NocGraphs.xyHub(NocGraphs.XY_FILTER), pe);
    int[] ifmap = noc.route(glb, NocGraphs.xyHub(NocGraphs.XY_IFMAP), pe);
    int[] psumIn = noc.route(glb, NocGraphs.xyHub(NocGraphs.XY_PSUM_IN), pe);
    int[] out = noc.route(pe, glb);
    int[] up = noc.route(NocNode.pe(5, 7), NocNode.pe(3, 7));
    long links = g.edgeSet().size();
    assertAll(
        // 3 ports x 2 + 3 inputs x (1 + 12 + 168) + output (1 + 12 + 168) + 11 x 14 psum links
        () -> assertEquals(6 + 3 * 181 + 181 + 154, links),
        () -> assertEquals(4, filter.length),
        () -> assertEquals("read port 1", noc.label(filter[0])),
        () -> assertEquals("filter Y bus", noc.label(filter[1])),
        () -> assertEquals("filter X bus 5", noc.label(filter[2])),
        () -> assertEquals("filter X bus 5 tap 7", noc.label(filter[3])),
        () -> assertEquals("read port 0", noc.label(ifmap[0])),
        () -> assertEquals("read port 2", noc.label(psumIn[0])),
        () -> assertEquals("psum out X bus 5 tap 7", noc.label(out[0])),
        () -> assertEquals("write port 0", noc.label(out[out.length - 1])),
        () -> assertEquals(2, up.length, "two PE-to-PE psum links up the column"),
        () ->
            assertEquals(
                "ifmap X bus 5 tap 7",
                noc.label(noc.route(glb, pe)[3]),
                "the default route is the ifmap network"),
        () -> assertTrue(noc.multicast(filter[0]) && noc.multicast(filter[1])));
  }
}
