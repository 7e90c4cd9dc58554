package org.tessel.sim.memory.scalesim;

import org.tessel.sim.stats.StreamStats;

/**
 * What one GEMM (one group of a layer) gave: SCALE-Sim's Total and Stall Cycles and the six access
 * streams, cycles counted from the GEMM's first demand row.
 *
 * @param totalCycles SCALE-Sim's Total Cycles (last row's answer; duration minus one)
 * @param stallCycles SCALE-Sim's Stall Cycles
 * @param sramIfmap first/last serviced ifmap row and SRAM ifmap reads
 * @param sramFilter first/last serviced filter row and SRAM filter reads
 * @param sramOfmap first/last ofmap write and SRAM ofmap writes
 * @param dramIfmap DRAM ifmap window and words
 * @param dramFilter DRAM filter window and words
 * @param dramOfmap DRAM ofmap window and words
 * @param events rows processed one by one
 */
record GemmRun(
    long totalCycles,
    long stallCycles,
    StreamStats sramIfmap,
    StreamStats sramFilter,
    StreamStats sramOfmap,
    StreamStats dramIfmap,
    StreamStats dramFilter,
    StreamStats dramOfmap,
    long events) {

  /** Validates the counts. */
  GemmRun {
    if (totalCycles < 0 || events < 0) {
      throw new IllegalArgumentException(
          "negative totalCycles " + totalCycles + " or events " + events);
    }
  }
}
