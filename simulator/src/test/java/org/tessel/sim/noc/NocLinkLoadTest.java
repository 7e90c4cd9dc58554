package org.tessel.sim.noc;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.noc.NocNode.Kind;

/**
 * {@link LinkLoad}: a unicast stream charges every link of its route; a multicast stream charges a
 * multicast link shared by several of its routes once, and a link that does not multicast once per
 * receiver behind it.
 */
final class NocLinkLoadTest {
  private static final NocNode GLB = new NocNode(Kind.GLB, 0, 0);

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 100).map(i -> i * 0xD1B54A32D192ED03L + 3);
  }

  /**
   * One stream multicast from the buffer to a random set of PEs on random X/Y buses, with and
   * without multicast: each link carries {@code n} words if it multicasts and one copy per route
   * through it otherwise; the bus shared by all routes carries the stream once with multicast and
   * once per receiver without.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void multicast_onXyBuses_chargesSharedMulticastLinkOnce(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ArraySpec array = new ArraySpec(rnd.nextInt(1, 7), rnd.nextInt(1, 7));
    int wordBytes = 1 << rnd.nextInt(3);
    GlbSpec glb = new GlbSpec(1, rnd.nextInt(1, 4), wordBytes * rnd.nextInt(1, 4));
    int linkBytes = wordBytes * rnd.nextInt(1, 3);
    int hop = rnd.nextInt(0, 3);
    List<NocNode> pes = new ArrayList<>();
    for (int r = 0; r < array.rows(); r++) {
      for (int c = 0; c < array.cols(); c++) {
        pes.add(NocNode.pe(r, c));
      }
    }
    Collections.shuffle(pes, new java.util.Random(seed));
    int count = rnd.nextInt(1, pes.size() + 1);
    long n = rnd.nextInt(1, 50);
    for (boolean mc : new boolean[] {true, false}) {
      NocSpec spec = new NocSpec(NocTopology.XY_BUS, linkBytes, hop, mc);
      CompiledNoc noc = new CompiledNoc(NocGraphs.xyBus(array, spec, glb, wordBytes));
      int[][] routes = new int[count][];
      int[] behind = new int[noc.links()];
      for (int i = 0; i < count; i++) {
        routes[i] = noc.route(GLB, pes.get(i));
        for (int id : routes[i]) {
          behind[id]++;
        }
      }
      LinkLoad load = new LinkLoad(noc);
      load.addMulticast(routes, count, n);
      String what =
          "seed="
              + seed
              + " "
              + array
              + " "
              + spec
              + " "
              + glb
              + " to "
              + count
              + " PEs "
              + pes.subList(0, count)
              + ", "
              + n
              + " words";
      long bound = 0;
      boolean sharedByAll = false;
      for (int id = 0; id < noc.links(); id++) {
        long expected = behind[id] == 0 ? 0 : noc.multicast(id) ? n : n * behind[id];
        int link = id;
        assertEquals(
            expected,
            load.words(id),
            () ->
                what
                    + ": link "
                    + noc.label(link)
                    + " (multicast="
                    + noc.multicast(link)
                    + ", "
                    + behind[link]
                    + " routes)");
        bound = Math.max(bound, (expected + noc.widthWords(id) - 1) / noc.widthWords(id));
        if (behind[id] == count && noc.label(id).contains("Y bus")) {
          sharedByAll = true;
          assertEquals(mc ? n : n * count, load.words(id), what + ": " + noc.label(id));
          assertEquals(mc, noc.multicast(id), what + ": " + noc.label(id));
        }
      }
      assertTrue(sharedByAll, what + ": no Y bus shared by every route");
      assertEquals(bound, load.boundCycles(), what + ": bound");
    }
  }

  /**
   * By hand: a 2 x 3 array on multicast X/Y buses, one stream of 4 words to all six PEs: the Y bus
   * and each X bus carry it once (4 words), each tap once; without multicast the Y bus carries 24
   * words, each X bus 12.
   */
  @Test
  void multicast_handCount() {
    ArraySpec array = new ArraySpec(2, 3);
    GlbSpec glb = new GlbSpec(1, 1, 1);
    for (boolean mc : new boolean[] {true, false}) {
      CompiledNoc noc =
          new CompiledNoc(
              NocGraphs.xyBus(array, new NocSpec(NocTopology.XY_BUS, 1, 1, mc), glb, 1));
      int[][] routes = new int[6][];
      for (int i = 0; i < 6; i++) {
        routes[i] = noc.route(GLB, NocNode.pe(i / 3, i % 3));
      }
      LinkLoad load = new LinkLoad(noc);
      load.addMulticast(routes, 6, 4);
      int yBus = -1;
      int[] xBus = {-1, -1};
      for (int id : routes[0]) {
        if (noc.label(id).contains("Y bus")) {
          yBus = id;
        }
      }
      for (int r = 0; r < 2; r++) {
        for (int id : routes[r * 3]) {
          if (noc.label(id).contains("X bus " + r) && !noc.label(id).contains("tap")) {
            xBus[r] = id;
          }
        }
      }
      int y = yBus;
      String what = "multicast=" + mc;
      assertAll(
          () -> assertTrue(y >= 0 && xBus[0] >= 0 && xBus[1] >= 0, what + ": buses on routes"),
          () -> assertEquals(mc ? 4 : 24, load.words(y), what + ": Y bus"),
          () -> assertEquals(mc ? 4 : 12, load.words(xBus[0]), what + ": X bus 0"),
          () -> assertEquals(mc ? 4 : 12, load.words(xBus[1]), what + ": X bus 1"),
          () -> assertEquals(4, load.words(routes[5][routes[5].length - 1]), what + ": a tap"));
      // a second stream is charged afresh, and clear() forgets both
      load.addMulticast(routes, 6, 4);
      assertEquals(mc ? 8 : 48, load.words(y), what + ": two streams");
      load.clear();
      assertEquals(0, load.words(y), what + ": cleared");
      assertEquals(0, load.boundCycles(), what + ": cleared bound");
      assertEquals(-1, load.busiestLink(), what + ": cleared busiest");
    }
  }

  /**
   * Unicast on the mesh, as the systolic timing charges a stream phase: a 4 x 4 array on 2 one-word
   * ports, each row receiving 10 words: read port 0 carries rows 0 and 2 (20 words, the busiest
   * link, 20 cycles); with 2-word ports 10 cycles.
   */
  @Test
  void unicast_onMesh_chargesEveryLinkOfTheRoute() {
    for (int portWords : new int[] {1, 2}) {
      CompiledNoc noc =
          new CompiledNoc(
              NocGraphs.systolicMesh(
                  new ArraySpec(4, 4), NocSpec.systolic(1), new GlbSpec(1, 2, portWords), 1));
      LinkLoad load = new LinkLoad(noc);
      int[][] rows = new int[4][];
      for (int r = 0; r < 4; r++) {
        rows[r] = noc.route(GLB, new NocNode(Kind.LEFT, r, 0), NocNode.pe(r, 3));
        load.add(rows[r], 10);
      }
      int port0 = rows[0][0];
      String what = portWords + "-word ports";
      assertAll(
          () -> assertEquals("read port 0", noc.label(port0), what),
          () -> assertEquals(port0, rows[2][0], what + ": rows 0 and 2 share port 0"),
          () -> assertEquals(20, load.words(port0), what),
          () -> assertEquals(10, load.words(rows[1][rows[1].length - 1]), what + ": a mesh link"),
          () -> assertEquals(20 / portWords, load.boundCycles(), what),
          () -> assertEquals(port0, load.busiestLink(), what));
    }
  }
}
