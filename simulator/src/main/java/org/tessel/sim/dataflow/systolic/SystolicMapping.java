package org.tessel.sim.dataflow.systolic;

import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.mapping.FoldDurations;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.stats.EnergyCounts;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Operand;
import org.tessel.sim.workload.OperandWords;

/**
 * A layer on a systolic dataflow: the folds of its GEMM (times its groups), timed on the network by
 * {@link SystolicTiming}, with operand-slice DRAM traffic ({@link OperandTraffic}).
 */
public final class SystolicMapping implements LayerMapping {
  private final DataflowKind dataflow;
  private final FoldPlan plan;
  private final long groups;
  private final long macs;
  private final FoldDurations durations;
  private final long[] classes;
  private final OperandTraffic traffic;

  /**
   * Room for a whole tensor handed over between layers ({@link
   * org.tessel.sim.arch.SramSpec#handOffWords()}).
   */
  private final long handOffWords;

  private final SramSpec sram;

  /** Chunks of the folds when DRAM traffic is simulated (USER bandwidth); null otherwise. */
  private final @Nullable FoldChunks chunks;

  private SystolicMapping(
      DataflowKind dataflow,
      Layer layer,
      int batch,
      FoldPlan plan,
      long[] classes,
      OperandTraffic traffic,
      HardwareSpec hw,
      @Nullable FoldChunks chunks) {
    this.dataflow = dataflow;
    this.plan = plan;
    this.groups = layer.groups();
    this.macs = layer.macs() * batch;
    this.classes = classes;
    this.durations = new FoldDurations(plan.rowFolds(), plan.colFolds(), classes);
    this.traffic = traffic;
    this.handOffWords = hw.sram().handOffWords();
    this.sram = hw.sram();
    this.chunks = chunks;
  }

  /**
   * The layer's folds under {@code plan}, timed on the network; infeasible when DRAM traffic is
   * simulated (USER bandwidth) and a fold cannot be cut into chunks that fit its SRAM halves.
   */
  public static Mapped<LayerMapping> map(
      DataflowKind dataflow,
      Layer layer,
      int batch,
      FoldPlan plan,
      SystolicTiming timing,
      HardwareSpec hw) {
    long[] classes = timing.foldClasses(plan);
    OperandTraffic traffic = OperandTraffic.of(layer, plan, hw);
    FoldChunks chunks = null;
    if (hw.dram().mode() == BandwidthMode.USER) {
      Mapped<FoldChunks> c =
          FoldChunks.of(layer.name(), dataflow.shortName(), plan, traffic, classes, timing);
      if (!c.fits()) {
        return Mapped.infeasible(c.infeasibility());
      }
      chunks = c.value();
    }
    return Mapped.of(
        new SystolicMapping(dataflow, layer, batch, plan, classes, traffic, hw, chunks));
  }

  /** With DRAM traffic simulated, a pass may move at most half of each SRAM. */
  @Override
  public OperandWords transferLimitsWords() {
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
    return sram.halfOccupancy(peakSramWords());
  }

  /**
   * The most words each operand (ifmap, filter, ofmap) holds in its SRAM half during any fold: a
   * resident operand its whole fill, a streamed slice all its stream steps, the stationary slice
   * its fill.
   */
  @Override
  public OperandWords peakSramWords() {
    long[] peak = new long[Operand.ALL.size()];
    long n = plan.folds();
    for (int k = 0; k < n; k++) {
      OperandWords step = traffic.wordsPerStep(k);
      OperandWords fill = traffic.fillWords(k);
      for (Operand op : Operand.ALL) {
        long words =
            traffic.resident(op)
                ? fill.get(op)
                : step.get(op) > 0 ? step.get(op) * plan.streamLength() : fill.get(op);
        peak[op.ordinal()] = Math.max(peak[op.ordinal()], words);
      }
    }
    return new OperandWords(peak[0], peak[1], peak[2]);
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
    return new AccessCounts(
        a.sramIfmapReads(),
        a.sramFilterReads(),
        a.sramOfmapWrites(),
        d[0] * groups,
        d[1] * groups,
        d[2] * groups);
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
