package org.tessel.sim.dataflow.systolic;

import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.mapping.GemmDim;
import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Operand;
import org.tessel.sim.workload.OperandWords;

/**
 * DRAM traffic per fold from operand slices. Each operand matrix (ifmap {@code Sr x T}, filter
 * {@code T x Sc}, ofmap {@code Sr x Sc}) is cut by the fold's row and column ranges; a fold needs
 * the slice of each input operand it reads. When a whole operand fits in half of its SRAM it is
 * fetched once, before the first fold, and stays; otherwise a slice is fetched whenever it differs
 * from the previous fold's. Every fold writes its ofmap slice back.
 */
public final class OperandTraffic implements FoldTraffic {
  private final FoldPlan plan;
  private final long rowFolds;
  private final long perGroupFolds;
  private final boolean ifmapResident;
  private final boolean filterResident;
  private final long ifmapTotal;
  private final long filterTotal;
  private final AccessCounts access;
  private final long ifmapHalf;
  private final long filterHalf;
  private final long ofmapHalf;

  private OperandTraffic(Layer layer, FoldPlan plan, HardwareSpec hw) {
    this.plan = plan;
    this.rowFolds = plan.rowFolds();
    this.perGroupFolds = plan.folds();
    if (perGroupFolds * layer.groups() > Integer.MAX_VALUE) {
      // fold indices are ints; WorkLimits refuses such layers before they are mapped
      throw new IllegalArgumentException(
          layer.name()
              + ": "
              + perGroupFolds
              + " folds x "
              + layer.groups()
              + " groups, more than "
              + Integer.MAX_VALUE);
    }
    long groups = layer.groups();
    long sr = extent(GemmDim.SR);
    long sc = extent(GemmDim.SC);
    long t = extent(GemmDim.T);
    this.ifmapTotal = sr * t;
    this.filterTotal = t * sc;
    this.ifmapHalf = hw.sram().ifmapWords() / 2;
    this.filterHalf = hw.sram().filterWords() / 2;
    this.ofmapHalf = hw.sram().ofmapWords() / 2;
    this.ifmapResident = hw.sram().ifmapResident(ifmapTotal * groups);
    this.filterResident = hw.sram().filterResident(filterTotal * groups);
    long dramIfmap = 0;
    long dramFilter = 0;
    long dramOfmap = 0;
    for (long k = 0; k < perGroupFolds; k++) {
      dramIfmap += ifmapFillWords((int) k);
      dramFilter += filterFillWords((int) k);
      dramOfmap += ofmapDrainWords((int) k);
    }
    // SRAM traffic as the array sees it: every fold streams its slices
    long colFolds = plan.colFolds();
    long sramIfmap = sliceSum(GemmDim.SR, GemmDim.T, rowFolds, colFolds);
    long sramFilter = sliceSum(GemmDim.T, GemmDim.SC, rowFolds, colFolds);
    long sramOfmap = sliceSum(GemmDim.SR, GemmDim.SC, rowFolds, colFolds);
    this.access =
        new AccessCounts(
            sramIfmap * groups,
            sramFilter * groups,
            sramOfmap * groups,
            dramIfmap * groups,
            dramFilter * groups,
            dramOfmap * groups);
  }

  /** The traffic of {@code layer} (all its groups) under {@code plan}. */
  public static OperandTraffic of(Layer layer, FoldPlan plan, HardwareSpec hw) {
    return new OperandTraffic(layer, plan, hw);
  }

  /**
   * Words per stream step of each operand's slice in fold {@code k} (ifmap, filter, ofmap), or -1
   * for an operand that is not streamed (the stationary one, loaded whole before the fold).
   */
  public OperandWords wordsPerStep(int k) {
    long kk = k % perGroupFolds;
    long fr = kk % rowFolds;
    long fc = kk / rowFolds;
    return new OperandWords(
        perStep(GemmDim.SR, GemmDim.T, fr, fc),
        perStep(GemmDim.T, GemmDim.SC, fr, fc),
        perStep(GemmDim.SR, GemmDim.SC, fr, fc));
  }

  /** The words fold {@code k} moves: its ifmap fill, filter fill and ofmap write-back. */
  public OperandWords fillWords(int k) {
    return new OperandWords(ifmapFillWords(k), filterFillWords(k), ofmapDrainWords(k));
  }

  private long perStep(GemmDim a, GemmDim b, long fr, long fc) {
    if (a != plan.streamDim() && b != plan.streamDim()) {
      return -1;
    }
    return slice(a, b, fr, fc) / plan.streamLength();
  }

  /** Whether the whole of {@code operand} stays on chip for the layer (never the ofmap). */
  public boolean resident(Operand operand) {
    return switch (operand) {
      case IFMAP -> ifmapResident;
      case FILTER -> filterResident;
      case OFMAP -> false;
    };
  }

  /** Capacity in words of half of each SRAM: what one fold may hold. */
  public OperandWords halfCapacities() {
    return new OperandWords(ifmapHalf, filterHalf, ofmapHalf);
  }

  /** Access counts over the whole layer. */
  public AccessCounts access() {
    return access;
  }

  private long extent(GemmDim d) {
    if (d == plan.rowDim()) {
      return plan.rowExtent();
    }
    if (d == plan.colDim()) {
      return plan.colExtent();
    }
    return plan.streamLength();
  }

  /** Words of the operand spanning dims a x b in fold (fr, fc). */
  private long slice(GemmDim a, GemmDim b, long fr, long fc) {
    return range(a, fr, fc) * range(b, fr, fc);
  }

  private long range(GemmDim d, long fr, long fc) {
    if (d == plan.rowDim()) {
      return plan.usedRows(fr);
    }
    if (d == plan.colDim()) {
      return plan.usedCols(fc);
    }
    return plan.streamLength();
  }

  private long sliceSum(GemmDim a, GemmDim b, long rf, long cf) {
    long sum = 0;
    for (long fc = 0; fc < cf; fc++) {
      for (long fr = 0; fr < rf; fr++) {
        sum += slice(a, b, fr, fc);
      }
    }
    return sum;
  }

  private boolean changed(GemmDim a, GemmDim b, long k) {
    if (k == 0) {
      return true;
    }
    long fr = k % rowFolds;
    long fc = k / rowFolds;
    long pfr = (k - 1) % rowFolds;
    long pfc = (k - 1) / rowFolds;
    boolean rowUsed = a == plan.rowDim() || b == plan.rowDim();
    boolean colUsed = a == plan.colDim() || b == plan.colDim();
    return (rowUsed && fr != pfr) || (colUsed && fc != pfc);
  }

  private long fill(GemmDim a, GemmDim b, int kAll, boolean resident, long total) {
    long k = kAll % perGroupFolds;
    if (resident) {
      return k == 0 ? total : 0;
    }
    return changed(a, b, k) ? slice(a, b, k % rowFolds, k / rowFolds) : 0;
  }

  @Override
  public long ifmapFillWords(int k) {
    return fill(GemmDim.SR, GemmDim.T, k, ifmapResident, ifmapTotal);
  }

  @Override
  public long filterFillWords(int k) {
    return fill(GemmDim.T, GemmDim.SC, k, filterResident, filterTotal);
  }

  @Override
  public long ofmapDrainWords(int k) {
    long kk = k % perGroupFolds;
    return slice(GemmDim.SR, GemmDim.SC, kk % rowFolds, kk / rowFolds);
  }
}
