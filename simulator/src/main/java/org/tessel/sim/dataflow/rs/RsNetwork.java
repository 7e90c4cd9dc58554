package org.tessel.sim.dataflow.rs;

import org.tessel.sim.noc.CompiledNoc;
import org.tessel.sim.noc.NocGraphs;
import org.tessel.sim.noc.NocNode;

/**
 * The routes row stationary uses on the X/Y-bus network ({@link NocGraphs#xyBus}), looked up once
 * per PE: from the global buffer over the filter, ifmap and psum-read-back input networks to each
 * PE, and from each PE over the psum output network back to the buffer. Route arrays are indexed by
 * {@code row * cols + col}.
 */
final class RsNetwork {
  final CompiledNoc noc;
  final int rows;
  final int cols;
  final int[][] filterIn;
  final int[][] ifmapIn;
  final int[][] psumIn;
  final int[][] psumOut;
  final long[] filterInLatency;
  final long[] ifmapInLatency;
  final long[] psumOutLatency;

  /**
   * The routes of the {@code rows x cols} array of {@code noc}, looked up once per network and
   * shared by every layer mapped on it.
   */
  static RsNetwork of(CompiledNoc noc, int rows, int cols) {
    RsNetwork n = noc.derived(RsNetwork.class, c -> new RsNetwork(c, rows, cols));
    if (n.rows != rows || n.cols != cols) {
      throw new IllegalArgumentException(
          "routes of a "
              + n.rows
              + "x"
              + n.cols
              + " network asked for a "
              + rows
              + "x"
              + cols
              + " array");
    }
    return n;
  }

  /**
   * Looks up the routes of a {@code rows x cols} array.
   *
   * @throws org.tessel.sim.engine.SimulationException when the network is not an X/Y-bus network
   */
  RsNetwork(CompiledNoc noc, int rows, int cols) {
    this.noc = noc;
    this.rows = rows;
    this.cols = cols;
    int pes = rows * cols;
    filterIn = new int[pes][];
    ifmapIn = new int[pes][];
    psumIn = new int[pes][];
    psumOut = new int[pes][];
    filterInLatency = new long[pes];
    ifmapInLatency = new long[pes];
    psumOutLatency = new long[pes];
    NocNode glb = new NocNode(NocNode.Kind.GLB, 0, 0);
    for (int row = 0; row < rows; row++) {
      for (int col = 0; col < cols; col++) {
        int pe = row * cols + col;
        NocNode node = NocNode.pe(row, col);
        filterIn[pe] = input(glb, NocGraphs.XY_FILTER, row, node);
        ifmapIn[pe] = input(glb, NocGraphs.XY_IFMAP, row, node);
        psumIn[pe] = input(glb, NocGraphs.XY_PSUM_IN, row, node);
        psumOut[pe] =
            noc.route(
                node,
                NocGraphs.xyRowBus(NocGraphs.XY_PSUM_OUT, row),
                NocGraphs.xyHub(NocGraphs.XY_PSUM_OUT),
                glb);
        filterInLatency[pe] = noc.latency(filterIn[pe]);
        ifmapInLatency[pe] = noc.latency(ifmapIn[pe]);
        psumOutLatency[pe] = noc.latency(psumOut[pe]);
      }
    }
  }

  private int[] input(NocNode glb, int channel, int row, NocNode pe) {
    return noc.route(glb, NocGraphs.xyHub(channel), NocGraphs.xyRowBus(channel, row), pe);
  }

  /** The partial-sum route up column {@code col} from row {@code bottom} to row {@code top}. */
  int[] chain(int col, int bottom, int top) {
    return noc.route(NocNode.pe(bottom, col), NocNode.pe(top, col));
  }
}
