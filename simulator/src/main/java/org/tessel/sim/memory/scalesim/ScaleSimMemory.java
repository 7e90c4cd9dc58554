package org.tessel.sim.memory.scalesim;

import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.result.ArrayWork;
import org.tessel.sim.result.LayerCycles;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.ReportRow;
import org.tessel.sim.stats.EnergyCounts;
import org.tessel.sim.stats.StreamStats;
import org.tessel.sim.workload.Layer;

/**
 * Runs one layer through SCALE-Sim v2's memory system (scalesim-project/scale-sim-v2: {@code
 * double_buffered_scratchpad_mem.py}, {@code read_buffer.py}, {@code read_buffer_estimate_bw.py},
 * {@code write_buffer.py}, {@code systolic_compute_{os,ws,is}.py}), or v3's under {@link
 * MemoryModel#SCALESIM_V3} (where they differ: {@link ScaleSimVersion}; v3 also reads ifmap and
 * filter from DRAM at their own bandwidths and reports the latest drain), giving the numbers of its
 * three report files. The model is specified in docs/validation.md (SCALE-Sim v2 section).
 *
 * <p>One GEMM: each fold takes {@code foldRows} demand rows (os {@code t + rows + cols - 2}, ws/is
 * {@code 2 rows + t + cols - 2}); row {@code i} is serviced at cycle {@code i + stall}. USER
 * bandwidth: the ifmap and filter read buffers ({@link UserReadBuffer}) prefetch lines of their
 * operand's prefetch order into a sliding window and stall the row that misses; their walks run
 * first and give sorted event rows. CALC bandwidth: reads never stall and {@link
 * EstimateReadBuffer} walks the demand afterwards for the DRAM columns. In both modes the ofmap
 * {@link WriteBuffer} (DRAM bandwidth: USER's, or the array width for CALC) can stall a write that
 * finds no space during a drain. {@link RowLoop} combines them, jumping between event rows.
 *
 * <p>Cost: the read buffers do not visit every demanded address. USER: {@code O(demand rows +
 * anti-diagonals of the prefetch matrix)} plus a little per entry outside the window ({@link
 * UserReadBuffer}, {@link PrefetchLines}). CALC: counted for filters and for ifmap passes whose
 * addresses never come back within an epoch, else an epoch stamp per distinct address of each fold
 * pattern and a demand-order walk only of the rows where an epoch ends ({@link
 * EstimateReadBuffer}). Then {@code O(events * log(demand rows))} for the row loop and {@code
 * O(folds)} for the utilisation sums. Memory: an int per address (CALC), a long per anti-diagonal
 * and per line (USER), a few ints per output pixel; no demand matrix is built, nothing is allocated
 * per element or row. The results equal those of the walks over every address, kept in the tests as
 * the reference.
 *
 * <p>Extensions, which SCALE-Sim does not have:
 *
 * <ul>
 *   <li><b>Batch</b>: the GEMM has {@code batch * outPixels} ofmap rows; row {@code p} belongs to
 *       image {@code p / outPixels} and reads that image's input (address offset {@code b * inH *
 *       inW * inC}).
 *   <li><b>Groups</b>: the {@code groups} GEMMs run one after another with fresh buffers, each on
 *       its channel slice; cycles, stalls and counts add up, windows run from the first GEMM's
 *       start to the last GEMM's stop (GEMM {@code g} starts at {@code g * (total + 1)}). Their
 *       address streams are equal up to a constant offset, so one GEMM is simulated and repeated
 *       (the result's {@code events} are that GEMM's); the utilisation averages run over all
 *       groups' folds in order.
 *   <li><b>Padding</b> ({@code padH, padW > 0}, Tessel network files): input coordinate {@code oy *
 *       stride - pad + ky} outside the input is an im2col hole (no address), like SCALE-Sim's
 *       windows that run past the input edge.
 * </ul>
 *
 * <p>Degenerate sizes SCALE-Sim cannot run get a value instead of a crash: CALC read buffers under
 * 100 words use sets of one word, and a layer with Total Cycles 0 reports 0 % overall util.
 */
public final class ScaleSimMemory {
  private ScaleSimMemory() {}

  /**
   * Simulates {@code layer} (all its groups) for {@code batch} inputs under {@code plan}.
   *
   * @throws IllegalArgumentException when {@code plan} is not an os, ws or is layout, or an operand
   *     exceeds 2^31 words
   */
  public static LayerResult simulate(
      int index, Layer layer, int batch, FoldPlan plan, HardwareSpec hw) {
    if (hw.sram().ofmapWords() < 2) {
      // SCALE-Sim drains half the ofmap SRAM at a time: with fewer than 2 words it never drains
      throw new ConfigException(
          hw.name(),
          0,
          "OfmapSramSzkB",
          "SCALE-Sim's ofmap write buffer"
              + " needs at least 2 words (half fills while half drains); this one holds "
              + hw.sram().ofmapWords());
    }
    Shape s = Shape.of(plan);
    GemmRun g = runGemm(s, new Operands(layer, batch), hw);
    long groups = layer.groups();
    long period = g.totalCycles() + 1;
    long cycles = groups * period;
    long total = cycles - 1;
    long shift = (groups - 1) * period;
    long macs = layer.macs() * batch;
    long pes = (long) s.rows * s.cols;
    double overall = total == 0 ? 0 : (double) (macs * 100) / (double) (total * pes);
    ReportRow row =
        new ReportRow(
            total,
            groups * g.stallCycles(),
            overall,
            mappingEfficiencyPct(s, groups),
            computeUtilPct(s, groups),
            repeat(g.sramIfmap(), groups, shift),
            repeat(g.sramFilter(), groups, shift),
            repeat(g.sramOfmap(), groups, shift),
            repeat(g.dramIfmap(), groups, shift),
            repeat(g.dramFilter(), groups, shift),
            repeat(g.dramOfmap(), groups, shift));
    String df = hw.dataflow().shortName();
    // the array's network is the same as in the tile model: same word hops, same NoC energy
    return new LayerResult(
        index,
        layer,
        df,
        LayerCycles.of(cycles, groups * s.demandRows, row.stallCycles()),
        new ArrayWork(macs, groups * s.folds, plan.usedPeFoldSum() * groups, plan.foldCycles()),
        row,
        g.events(),
        df,
        EnergyCounts.of(macs, plan.nocWordHops() * groups, row.access()));
  }

  private static StreamStats repeat(StreamStats one, long groups, long shift) {
    return new StreamStats(one.startCycle(), one.stopCycle() + shift, one.words() * groups);
  }

  /** One GEMM through the three buffers. */
  static GemmRun runGemm(Shape s, Operands ops, HardwareSpec hw) {
    return runGemm(s, ops, hw, ReadWalks.FAST);
  }

  /** One GEMM through the three buffers, the read buffers walked by {@code walks}. */
  static GemmRun runGemm(Shape s, Operands ops, HardwareSpec hw, ReadWalks walks) {
    boolean user = hw.dram().mode() == BandwidthMode.USER;
    ScaleSimVersion version =
        hw.memoryModel() == MemoryModel.SCALESIM_V3 ? ScaleSimVersion.V3 : ScaleSimVersion.V2;
    int bw = hw.dram().bandwidthWordsPerCycle();
    int ifmapBw = version == ScaleSimVersion.V3 ? hw.dram().ifmapReadWordsPerCycle() : bw;
    int filterBw = version == ScaleSimVersion.V3 ? hw.dram().filterReadWordsPerCycle() : bw;
    OperandStream ifmap = OperandStream.ifmap(s, ops);
    OperandStream filter = OperandStream.filter(s, ops);
    OfmapRows ofmap = new OfmapRows(s);
    WriteBuffer wb = new WriteBuffer(hw.sram().ofmapWords(), user ? bw : s.cols);
    ReadWalks.@Nullable UserWalk ifmapUser = null;
    ReadWalks.@Nullable UserWalk filterUser = null;
    if (user) {
      ifmapUser = walks.user(s, ifmap, hw.sram().ifmapWords(), ifmapBw);
      filterUser = walks.user(s, filter, hw.sram().filterWords(), filterBw);
    }
    long ifFirst = ifmap.firstRow();
    long flFirst = filter.firstRow();
    RowLoop loop =
        new RowLoop(
            s,
            version,
            ofmap,
            wb,
            ifmapUser != null ? ifmapUser.events() : ReadEvents.NONE, // set exactly when user
            filterUser != null ? filterUser.events() : ReadEvents.NONE,
            ifFirst,
            ifmap.lastRow(),
            flFirst,
            filter.lastRow(),
            ofmap.firstRow(),
            ofmap.lastRow());
    long total = loop.run();
    wb.emptyAll(total);
    StreamStats dramIfmap =
        ifmapUser != null
            ? ifmapUser.dram()
            : walks.calc(s, ifmap, hw.sram().ifmapWords(), ops.ifmapSpace, ifFirst, loop);
    StreamStats dramFilter =
        filterUser != null
            ? filterUser.dram()
            : walks.calc(s, filter, hw.sram().filterWords(), ops.filterSpace, flFirst, loop);
    // v2 reports the last drain's end, v3 the latest end of any drain (np.amax of the trace)
    long ofmapStop = version == ScaleSimVersion.V3 ? wb.dramLatestCycle() : wb.dramStopCycle();
    return new GemmRun(
        total,
        loop.stall(),
        new StreamStats(loop.answer(0, 0), loop.answer(1, 0), s.sramIfmapReads()),
        new StreamStats(loop.answer(2, 1), loop.answer(3, 1), s.sramFilterReads()),
        new StreamStats(loop.answer(4, 2), loop.answer(5, 2), s.sramOfmapWrites()),
        dramIfmap,
        dramFilter,
        new StreamStats(wb.dramStartCycle(), ofmapStop, wb.dramWords()),
        loop.events());
  }

  /**
   * SCALE-Sim's Mapping Efficiency %: {@code (sum over folds of ru * cu / pes) / folds * 100},
   * summed in fold order as SCALE-Sim does, so that the last digit agrees.
   */
  static double mappingEfficiencyPct(Shape s, long groups) {
    double pes = (double) s.rows * s.cols;
    double sum = 0;
    for (long g = 0; g < groups; g++) {
      for (int fc = 0; fc < s.colFolds; fc++) {
        int cu = s.usedCols(fc);
        for (int fr = 0; fr < s.rowFolds; fr++) {
          sum += (double) ((long) s.usedRows(fr) * cu) / pes;
        }
      }
    }
    return sum / ((double) s.folds * groups) * 100;
  }

  /**
   * SCALE-Sim's Compute Util %: {@code (sum over folds of ru * cu * t / (pes * rows')) / folds *
   * 100} with {@code rows'} = {@link Shape#computeUtilRows()}, in SCALE-Sim's operation order.
   */
  static double computeUtilPct(Shape s, long groups) {
    double den = (double) ((long) s.rows * s.cols * s.computeUtilRows());
    double sum = 0;
    for (long g = 0; g < groups; g++) {
      for (int fc = 0; fc < s.colFolds; fc++) {
        int cu = s.usedCols(fc);
        for (int fr = 0; fr < s.rowFolds; fr++) {
          sum += (double) ((long) s.usedRows(fr) * cu * s.t) / den;
        }
      }
    }
    return sum / ((double) s.folds * groups) * 100;
  }
}
