package org.tessel.sched;

import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.FoldPlan;
import org.tessel.sim.dataflow.LayerMapping;
import org.tessel.sim.memory.OperandTraffic;
import org.tessel.sim.workload.GemmShape;
import org.tessel.sim.workload.Layer;

/**
 * What simulating a systolic candidate ({@code os}, {@code ws}, {@code is} on a systolic mesh, the
 * tile memory model the scheduler runs) reads of the hardware, and nothing else, so that sweep
 * points that differ elsewhere share the evaluation.
 *
 * <p>The mapping reads the array (fold plan), the mesh built from the buffer ports and links
 * ({@code glb.ports}, {@code glb.bytesPerPortPerCycle}, {@code noc.linkBytesPerCycle}, {@code
 * noc.hopLatencyCycles}, {@code sram.wordBytes}; mesh links never multicast and the mesh has no
 * banks), and the operand SRAMs. With DRAM in {@code calc} mode the SRAMs only decide whether the
 * whole ifmap and the whole filter stay on chip (fetched once) — the DRAM counts — and the
 * occupancy, which the evaluation stores as words and divides by the asking hardware's capacities;
 * so the key holds the two residency flags instead of the capacities. In {@code user} mode the
 * capacities cut folds into chunks (timing and traffic), and the key holds them and the bandwidth.
 * Left out: the clock, the energy table (counts are priced on reading), the reconfiguration (the
 * pruning's business), the scratchpads, {@code glb.banks}, {@code noc.multicast}, {@code
 * sram.banks}, the memory model and base dataflow (the scheduler always maps on the tile model with
 * the candidate's dataflow) and the name. {@code EvaluationKeysTest} checks all of this.
 *
 * @param shape the layer without its name
 * @param batch inputs per run
 * @param dataflow the dataflow's short name
 * @param rows PE rows
 * @param cols PE columns
 * @param glbPorts buffer ports feeding the edges
 * @param glbBytesPerPortPerCycle width of a port
 * @param nocLinkBytesPerCycle width of a mesh link
 * @param nocHopLatencyCycles latency of a mesh link
 * @param wordBytes bytes per word
 * @param dramWordsPerCycle the DRAM bandwidth in {@code user} mode, 0 in {@code calc} mode
 * @param ifmapHalfWords half the ifmap SRAM in words, or -1 when the key leaves capacities out
 * @param filterHalfWords half the filter SRAM in words, or -1 as above
 * @param ofmapHalfWords half the ofmap SRAM in words, or -1 as above
 * @param ifmapResident whether the whole ifmap (all groups) fits half its SRAM
 * @param filterResident whether the whole filter (all groups) fits half its SRAM
 */
record SystolicKey(Layer shape, int batch, String dataflow, int rows, int cols, int glbPorts,
    int glbBytesPerPortPerCycle, int nocLinkBytesPerCycle, int nocHopLatencyCycles,
    int wordBytes, int dramWordsPerCycle, long ifmapHalfWords, long filterHalfWords,
    long ofmapHalfWords, boolean ifmapResident, boolean filterResident) {

  /** The key of {@code dataflow} on {@code shape} (a layer without its name) on {@code hw}. */
  static SystolicKey of(Layer shape, int batch, Dataflow dataflow, HardwareSpec hw) {
    long[] half = halfWords(hw);
    boolean capacities = hw.dram().mode() == BandwidthMode.USER;
    // the rule of OperandTraffic: a whole operand (all groups) within half its SRAM stays
    GemmShape g = shape.gemm(batch);
    long groups = shape.groups();
    boolean ifmapResident = g.sr() * g.t() * groups <= half[0];
    boolean filterResident = g.t() * g.sc() * groups <= half[1];
    var glb = hw.cgra().glb();
    var noc = hw.cgra().noc();
    return new SystolicKey(shape, batch, dataflow.shortName(), hw.array().rows(),
        hw.array().cols(), glb.ports(), glb.bytesPerPortPerCycle(), noc.linkBytesPerCycle(),
        noc.hopLatencyCycles(), hw.sram().wordBytes(),
        capacities ? hw.dram().bandwidthWordsPerCycle() : 0, capacities ? half[0] : -1,
        capacities ? half[1] : -1, capacities ? half[2] : -1, ifmapResident, filterResident);
  }

  /** Whether the key holds the SRAM capacities (then the stored occupancy is the answer). */
  boolean holdsCapacities() {
    return ifmapHalfWords >= 0;
  }

  /** Half of each operand SRAM of {@code hw} in words (ifmap, filter, ofmap): what a fold holds. */
  static long[] halfWords(HardwareSpec hw) {
    return new long[] {hw.sram().ifmapWords() / 2, hw.sram().filterWords() / 2,
        hw.sram().ofmapWords() / 2};
  }

  /**
   * The most words each operand (ifmap, filter, ofmap) holds in its SRAM half during any fold of
   * {@code plan}, counted as the simulator's occupancy counts them: a resident operand its whole
   * fill, a streamed slice all its stream steps, the stationary slice its fill. {@code mapping}
   * is the layer mapped with {@code plan} on {@code hw}: its operand traffic, when it has one (DRAM
   * in {@code calc} mode), is reused.
   */
  static long[] peakWords(LayerMapping mapping, Layer layer, int batch, FoldPlan plan,
      HardwareSpec hw) {
    OperandTraffic traffic = mapping.traffic() instanceof OperandTraffic t ? t
        : OperandTraffic.of(layer, batch, plan, hw);
    long[] peak = new long[3];
    long n = plan.folds();
    for (int k = 0; k < n; k++) {
      long[] step = traffic.wordsPerStep(k);
      long[] fill = {traffic.ifmapFillWords(k), traffic.filterFillWords(k),
          traffic.ofmapDrainWords(k)};
      for (int op = 0; op < 3; op++) {
        long words = op < 2 && traffic.resident(op) ? fill[op]
            : step[op] > 0 ? step[op] * plan.streamLength() : fill[op];
        peak[op] = Math.max(peak[op], words);
      }
    }
    return peak;
  }

  /**
   * The fullest SRAM half, 0 to 1, when operand {@code op} holds at most {@code peakWords[op]}
   * words at once in its half of {@code halfWords[op]}: the largest over folds of {@code min(1,
   * words / half)}, which grows with the words, so the largest words give it (bit for bit: the
   * conversion and the division round monotonically). Every fold holds some words of every
   * operand (its slices are never empty; only a resident operand holds none after the first fold,
   * and it is resident only where its half holds words), so a half of no words gives 1, as the
   * simulator's fold-by-fold maximum does.
   */
  static double occupancy(long ifmapPeakWords, long filterPeakWords, long ofmapPeakWords,
      long[] halfWords) {
    long[] peak = {ifmapPeakWords, filterPeakWords, ofmapPeakWords};
    double occupancy = 0;
    for (int op = 0; op < 3; op++) {
      occupancy = Math.max(occupancy, Math.min(1.0, (double) peak[op] / halfWords[op]));
    }
    return occupancy;
  }
}
