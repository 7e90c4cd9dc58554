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
    return GraphTypeBuilder.<NocNode, NocLink>directed()
        .allowingMultipleEdges(true)
        .allowingSelfLoops(false)
        .weighted(false)
        .buildGraph();
  }

  /** Builds the graph for {@code noc} over {@code array}, fed by {@code glb}'s ports. */
  public static Graph<NocNode, NocLink> build(
      ArraySpec array, NocSpec noc, GlbSpec glb, int wordBytes) {
    return switch (noc.topology()) {
      case SYSTOLIC_MESH -> systolicMesh(array, noc, glb, wordBytes);
      case XY_BUS -> xyBus(array, noc, glb, wordBytes);
      default -> throw new IllegalArgumentException("unknown topology " + noc.topology());
    };
  }

  /**
   * A systolic mesh. The global buffer's read ports feed the left edge registers (row {@code r}
   * from port {@code r mod ports}) and the top edge registers (column {@code c} from port {@code
   * (rows + c) mod ports}); operands move right along rows and down along columns one PE per hop;
   * the bottom edge registers return results through the write ports. Port links have the buffer's
   * width and no latency (the edge registers are the buffer's outputs); mesh links have the NoC's
   * width and hop latency.
   */
  public static Graph<NocNode, NocLink> systolicMesh(
      ArraySpec array, NocSpec noc, GlbSpec glb, int wordBytes) {
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
      link(
          g,
          id,
          new NocNode(Kind.READ_PORT, r % glb.ports(), 0),
          left,
          portWords,
          0,
          false,
          "row " + r + " feed");
      link(g, id, left, NocNode.pe(r, 0), linkWords, 0, false, "row " + r + " edge");
    }
    for (int c = 0; c < cols; c++) {
      NocNode top = new NocNode(Kind.TOP, c, 0);
      NocNode bottom = new NocNode(Kind.BOTTOM, c, 0);
      link(
          g,
          id,
          new NocNode(Kind.READ_PORT, (rows + c) % glb.ports(), 0),
          top,
          portWords,
          0,
          false,
          "column " + c + " feed");
      link(g, id, top, NocNode.pe(0, c), linkWords, 0, false, "column " + c + " edge");
      link(g, id, NocNode.pe(rows - 1, c), bottom, linkWords, 0, false, "column " + c + " out");
      link(
          g,
          id,
          bottom,
          new NocNode(Kind.WRITE_PORT, c % glb.ports(), 0),
          portWords,
          0,
          false,
          "column " + c + " drain");
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (c + 1 < cols) {
          link(
              g,
              id,
              NocNode.pe(r, c),
              NocNode.pe(r, c + 1),
              linkWords,
              hop,
              false,
              "row " + r + " " + c + "->" + (c + 1));
        }
        if (r + 1 < rows) {
          link(
              g,
              id,
              NocNode.pe(r, c),
              NocNode.pe(r + 1, c),
              linkWords,
              hop,
              false,
              "column " + c + " " + r + "->" + (r + 1));
        }
      }
    }
    return g;
  }

  /** Channel of the ifmap GIN in {@link #xyBus}: read port 0, Y bus hub {@code Y_BUS 0}. */
  public static final int XY_IFMAP = 0;

  /** Channel of the psum GON (results and partial sums back to the buffer): write port 0. */
  public static final int XY_PSUM_OUT = 1;

  /** Channel of the filter GIN: read port {@code 1 mod ports}. */
  public static final int XY_FILTER = 2;

  /** Channel of the psum GIN (partial sums read back into the chains): read port 2 mod ports. */
  public static final int XY_PSUM_IN = 3;

  /** The Y bus hub of {@code channel} in {@link #xyBus}. */
  public static NocNode xyHub(int channel) {
    return new NocNode(Kind.Y_BUS, channel, 0);
  }

  /** The X bus of PE row {@code row} on {@code channel} in {@link #xyBus}. */
  public static NocNode xyRowBus(int channel, int row) {
    return new NocNode(Kind.X_BUS, row, channel);
  }

  /**
   * Eyeriss-style buses (Chen et al., "Eyeriss: An Energy-Efficient Reconfigurable Accelerator for
   * Deep Convolutional Neural Networks", JSSC 2017, Sec. V): each data type has its own network, a
   * Y bus from the global buffer plus one X bus per PE row.
   *
   * <ul>
   *   <li>three input networks (GIN) in this order: ifmap ({@link #XY_IFMAP}), filter ({@link
   *       #XY_FILTER}) and psum read-back ({@link #XY_PSUM_IN}). Each is: the buffer's read port
   *       ({@code 0}, {@code 1 mod ports}, {@code 2 mod ports}) to the channel's Y bus hub, the hub
   *       to every row's X bus, and every X bus to each PE of its row ("tap"). With {@code
   *       noc.multicast} every one of these links, the read port included, delivers one word to all
   *       receivers behind it in one transaction; without it each receiver costs its own transfer;
   *   <li>one output network (GON, {@link #XY_PSUM_OUT}): each PE to its row's output X bus, the X
   *       buses to the output Y bus hub, the hub to write port 0;
   *   <li>local links from each PE to the PE above it (row {@code r} to {@code r - 1}), along which
   *       partial sums accumulate up a column.
   * </ul>
   *
   * Port links have the buffer's width ({@code glb.bytesPerPortPerCycle}) and no latency; Y and X
   * bus segments have their network's width ({@code noc.ifmapBytesPerCycle}, {@code
   * filterBytesPerCycle}, {@code psumInBytesPerCycle}, {@code psumOutBytesPerCycle}) and the hop
   * latency; taps have their network's width and no latency; the local links have the psum output
   * network's width and the hop latency. The nodes of the ifmap input and psum output networks are
   * those of the single-network version ({@code Y_BUS 0} in, {@code Y_BUS 1} out), and the
   * fewest-hops route from the buffer to a PE runs over the ifmap network.
   */
  public static Graph<NocNode, NocLink> xyBus(
      ArraySpec array, NocSpec noc, GlbSpec glb, int wordBytes) {
    Graph<NocNode, NocLink> g = empty();
    int[] id = {0};
    int portWords = Math.max(1, glb.bytesPerPortPerCycle() / wordBytes);
    int[] busWords = new int[4];
    busWords[XY_IFMAP] = NocSpec.words(noc.ifmapBytesPerCycle(), wordBytes);
    busWords[XY_FILTER] = NocSpec.words(noc.filterBytesPerCycle(), wordBytes);
    busWords[XY_PSUM_IN] = NocSpec.words(noc.psumInBytesPerCycle(), wordBytes);
    busWords[XY_PSUM_OUT] = NocSpec.words(noc.psumOutBytesPerCycle(), wordBytes);
    int outWords = busWords[XY_PSUM_OUT];
    int hop = noc.hopLatencyCycles();
    boolean mc = noc.multicast();
    NocNode buffer = new NocNode(Kind.GLB, 0, 0);
    g.addVertex(buffer);
    for (int p = 0; p < glb.ports(); p++) {
      link(g, id, buffer, new NocNode(Kind.READ_PORT, p, 0), portWords, 0, mc, "read port " + p);
      link(
          g,
          id,
          new NocNode(Kind.WRITE_PORT, p, 0),
          buffer,
          portWords,
          0,
          false,
          "write port " + p);
    }
    int[] inputs = {XY_IFMAP, XY_FILTER, XY_PSUM_IN};
    for (int k = 0; k < inputs.length; k++) {
      int ch = inputs[k];
      String name = channelName(ch);
      NocNode hub = xyHub(ch);
      link(
          g,
          id,
          new NocNode(Kind.READ_PORT, k % glb.ports(), 0),
          hub,
          busWords[ch],
          hop,
          mc,
          name + " Y bus");
      for (int r = 0; r < array.rows(); r++) {
        NocNode x = xyRowBus(ch, r);
        link(g, id, hub, x, busWords[ch], hop, mc, name + " X bus " + r);
        for (int c = 0; c < array.cols(); c++) {
          link(g, id, x, NocNode.pe(r, c), busWords[ch], 0, mc, name + " X bus " + r + " tap " + c);
        }
      }
    }
    NocNode out = xyHub(XY_PSUM_OUT);
    link(g, id, out, new NocNode(Kind.WRITE_PORT, 0, 0), outWords, hop, mc, "psum out Y bus");
    for (int r = 0; r < array.rows(); r++) {
      NocNode x = xyRowBus(XY_PSUM_OUT, r);
      link(g, id, x, out, outWords, hop, mc, "psum out X bus " + r);
      for (int c = 0; c < array.cols(); c++) {
        NocNode pe = NocNode.pe(r, c);
        link(g, id, pe, x, outWords, 0, mc, "psum out X bus " + r + " tap " + c);
        if (r > 0) {
          link(
              g,
              id,
              pe,
              NocNode.pe(r - 1, c),
              outWords,
              hop,
              false,
              "psum " + c + " " + r + "->" + (r - 1));
        }
      }
    }
    return g;
  }

  private static String channelName(int channel) {
    return switch (channel) {
      case XY_IFMAP -> "ifmap";
      case XY_FILTER -> "filter";
      case XY_PSUM_IN -> "psum in";
      default -> "psum out";
    };
  }

  private static void link(
      Graph<NocNode, NocLink> g,
      int[] id,
      NocNode from,
      NocNode to,
      int words,
      int latency,
      boolean multicast,
      String label) {
    g.addVertex(from);
    g.addVertex(to);
    g.addEdge(from, to, new NocLink(id[0]++, words, latency, multicast, label));
  }
}
