package org.tessel.sim.result;

import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.stats.EnergyCounts;
import org.tessel.sim.stats.StreamStats;
import org.tessel.sim.workload.Layer;

/**
 * What one layer cost, in named parts: its {@link LayerCycles}, its {@link ArrayWork}, its line of
 * SCALE-Sim's reports and its accesses per energy level. The accessors of the parts' fields are
 * repeated here ({@link #cycles()}, {@link #macs()}, ...) for readers of the whole.
 *
 * @param index position in the network's execution order
 * @param layer the layer
 * @param dataflow short name of the dataflow it ran with
 * @param time where the layer's cycles went
 * @param work what it did on the PE array
 * @param report the layer's line in SCALE-Sim's reports (access counts and windows included)
 * @param events events the engine processed for this layer
 * @param configuration the array configuration the layer ran with (for example the dataflow)
 * @param energy accesses at each level, for the energy model
 */
public record LayerResult(
    int index,
    Layer layer,
    String dataflow,
    LayerCycles time,
    ArrayWork work,
    ReportRow report,
    long events,
    String configuration,
    EnergyCounts energy) {

  /** Validates the parts. */
  public LayerResult {
    if (layer == null
        || dataflow == null
        || time == null
        || work == null
        || report == null
        || configuration == null
        || energy == null) {
      throw new IllegalArgumentException("layer result " + index + ": every part is required");
    }
  }

  /** A result with no reconfiguration, configured by its dataflow, energy from its accesses. */
  public static LayerResult of(
      int index,
      Layer layer,
      String dataflow,
      LayerCycles time,
      ArrayWork work,
      ReportRow report,
      long events) {
    return new LayerResult(
        index,
        layer,
        dataflow,
        time,
        work,
        report,
        events,
        dataflow,
        EnergyCounts.of(work.macs(), 0, report.access()));
  }

  /** The same result after a reconfiguration of {@code cycles}. */
  public LayerResult withReconfigCycles(long cycles) {
    return new LayerResult(
        index,
        layer,
        dataflow,
        time.withReconfigCycles(cycles),
        work,
        report,
        events,
        configuration,
        energy);
  }

  /**
   * The same result with the layer's input already on chip (its DRAM ifmap reads not made) and/or
   * its output kept on chip for the next layer (its DRAM ofmap writes not made): the report's DRAM
   * streams and the energy counts lose those words. Cycles are unchanged, which is exact when DRAM
   * never stalls the array ({@code dram.mode: calc}); the caller decides when that holds.
   */
  public LayerResult withHandOff(boolean inputOnChip, boolean outputOnChip) {
    if (!inputOnChip && !outputOnChip) {
      return this;
    }
    long removed =
        (inputOnChip ? report.dramIfmap().words() : 0)
            + (outputOnChip ? report.dramOfmap().words() : 0);
    ReportRow r =
        new ReportRow(
            report.totalCycles(),
            report.stallCycles(),
            report.overallUtilPct(),
            report.mappingEfficiencyPct(),
            report.computeUtilPct(),
            report.sramIfmap(),
            report.sramFilter(),
            report.sramOfmap(),
            inputOnChip ? StreamStats.NONE : report.dramIfmap(),
            report.dramFilter(),
            outputOnChip ? StreamStats.NONE : report.dramOfmap());
    EnergyCounts e =
        new EnergyCounts(
            energy.macs(),
            energy.rfAccesses(),
            energy.nocWordHops(),
            energy.glbAccesses(),
            energy.dramAccesses() - removed);
    return new LayerResult(index, layer, dataflow, time, work, r, events, configuration, e);
  }

  /** Cycles from the layer's start to its last output written ({@link LayerCycles#cycles()}). */
  public long cycles() {
    return time.cycles();
  }

  /** Cycles the array spent in folds or passes. */
  public long computeCycles() {
    return time.computeCycles();
  }

  /** Cycles the array waited on memory. */
  public long stallCycles() {
    return time.stallCycles();
  }

  /** Cycles spent reconfiguring the array before this layer (not in {@link #cycles()}). */
  public long reconfigCycles() {
    return time.reconfigCycles();
  }

  /** Multiply-accumulates performed ({@link ArrayWork#macs()}). */
  public long macs() {
    return work.macs();
  }

  /** Folds or passes executed on the array. */
  public long folds() {
    return work.folds();
  }

  /** Sum over folds of the PEs mapped. */
  public long usedPeFoldSum() {
    return work.usedPeFoldSum();
  }

  /** Cycles of one fold. */
  public long foldCycles() {
    return work.foldCycles();
  }

  /** Cycles of the layer including the reconfiguration before it. */
  public long totalCycles() {
    return cycles() + reconfigCycles();
  }

  /** SRAM and DRAM access counts. */
  public AccessCounts access() {
    return report.access();
  }

  /** Fraction of PE-cycles doing MACs over the layer's whole time. */
  public double utilization(int pes) {
    return cycles() == 0 ? 0 : (double) macs() / ((double) pes * cycles());
  }

  /** Mean over folds of the fraction of PEs mapped. */
  public double mappingEfficiency(int pes) {
    return folds() == 0 ? 0 : (double) usedPeFoldSum() / ((double) folds() * pes);
  }

  /** Mean over folds of the fraction of PE-cycles doing MACs, stalls excluded. */
  public double computeUtilization(int pes) {
    return computeCycles() == 0 ? 0 : (double) macs() / ((double) pes * computeCycles());
  }
}
