package org.tessel.sched;

import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.workload.GemmShape;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.OperandWords;

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
record SystolicKey(
    Layer shape,
    int batch,
    String dataflow,
    int rows,
    int cols,
    int glbPorts,
    int glbBytesPerPortPerCycle,
    int nocLinkBytesPerCycle,
    int nocHopLatencyCycles,
    int wordBytes,
    int dramWordsPerCycle,
    long ifmapHalfWords,
    long filterHalfWords,
    long ofmapHalfWords,
    boolean ifmapResident,
    boolean filterResident) {

  /** The key of {@code dataflow} on {@code shape} (a layer without its name) on {@code hw}. */
  static SystolicKey of(Layer shape, int batch, Dataflow dataflow, HardwareSpec hw) {
    OperandWords half = hw.sram().halfWords();
    boolean capacities = hw.dram().mode() == BandwidthMode.USER;
    GemmShape g = shape.gemm(batch);
    long groups = shape.groups();
    boolean ifmapResident = hw.sram().ifmapResident(g.sr() * g.t() * groups);
    boolean filterResident = hw.sram().filterResident(g.t() * g.sc() * groups);
    var glb = hw.cgra().glb();
    var noc = hw.cgra().noc();
    return new SystolicKey(
        shape,
        batch,
        dataflow.shortName(),
        hw.array().rows(),
        hw.array().cols(),
        glb.ports(),
        glb.bytesPerPortPerCycle(),
        noc.linkBytesPerCycle(),
        noc.hopLatencyCycles(),
        hw.sram().wordBytes(),
        capacities ? hw.dram().bandwidthWordsPerCycle() : 0,
        capacities ? half.ifmap() : -1,
        capacities ? half.filter() : -1,
        capacities ? half.ofmap() : -1,
        ifmapResident,
        filterResident);
  }

  /** Whether the key holds the SRAM capacities (then the stored occupancy is the answer). */
  boolean holdsCapacities() {
    return ifmapHalfWords >= 0;
  }
}
