package org.tessel.sim;

import org.tessel.sim.workload.Layer;

/**
 * What one layer cost. Cycle counts are durations: a layer that keeps the array busy in cycles 0
 * to n-1 took {@code n} cycles.
 *
 * @param index position in the network's execution order
 * @param layer the layer
 * @param dataflow short name of the dataflow it ran with
 * @param cycles cycles from the layer's start to its last output written
 * @param computeCycles cycles the array spent in folds
 * @param stallCycles cycles the array waited on memory
 * @param macs multiply-accumulates performed (the layer's MACs times the batch)
 * @param folds folds executed on the array (0 for vector layers)
 * @param usedPeFoldSum sum over folds of the PEs mapped (for mapping efficiency)
 * @param foldCycles cycles of one fold (0 for vector layers)
 * @param report the layer's line in SCALE-Sim's reports (access counts and windows included)
 * @param events events the engine processed for this layer
 * @param reconfigCycles cycles spent reconfiguring the array before this layer (not in {@code
 *     cycles})
 * @param configuration the array configuration the layer ran with (for example the dataflow)
 * @param energy accesses at each level, for the energy model
 */
public record LayerResult(
    int index,
    Layer layer,
    String dataflow,
    long cycles,
    long computeCycles,
    long stallCycles,
    long macs,
    long folds,
    long usedPeFoldSum,
    long foldCycles,
    ReportRow report,
    long events,
    long reconfigCycles,
    String configuration,
    EnergyCounts energy) {

  /** A result with no reconfiguration, configured by its dataflow. */
  public LayerResult(int index, Layer layer, String dataflow, long cycles, long computeCycles,
      long stallCycles, long macs, long folds, long usedPeFoldSum, long foldCycles,
      ReportRow report, long events) {
    this(index, layer, dataflow, cycles, computeCycles, stallCycles, macs, folds, usedPeFoldSum,
        foldCycles, report, events, 0, dataflow, EnergyCounts.of(macs, 0, report.access()));
  }

  /** The same result after a reconfiguration of {@code cycles}. */
  public LayerResult withReconfigCycles(long cycles) {
    return new LayerResult(index, layer, dataflow, this.cycles, computeCycles, stallCycles, macs,
        folds, usedPeFoldSum, foldCycles, report, events, cycles, configuration, energy);
  }

  /**
   * The same result with the layer's input already on chip (its DRAM ifmap reads not made) and/or
   * its output kept on chip for the next layer (its DRAM ofmap writes not made): the report's
   * DRAM streams and the energy counts lose those words. Cycles are unchanged, which is exact
   * when DRAM never stalls the array ({@code dram.mode: calc}); the caller decides when that holds.
   */
  public LayerResult withHandOff(boolean inputOnChip, boolean outputOnChip) {
    if (!inputOnChip && !outputOnChip) {
      return this;
    }
    long removed = (inputOnChip ? report.dramIfmap().words() : 0)
        + (outputOnChip ? report.dramOfmap().words() : 0);
    ReportRow r = new ReportRow(report.totalCycles(), report.stallCycles(),
        report.overallUtilPct(), report.mappingEfficiencyPct(), report.computeUtilPct(),
        report.sramIfmap(), report.sramFilter(), report.sramOfmap(),
        inputOnChip ? StreamStats.NONE : report.dramIfmap(), report.dramFilter(),
        outputOnChip ? StreamStats.NONE : report.dramOfmap());
    EnergyCounts e = new EnergyCounts(energy.macs(), energy.rfAccesses(), energy.nocWordHops(),
        energy.glbAccesses(), energy.dramAccesses() - removed);
    return new LayerResult(index, layer, dataflow, cycles, computeCycles, stallCycles, macs,
        folds, usedPeFoldSum, foldCycles, r, events, reconfigCycles, configuration, e);
  }

  /** Cycles of the layer including the reconfiguration before it. */
  public long totalCycles() {
    return cycles + reconfigCycles;
  }

  /** SRAM and DRAM access counts. */
  public AccessCounts access() {
    return report.access();
  }

  /** Fraction of PE-cycles doing MACs over the layer's whole time. */
  public double utilization(int pes) {
    return cycles == 0 ? 0 : (double) macs / ((double) pes * cycles);
  }

  /** Mean over folds of the fraction of PEs mapped. */
  public double mappingEfficiency(int pes) {
    return folds == 0 ? 0 : (double) usedPeFoldSum / ((double) folds * pes);
  }

  /** Mean over folds of the fraction of PE-cycles doing MACs, stalls excluded. */
  public double computeUtilization(int pes) {
    return computeCycles == 0 ? 0 : (double) macs / ((double) pes * computeCycles);
  }
}
