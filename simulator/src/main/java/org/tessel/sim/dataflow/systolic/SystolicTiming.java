package org.tessel.sim.dataflow.systolic;

import org.tessel.sim.noc.CompiledNoc;
import org.tessel.sim.noc.LinkLoad;
import org.tessel.sim.noc.NocGraphs;
import org.tessel.sim.noc.NocNode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.noc.NocNode.Kind;

/**
 * Fold cycles of a systolic dataflow on a network. A fold has up to two phases:
 *
 * <ol>
 *   <li>preload (weight and input stationary): every used column receives {@code rows} words
 *       of the stationary operand through its top edge; at least {@code rows} cycles (one array row
 *       shifts in per cycle);
 *   <li>stream: every used row receives {@code streamLength} words through its left edge and,
 *       for output stationary, every used column as many through its top edge; at least {@code
 *       streamLength} cycles (one MAC per PE per cycle).
 * </ol>
 *
 * A phase takes the larger of its compute bound and its busiest link ({@link LinkLoad}); the fold
 * then ends when the skewed wavefront has crossed the array: the latency of the row route plus
 * the column route to the far-corner PE ({@code (rows - 1 + cols - 1) * hop} on a mesh). With
 * SCALE-Sim's mesh (one-word links, one-cycle hops, one port per edge register) this is exactly
 * {@link FoldPlan#foldCycles()}; fewer or narrower buffer ports make streams share links and wait.
 */
public final class SystolicTiming {
  private final CompiledNoc noc;
  private final LinkLoad load;
  private final int rows;
  private final int cols;
  private final int[][] rowRoute;
  private final int[][] colRoute;
  private final long skewLatency;
  /** Fold classes per distinct plan: networks repeat layer shapes. */
  private final java.util.Map<FoldPlan, long[]> classes = new java.util.HashMap<>();

  /** Timing on {@code hw}'s network. */
  public SystolicTiming(HardwareSpec hw) {
    this(new CompiledNoc(NocGraphs.build(hw.array(), hw.cgra().noc(), hw.cgra().glb(),
        hw.sram().wordBytes())), hw.array().rows(), hw.array().cols());
  }

  SystolicTiming(CompiledNoc noc, int rows, int cols) {
    this.noc = noc;
    this.load = new LinkLoad(noc);
    this.rows = rows;
    this.cols = cols;
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

  /** The compiled network. */
  public CompiledNoc noc() {
    return noc;
  }

  /** Cycles of the skewed wavefront crossing the array (the last part of every fold). */
  public long skewLatency() {
    return skewLatency;
  }

  /** Cycles of the preload phase of fold {@code (fr, fc)} (0 for output stationary). */
  public long preloadCycles(FoldPlan plan, long fr, long fc) {
    if (plan.preloadCycles() == 0) {
      return 0;
    }
    load.clear();
    for (int c = 0; c < plan.usedCols(fc); c++) {
      load.add(colRoute[c], rows);
    }
    return Math.max(plan.preloadCycles(), load.boundCycles());
  }

  /** Cycles of fold {@code (fr, fc)} of {@code plan}. */
  public long foldCycles(FoldPlan plan, long fr, long fc) {
    int usedRows = plan.usedRows(fr);
    int usedCols = plan.usedCols(fc);
    long cycles = 0;
    if (plan.preloadCycles() > 0) {
      load.clear();
      for (int c = 0; c < usedCols; c++) {
        load.add(colRoute[c], rows);
      }
      cycles += Math.max(plan.preloadCycles(), load.boundCycles());
    }
    load.clear();
    long stream = plan.streamLength();
    for (int r = 0; r < usedRows; r++) {
      load.add(rowRoute[r], stream);
    }
    if (plan.preloadCycles() == 0) {
      for (int c = 0; c < usedCols; c++) {
        load.add(colRoute[c], stream);
      }
    }
    cycles += Math.max(stream, load.boundCycles());
    return cycles + skewLatency;
  }

  /**
   * Cycles of every fold of {@code plan} in fold order (column fold outer), as four values: full or
   * partial row fold times full or partial column fold ({@code [rowPartial * 2 + colPartial]}).
   */
  public long[] foldClasses(FoldPlan plan) {
    return classes.computeIfAbsent(plan, this::computeFoldClasses).clone();
  }

  private long[] computeFoldClasses(FoldPlan plan) {
    long lastFr = plan.rowFolds() - 1;
    long lastFc = plan.colFolds() - 1;
    return new long[] {
      foldCycles(plan, 0, 0), foldCycles(plan, 0, lastFc),
      foldCycles(plan, lastFr, 0), foldCycles(plan, lastFr, lastFc)
    };
  }
}
