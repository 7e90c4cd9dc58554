package org.tessel.sim.dataflow.systolic;

import static org.tessel.sim.util.IntMath.ceilDiv;

import java.util.HashMap;
import java.util.Map;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.mapping.FoldPlan;

/**
 * Fold cycles of a systolic dataflow on the systolic mesh ({@link
 * org.tessel.sim.noc.NocGraphs#systolicMesh}). A fold has up to two phases:
 *
 * <ol>
 *   <li>preload (weight and input stationary): every used column receives {@code rows} words of the
 *       stationary operand through its top edge; at least {@code rows} cycles (one array row shifts
 *       in per cycle);
 *   <li>stream: every used row receives {@code streamLength} words through its left edge and, for
 *       output stationary, every used column as many through its top edge; at least {@code
 *       streamLength} cycles (one MAC per PE per cycle).
 * </ol>
 *
 * A phase takes the larger of its compute bound and its busiest link ({@link
 * org.tessel.sim.noc.LinkLoad} over the routes from the buffer through each edge register to the
 * far PE of its row or column); the fold then ends when the skewed wavefront has crossed the array:
 * the latency of the row route plus the column route to the far-corner PE, which is {@code (rows +
 * cols - 2) * hop}. With SCALE-Sim's mesh (one-word links, one-cycle hops, one port per edge
 * register) this is exactly {@link FoldPlan#foldCycles()}; fewer or narrower buffer ports make
 * streams share links and wait.
 *
 * <p>The busiest link comes from the mesh's structure, not from routes: each used row (column) puts
 * its words once on its own feed link, edge register link and mesh links, and on the link from the
 * buffer to its read port ({@code r mod ports} for row {@code r}, {@code (rows + c) mod ports} for
 * column {@code c}), which the rows and columns of the same port share. A phase's busiest link is
 * therefore {@code max(ceil(words * k / portWords), ceil(words / linkWords))} with {@code k} the
 * most rows and columns on one port, and {@code k} has a closed form (used rows and columns are
 * prefixes, so each port's share is a quotient plus at most one). Nothing here grows with the
 * array: a fold class costs O(1).
 */
public final class SystolicTiming {
  private final int rows;
  private final int ports;
  private final long portWords;
  private final long linkWords;
  private final long skewLatency;

  /** Fold classes per distinct plan: networks repeat layer shapes. */
  private final Map<FoldPlan, long[]> classes = new HashMap<>();

  /** Timing on {@code hw}'s network. */
  public SystolicTiming(HardwareSpec hw) {
    this(
        hw.array().rows(),
        hw.array().cols(),
        hw.cgra().glb().ports(),
        Math.max(1, hw.cgra().glb().bytesPerPortPerCycle() / hw.sram().wordBytes()),
        hw.cgra().noc().linkWordsPerCycle(hw.sram().wordBytes()),
        hw.cgra().noc().hopLatencyCycles());
  }

  /**
   * Timing on a {@code rows x cols} mesh fed by {@code ports} buffer ports of {@code portWords}
   * words per cycle, with edge and mesh links of {@code linkWords} words per cycle and mesh hops of
   * {@code hopCycles}.
   */
  SystolicTiming(int rows, int cols, int ports, int portWords, int linkWords, int hopCycles) {
    if (rows < 1 || cols < 1 || ports < 1 || portWords < 1 || linkWords < 1 || hopCycles < 0) {
      throw new IllegalArgumentException(
          "mesh "
              + rows
              + "x"
              + cols
              + ", "
              + ports
              + " ports of "
              + portWords
              + " words, links of "
              + linkWords
              + " words, hop "
              + hopCycles);
    }
    this.rows = rows;
    this.ports = ports;
    this.portWords = portWords;
    this.linkWords = linkWords;
    this.skewLatency = ((long) rows - 1 + cols - 1) * hopCycles;
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
    return Math.max(plan.preloadCycles(), busiestLink(rows, 0, plan.usedCols(fc)));
  }

  /** Cycles of fold {@code (fr, fc)} of {@code plan}. */
  public long foldCycles(FoldPlan plan, long fr, long fc) {
    long stream = plan.streamLength();
    long cycles = preloadCycles(plan, fr, fc);
    int streamedCols = plan.preloadCycles() == 0 ? plan.usedCols(fc) : 0;
    cycles += Math.max(stream, busiestLink(stream, plan.usedRows(fr), streamedCols));
    return cycles + skewLatency;
  }

  /**
   * Cycles the busiest link needs when each of the first {@code usedRows} rows and the first {@code
   * usedCols} columns receives {@code words} words.
   */
  long busiestLink(long words, int usedRows, int usedCols) {
    if (words <= 0 || usedRows + usedCols <= 0) {
      return 0;
    }
    long perPort = mostOnOnePort(usedRows, usedCols);
    return Math.max(ceilDiv(words * perPort, portWords), ceilDiv(words, linkWords));
  }

  /**
   * The most edge registers on one read port among rows {@code 0..usedRows-1} (row {@code r} on
   * port {@code r mod ports}) and columns {@code 0..usedCols-1} (column {@code c} on port {@code
   * (rows + c) mod ports}). Rows put {@code usedRows / ports} on every port and one more on ports
   * {@code [0, usedRows mod ports)}; columns likewise on the cyclic run of {@code usedCols mod
   * ports} ports from {@code rows mod ports}. Two runs that overlap add two on a port.
   */
  long mostOnOnePort(int usedRows, int usedCols) {
    long base = (long) (usedRows / ports) + usedCols / ports;
    int rowRun = usedRows % ports;
    int colRun = usedCols % ports;
    int colStart = rows % ports;
    if (rowRun > 0 && colRun > 0 && (colStart < rowRun || colStart + colRun > ports)) {
      return base + 2;
    }
    return base + (rowRun > 0 || colRun > 0 ? 1 : 0);
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
