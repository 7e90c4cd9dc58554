package org.tessel.sim.noc;

import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.noc.NocNode.Kind;

/** Builds the network graph of a preset topology. */
public final class NocGraphs {
  private NocGraphs() {}

  /** A new empty directed graph for links. */
  static Graph<NocNode, NocLink> empty() {
    return GraphTypeBuilder.<NocNode, NocLink>directed().allowingMultipleEdges(true)
        .allowingSelfLoops(false).weighted(false).buildGraph();
  }

  /** Builds the graph for {@code noc} over {@code array}, fed by {@code glb}'s ports. */
  public static Graph<NocNode, NocLink> build(ArraySpec array, NocSpec noc, GlbSpec glb,
      int wordBytes) {
    switch (noc.topology()) {
      case SYSTOLIC_MESH:
        return systolicMesh(array, noc, glb, wordBytes);
      case XY_BUS:
        return xyBus(array, noc, glb, wordBytes);
      default:
        throw new IllegalArgumentException("unknown topology " + noc.topology());
    }
  }

  /**
   * A systolic mesh. The global buffer's read ports feed the left edge registers (row {@code r}
   * from port {@code r mod ports}) and the top edge registers (column {@code c} from port {@code
   * (rows + c) mod ports}); operands move right along rows and down along columns one PE per hop;
   * the bottom edge registers return results through the write ports. Port links have the
   * buffer's width and no latency (the edge registers are the buffer's outputs); mesh links have
   * the NoC's width and hop latency.
   */
  public static Graph<NocNode, NocLink> systolicMesh(ArraySpec array, NocSpec noc, GlbSpec glb,
      int wordBytes) {
    Graph<NocNode, NocLink> g = empty();
    int[] id = {0};
    int rows = array.rows();
    int cols = array.cols();
    int portWords = Math.max(1, glb.bytesPerPortPerCycle() / wordBytes);
    int linkWords = noc.linkWordsPerCycle(wordBytes);
    int hop = noc.hopLatencyCycles();
    NocNode buffer = new NocNode(Kind.GLB, 0, 0);
    g.addVertex(buffer);
    for (int p = 0; p < glb.ports(); p++) {
      NocNode rp = new NocNode(Kind.READ_PORT, p, 0);
      NocNode wp = new NocNode(Kind.WRITE_PORT, p, 0);
      link(g, id, buffer, rp, portWords, 0, false, "read port " + p);
      link(g, id, wp, buffer, portWords, 0, false, "write port " + p);
    }
    for (int r = 0; r < rows; r++) {
      NocNode left = new NocNode(Kind.LEFT, r, 0);
      link(g, id, new NocNode(Kind.READ_PORT, r % glb.ports(), 0), left, portWords, 0, false,
          "row " + r + " feed");
      link(g, id, left, NocNode.pe(r, 0), linkWords, 0, false, "row " + r + " edge");
    }
    for (int c = 0; c < cols; c++) {
      NocNode top = new NocNode(Kind.TOP, c, 0);
      NocNode bottom = new NocNode(Kind.BOTTOM, c, 0);
      link(g, id, new NocNode(Kind.READ_PORT, (rows + c) % glb.ports(), 0), top, portWords, 0,
          false, "column " + c + " feed");
      link(g, id, top, NocNode.pe(0, c), linkWords, 0, false, "column " + c + " edge");
      link(g, id, NocNode.pe(rows - 1, c), bottom, linkWords, 0, false, "column " + c + " out");
      link(g, id, bottom, new NocNode(Kind.WRITE_PORT, c % glb.ports(), 0), portWords, 0, false,
          "column " + c + " drain");
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (c + 1 < cols) {
          link(g, id, NocNode.pe(r, c), NocNode.pe(r, c + 1), linkWords, hop, false,
              "row " + r + " " + c + "->" + (c + 1));
        }
        if (r + 1 < rows) {
          link(g, id, NocNode.pe(r, c), NocNode.pe(r + 1, c), linkWords, hop, false,
              "column " + c + " " + r + "->" + (r + 1));
        }
      }
    }
    return g;
  }

  /**
   * Eyeriss-style buses: a Y bus from the global buffer's read port to every row's X bus, an X bus
   * along each row reaching every PE of the row in one transaction (multicast when the NoC allows
   * it), the reverse path for partial sums and results, and local links from each PE to the PE
   * above it (partial-sum accumulation up a column). Bus links have the NoC's width and hop
   * latency.
   */
  public static Graph<NocNode, NocLink> xyBus(ArraySpec array, NocSpec noc, GlbSpec glb,
      int wordBytes) {
    Graph<NocNode, NocLink> g = empty();
    int[] id = {0};
    int portWords = Math.max(1, glb.bytesPerPortPerCycle() / wordBytes);
    int busWords = noc.linkWordsPerCycle(wordBytes);
    int hop = noc.hopLatencyCycles();
    boolean mc = noc.multicast();
    NocNode buffer = new NocNode(Kind.GLB, 0, 0);
    NocNode rp = new NocNode(Kind.READ_PORT, 0, 0);
    NocNode wp = new NocNode(Kind.WRITE_PORT, 0, 0);
    NocNode yIn = new NocNode(Kind.Y_BUS, 0, 0);
    NocNode yOut = new NocNode(Kind.Y_BUS, 1, 0);
    link(g, id, buffer, rp, portWords, 0, false, "read port");
    link(g, id, wp, buffer, portWords, 0, false, "write port");
    link(g, id, rp, yIn, busWords, hop, mc, "Y bus in");
    link(g, id, yOut, wp, busWords, hop, mc, "Y bus out");
    for (int r = 0; r < array.rows(); r++) {
      NocNode xIn = new NocNode(Kind.X_BUS, r, 0);
      NocNode xOut = new NocNode(Kind.X_BUS, r, 1);
      link(g, id, yIn, xIn, busWords, hop, mc, "X bus " + r + " in");
      link(g, id, xOut, yOut, busWords, hop, mc, "X bus " + r + " out");
      for (int c = 0; c < array.cols(); c++) {
        NocNode pe = NocNode.pe(r, c);
        link(g, id, xIn, pe, busWords, 0, mc, "X bus " + r + " tap " + c);
        link(g, id, pe, xOut, busWords, 0, mc, "X bus " + r + " out tap " + c);
        if (r > 0) {
          link(g, id, pe, NocNode.pe(r - 1, c), busWords, hop, false,
              "psum " + c + " " + r + "->" + (r - 1));
        }
      }
    }
    return g;
  }

  private static void link(Graph<NocNode, NocLink> g, int[] id, NocNode from, NocNode to,
      int words, int latency, boolean multicast, String label) {
    g.addVertex(from);
    g.addVertex(to);
    g.addEdge(from, to, new NocLink(id[0]++, words, latency, multicast, label));
  }
}
