package org.tessel.sim.result;

import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.stats.StreamStats;

/**
 * A layer's line in SCALE-Sim's three report files, as the memory model that ran the layer computed
 * it. "Total Cycles" here is SCALE-Sim's figure: the index of the layer's last busy cycle counted
 * from 0 (its duration minus one).
 *
 * @param totalCycles SCALE-Sim's Total Cycles
 * @param stallCycles stall cycles
 * @param overallUtilPct MACs over PE-cycles of the whole layer, in percent
 * @param mappingEfficiencyPct mean over folds of PEs mapped, in percent
 * @param computeUtilPct mean over folds of PE-cycles doing MACs, in percent
 * @param sramIfmap SRAM ifmap reads
 * @param sramFilter SRAM filter reads
 * @param sramOfmap SRAM ofmap writes
 * @param dramIfmap DRAM ifmap reads
 * @param dramFilter DRAM filter reads
 * @param dramOfmap DRAM ofmap writes
 */
public record ReportRow(
    long totalCycles,
    long stallCycles,
    double overallUtilPct,
    double mappingEfficiencyPct,
    double computeUtilPct,
    StreamStats sramIfmap,
    StreamStats sramFilter,
    StreamStats sramOfmap,
    StreamStats dramIfmap,
    StreamStats dramFilter,
    StreamStats dramOfmap) {

  /** Average words per cycle of an SRAM stream over the layer ({@code words / totalCycles}). */
  public double sramWordsPerCycle(StreamStats s) {
    return totalCycles <= 0 ? 0 : (double) s.words() / totalCycles;
  }

  /** The access counts of this row. */
  public AccessCounts access() {
    return new AccessCounts(
        sramIfmap.words(),
        sramFilter.words(),
        sramOfmap.words(),
        dramIfmap.words(),
        dramFilter.words(),
        dramOfmap.words());
  }
}
