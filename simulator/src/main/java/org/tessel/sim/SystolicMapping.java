package org.tessel.sim;

import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.FoldPlan;
import org.tessel.sim.dataflow.LayerMapping;
import org.tessel.sim.layer.FoldDurations;
import org.tessel.sim.layer.FoldTraffic;
import org.tessel.sim.memory.OperandTraffic;
import org.tessel.sim.noc.SystolicTiming;
import org.tessel.sim.workload.Layer;

/**
 * A layer on a systolic dataflow: the folds of its GEMM (times its groups), timed on the network
 * by {@link SystolicTiming}, with operand-slice DRAM traffic ({@link OperandTraffic}).
 */
final class SystolicMapping implements LayerMapping {
  private final Dataflow dataflow;
  private final FoldPlan plan;
  private final long groups;
  private final long macs;
  private final FoldDurations durations;
  private final long[] classes;
  private final OperandTraffic traffic;
  /** Room for a whole tensor handed over between layers ({@link org.tessel.sim.arch.SramSpec#handOffWords()}). */
  private final long handOffWords;
  /** Chunks of the folds when DRAM traffic is simulated (USER bandwidth); null otherwise. */
  private final FoldChunks chunks;

  SystolicMapping(Dataflow dataflow, Layer layer, int batch, FoldPlan plan, SystolicTiming timing,
      org.tessel.sim.arch.HardwareSpec hw) {
    this.dataflow = dataflow;
    this.plan = plan;
    this.groups = layer.groups();
    this.macs = layer.macs() * batch;
    this.classes = timing.foldClasses(plan);
    this.durations = new FoldDurations(plan.rowFolds(), plan.colFolds(), classes);
    this.traffic = OperandTraffic.of(layer, batch, plan, hw);
    this.handOffWords = hw.sram().handOffWords();
    this.chunks = hw.dram().mode() == org.tessel.sim.arch.BandwidthMode.USER
        ? new FoldChunks(layer.name(), dataflow.shortName(), plan, traffic, classes, timing)
        : null;
  }

  /** With DRAM traffic simulated, a pass may move at most half of each SRAM. */
  @Override
  public long[] transferLimitsWords() {
    return chunks == null ? LayerMapping.super.transferLimitsWords() : traffic.halfCapacities();
  }

  /**
   * A whole SRAM that can serve as ifmap and as ofmap SRAM: a resident input is read in place (no
   * prefetch, so no double buffer).
   */
  @Override
  public long inputRoomWords() {
    return handOffWords;
  }

  /** The same: a kept output is not drained, and becomes the next layer's ifmap SRAM. */
  @Override
  public long outputRoomWords() {
    return handOffWords;
  }

  /**
   * The largest share of an SRAM half that one fold's slices take (a whole operand when it is
   * resident): ifmap, filter and ofmap slices against their halves.
   */
  @Override
  public double bufferOccupancy() {
    long[] half = traffic.halfCapacities();
    double peak = 0;
    long n = plan.folds();
    for (int k = 0; k < n; k++) {
      long[] step = traffic.wordsPerStep(k);
      long[] fill = {traffic.ifmapFillWords(k), traffic.filterFillWords(k),
          traffic.ofmapDrainWords(k)};
      for (int op = 0; op < 3; op++) {
        long words = op < 2 && traffic.resident(op) ? fill[op]
            : step[op] > 0 ? step[op] * plan.streamLength() : fill[op];
        peak = Math.max(peak, Math.min(1.0, (double) words / half[op]));
      }
    }
    return peak;
  }

  /** The fold plan of one group. */
  FoldPlan plan() {
    return plan;
  }

  @Override
  public String configuration() {
    return dataflow.shortName();
  }

  @Override
  public long passes() {
    return (chunks == null ? plan.folds() : chunks.passesPerGroup()) * groups;
  }

  @Override
  public FoldDurations durations() {
    return chunks == null ? durations : chunks.durations();
  }

  @Override
  public FoldTraffic traffic() {
    return chunks == null ? traffic : chunks;
  }

  /** Folds (before chunking), for mapping efficiency. */
  @Override
  public long folds() {
    return plan.folds() * groups;
  }

  @Override
  public long macs() {
    return macs;
  }

  @Override
  public long usedPeFoldSum() {
    return plan.usedPeFoldSum() * groups;
  }

  @Override
  public long nominalPassCycles() {
    return classes[0];
  }

  @Override
  public AccessCounts access() {
    AccessCounts a = traffic.access();
    if (chunks == null) {
      return a;
    }
    long[] d = chunks.dramWords();
    return new AccessCounts(a.sramIfmapReads(), a.sramFilterReads(), a.sramOfmapWrites(),
        d[0] * groups, d[1] * groups, d[2] * groups);
  }

  /**
   * Systolic energy counts: scratchpads four accesses per MAC (the operand registers and the
   * accumulator), network hops as {@link FoldPlan#nocWordHops()} counts them, per group.
   */
  @Override
  public EnergyCounts energyCounts() {
    return EnergyCounts.of(macs, plan.nocWordHops() * groups, access());
  }
}
