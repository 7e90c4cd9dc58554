package org.tessel.sim.mapping;

import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.stats.EnergyCounts;
import org.tessel.sim.workload.OperandWords;

/**
 * A layer mapped onto the array by a dataflow: the passes (folds, processing passes) it runs in
 * order, how long each takes on the network, what each needs from and returns to DRAM, and the
 * counts reports need. The engine runs any mapping the same way.
 */
public interface LayerMapping {
  /** What the reconfiguration loads for this mapping; equal strings need no reconfiguration. */
  String configuration();

  /** Passes in execution order. */
  long passes();

  /** Cycles of each pass. */
  FoldDurations durations();

  /** DRAM words each pass needs before it starts and writes back after it ends. */
  FoldTraffic traffic();

  /** Multiply-accumulates performed. */
  long macs();

  /** Sum over passes of the PEs mapped (mapping efficiency is this over passes times PEs). */
  long usedPeFoldSum();

  /** Cycles of a full pass (for reports). */
  long nominalPassCycles();

  /** SRAM and DRAM access counts over the layer. */
  AccessCounts access();

  /**
   * Accesses at every level for the energy model. The default counts four scratchpad accesses per
   * MAC (read ifmap, filter and partial sum, write partial sum, as in the Eyeriss dataflow paper),
   * no network hops, and the SRAM and DRAM words of {@link #access()}; dataflows that know better
   * override it.
   */
  default EnergyCounts energyCounts() {
    return EnergyCounts.of(macs(), 0, access());
  }

  /** Folds, for mapping efficiency (passes, unless a fold runs as several passes). */
  default long folds() {
    return passes();
  }

  /**
   * The most words one pass may move into or out of each buffer (ifmap, filter, ofmap); the engine
   * asserts no transfer exceeds them. Unlimited unless the mapping says otherwise.
   */
  default OperandWords transferLimitsWords() {
    return OperandWords.UNLIMITED;
  }

  /**
   * How many passes' data each buffer holds (ifmap, filter, ofmap; 1 or 2): with 2 the next pass's
   * fill and the last pass's write-back overlap the current pass, with 1 they wait for it. Double
   * buffering unless the mapping says otherwise.
   */
  default int[] bufferDepths() {
    return new int[] {2, 2, 2};
  }

  /**
   * Words of the next pass's ifmap and filter fills that a buffer of depth 1 has room for beside
   * the current pass's data: they load during the current pass, the rest after it. None unless the
   * mapping says otherwise.
   */
  default long[] prefetchWords() {
    return new long[2];
  }

  /**
   * The fullest on-chip buffer this mapping leaves, as a fraction of its capacity (0 to 1): the
   * largest share of any buffer or scratchpad that the mapping's tiles take at one time. NaN when
   * the mapping does not know.
   */
  default double bufferOccupancy() {
    return Double.NaN;
  }

  /**
   * The most words each operand SRAM half (ifmap, filter, ofmap) holds at once during the layer;
   * zeros for mappings that do not use the operand SRAMs (row stationary's global buffer).
   */
  default OperandWords peakSramWords() {
    return OperandWords.ZERO;
  }

  /**
   * Words of the layer's whole input the on-chip buffers can hold beside this mapping's working
   * set, so that the previous layer may hand its output over on chip instead of through DRAM (0:
   * never).
   */
  default long inputRoomWords() {
    return 0;
  }

  /**
   * Words of the layer's whole output the on-chip buffers can keep beside this mapping's working
   * set, for the next layer to read on chip (0: never).
   */
  default long outputRoomWords() {
    return 0;
  }
}
