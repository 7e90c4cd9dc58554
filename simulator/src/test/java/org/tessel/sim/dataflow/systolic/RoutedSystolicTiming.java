package org.tessel.sim.dataflow.systolic;

import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.noc.CompiledNoc;
import org.tessel.sim.noc.LinkLoad;
import org.tessel.sim.noc.NocNode;
import org.tessel.sim.noc.NocNode.Kind;

/**
 * The systolic fold timing computed the literal way, as {@link SystolicTiming} did before it used
 * the mesh's structure: the route of every row and column through the compiled graph, each phase's
 * streams charged link by link on a {@link LinkLoad}, the busiest link read off it, and the skew
 * from the far rows' and columns' route latencies. The reference the closed form is checked
 * against.
 */
final class RoutedSystolicTiming {
  private final LinkLoad load;
  private final int rows;
  private final int[][] rowRoute;
  private final int[][] colRoute;
  private final long skewLatency;

  RoutedSystolicTiming(CompiledNoc noc, int rows, int cols) {
    this.load = new LinkLoad(noc);
    this.rows = rows;
    NocNode glb = new NocNode(Kind.GLB, 0, 0);
    rowRoute = new int[rows][];
    colRoute = new int[cols][];
    for (int r = 0; r < rows; r++) {
      rowRoute[r] = noc.route(glb, new NocNode(Kind.LEFT, r, 0), NocNode.pe(r, cols - 1));
    }
    for (int c = 0; c < cols; c++) {
      colRoute[c] = noc.route(glb, new NocNode(Kind.TOP, c, 0), NocNode.pe(rows - 1, c));
    }
    skewLatency = noc.latency(rowRoute[rows - 1]) + noc.latency(colRoute[cols - 1]);
  }

  long skewLatency() {
    return skewLatency;
  }

  long preloadCycles(FoldPlan plan, long fc) {
    if (plan.preloadCycles() == 0) {
      return 0;
    }
    load.clear();
    for (int c = 0; c < plan.usedCols(fc); c++) {
      load.add(colRoute[c], rows);
    }
    return Math.max(plan.preloadCycles(), load.boundCycles());
  }

  long foldCycles(FoldPlan plan, long fr, long fc) {
    long cycles = preloadCycles(plan, fc);
    load.clear();
    long stream = plan.streamLength();
    for (int r = 0; r < plan.usedRows(fr); r++) {
      load.add(rowRoute[r], stream);
    }
    if (plan.preloadCycles() == 0) {
      for (int c = 0; c < plan.usedCols(fc); c++) {
        load.add(colRoute[c], stream);
      }
    }
    cycles += Math.max(stream, load.boundCycles());
    return cycles + skewLatency;
  }
}
