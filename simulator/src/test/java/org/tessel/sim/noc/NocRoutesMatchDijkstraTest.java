package org.tessel.sim.noc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.MaskSubgraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.engine.SimulationException;
import org.tessel.sim.noc.NocNode.Kind;

/**
 * {@link CompiledNoc}'s breadth-first routes are fewest-hops paths that never pass through the
 * global buffer: on random systolic meshes and X/Y buses, for random pairs of vertices, the route
 * has as many links as jgrapht's {@link DijkstraShortestPath} finds on the graph with the buffer
 * vertex masked out (or on the whole graph when the buffer is an endpoint: a shortest path never
 * revisits its own endpoint), both agree on which pairs have no route, and every route is a
 * connected path from the source to the target. Every route is also link for link the one the
 * object-hashing search of {@link NodeSearchRoutes} picks among equally short paths, so results
 * that depend on which links a route takes are unchanged; one seed in ten draws a large array (up
 * to 32 x 32) so that routes cross long rows, columns and buses.
 */
final class NocRoutesMatchDijkstraTest {
  private static final NocNode GLB = new NocNode(Kind.GLB, 0, 0);

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 200).map(i -> i * 0x9E3779B97F4A7C15L + 17);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void routes_haveDijkstraHopCounts(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Net net = Net.random(rnd);
    Graph<NocNode, NocLink> g = net.build();
    CompiledNoc noc = new CompiledNoc(g);
    CompiledNoc again = new CompiledNoc(net.build()); // a second build routes identically
    NodeSearchRoutes reference = new NodeSearchRoutes(g);
    Map<Integer, NocLink> byId = new HashMap<>();
    for (NocLink l : g.edgeSet()) {
      byId.put(l.id(), l);
    }
    Graph<NocNode, NocLink> noBuffer = new MaskSubgraph<>(g, v -> v.kind() == Kind.GLB, e -> false);
    DijkstraShortestPath<NocNode, NocLink> masked = new DijkstraShortestPath<>(noBuffer);
    DijkstraShortestPath<NocNode, NocLink> whole = new DijkstraShortestPath<>(g);
    List<NocNode> vertices = new ArrayList<>(g.vertexSet());
    vertices.sort(
        Comparator.comparing(NocNode::kind)
            .thenComparingInt(NocNode::a)
            .thenComparingInt(NocNode::b));
    int reachable = 0;
    int pairs = 150;
    for (int i = 0; i < pairs; i++) {
      // every fifth pair starts or ends at the buffer; one pair in 30 is a vertex to itself
      NocNode from = vertices.get(rnd.nextInt(vertices.size()));
      NocNode to = rnd.nextInt(30) == 0 ? from : vertices.get(rnd.nextInt(vertices.size()));
      int end = rnd.nextInt(10);
      if (end == 0) {
        from = GLB;
      } else if (end == 1) {
        to = GLB;
      }
      String what = "seed=" + seed + " " + net + " route " + from + " -> " + to;
      boolean atBuffer = from.equals(GLB) || to.equals(GLB);
      GraphPath<NocNode, NocLink> path = (atBuffer ? whole : masked).getPath(from, to);
      int[] route;
      try {
        route = noc.route(from, to);
      } catch (SimulationException ex) {
        if (path != null) {
          fail(
              what
                  + ": no route, but Dijkstra found "
                  + path.getLength()
                  + " hops: "
                  + path.getEdgeList());
        }
        continue;
      }
      if (path == null) {
        fail(what + ": route of " + route.length + " links, but Dijkstra found none");
      }
      reachable++;
      assertEquals(
          path.getLength(), route.length, () -> what + ": hops; Dijkstra " + path.getEdgeList());
      assertArrayEquals(route, again.route(from, to), () -> what + ": not deterministic");
      assertArrayEquals(reference.route(from, to), route, () -> what + ": another tie-break");
      NocNode at = from;
      for (int k = 0; k < route.length; k++) {
        NocLink l = byId.get(route[k]);
        String step = what + ": link " + k + " " + l;
        assertEquals(at, g.getEdgeSource(l), step + " does not start where the route is");
        at = g.getEdgeTarget(l);
        if (k + 1 < route.length) {
          assertNotEquals(Kind.GLB, at.kind(), step + " passes through the buffer");
        }
      }
      assertEquals(to, at, what + ": route ends elsewhere");
    }
    assertTrue(
        reachable >= pairs / 20,
        "seed=" + seed + " " + net + ": only " + reachable + " of " + pairs + " pairs reachable");
  }

  /** A random network: topology, array size, ports and widths. */
  private record Net(
      NocTopology topology, ArraySpec array, NocSpec noc, GlbSpec glb, int wordBytes) {
    static Net random(SplittableRandom rnd) {
      NocTopology t = rnd.nextBoolean() ? NocTopology.SYSTOLIC_MESH : NocTopology.XY_BUS;
      int side = rnd.nextInt(10) == 0 ? 33 : 9;
      ArraySpec a = new ArraySpec(rnd.nextInt(1, side), rnd.nextInt(1, side));
      int wordBytes = 1 << rnd.nextInt(4);
      NocSpec noc =
          new NocSpec(t, wordBytes * rnd.nextInt(1, 4), rnd.nextInt(0, 3), rnd.nextBoolean());
      GlbSpec glb =
          new GlbSpec(
              rnd.nextInt(1, 5),
              rnd.nextInt(1, a.rows() + a.cols() + 1),
              wordBytes * rnd.nextInt(1, 5));
      return new Net(t, a, noc, glb, wordBytes);
    }

    Graph<NocNode, NocLink> build() {
      return topology == NocTopology.SYSTOLIC_MESH
          ? NocGraphs.systolicMesh(array, noc, glb, wordBytes)
          : NocGraphs.xyBus(array, noc, glb, wordBytes);
    }
  }
}
