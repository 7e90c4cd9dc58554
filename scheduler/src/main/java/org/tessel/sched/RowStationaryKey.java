package org.tessel.sched;

import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.dataflow.rs.RsEstimator;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.workload.Layer;

/**
 * What simulating a row-stationary candidate (one legal {@link RsMapping} on X/Y buses) reads of
 * the hardware, and nothing else, so that sweep points that differ elsewhere share the evaluation.
 *
 * <p>The passes are timed on the bus network, built from the array, the NoC (width, hop latency,
 * multicast) and the buffer ports ({@code glb.ports}, {@code glb.bytesPerPortPerCycle}, {@code
 * sram.wordBytes}), with the ifmap scratchpad's size (sliding-window stalls); the DRAM traffic and
 * the energy counts follow from the layer and the mapping alone; the engine adds the DRAM bandwidth
 * in {@code user} mode. Left out, because only whether the mapping is legal (the enumeration, which
 * the layer-level memo keys on the whole hardware) and its occupancy (computed on reading, with the
 * asking hardware) read them: the filter and psum scratchpads, the global buffer's banks and
 * capacities ({@code glb.banks}, {@code sram.ifmapKiB}, {@code filterKiB}, {@code ofmapKiB}). Also
 * left out: the clock, the energy table (counts are priced on reading), the reconfiguration, {@code
 * sram.banks}, the memory model, the base dataflow and the name. {@code EvaluationKeysTest} checks
 * all of this.
 *
 * @param shape the layer without its name
 * @param batch inputs per run
 * @param mapping the tiling
 * @param rows PE rows
 * @param cols PE columns
 * @param noc the bus network
 * @param glbPorts buffer ports feeding the buses
 * @param glbBytesPerPortPerCycle width of a port
 * @param wordBytes bytes per word
 * @param ifmapSpadWords the ifmap scratchpad per PE
 * @param dramWordsPerCycle the DRAM bandwidth in {@code user} mode, 0 in {@code calc} mode
 * @param link when DRAM transfers take time ({@code user} and {@code link} modes) or feature maps
 *     are run-length coded, what the stalls and the DRAM words also read: the buffer depths of the
 *     mapping and the words of a fill its single buffers prefetch (from the buffer's banks and
 *     capacities), and in {@code link} mode or with coding the DRAM interface and the clock; null
 *     in {@code calc} mode without coding
 */
record RowStationaryKey(
    Layer shape,
    int batch,
    RsMapping mapping,
    int rows,
    int cols,
    NocSpec noc,
    int glbPorts,
    int glbBytesPerPortPerCycle,
    int wordBytes,
    int ifmapSpadWords,
    int dramWordsPerCycle,
    java.util.@Nullable List<Object> link) {

  /** The key of {@code mapping} on {@code shape} (a layer without its name) on {@code hw}. */
  static RowStationaryKey of(Layer shape, int batch, RsMapping mapping, HardwareSpec hw) {
    var glb = hw.cgra().glb();
    return new RowStationaryKey(
        shape,
        batch,
        mapping,
        hw.array().rows(),
        hw.array().cols(),
        hw.cgra().noc(),
        glb.ports(),
        glb.bytesPerPortPerCycle(),
        hw.sram().wordBytes(),
        hw.cgra().scratchpads().ifmapWords(),
        hw.dram().mode() == BandwidthMode.USER ? hw.dram().bandwidthWordsPerCycle() : 0,
        link(shape, mapping, hw));
  }

  private static java.util.@Nullable List<Object> link(
      Layer shape, RsMapping mapping, HardwareSpec hw) {
    boolean calc = hw.dram().mode() == BandwidthMode.CALC;
    boolean coded = hw.dram().rlcZeroFraction() >= 0 || hw.dram().rlcOfmapZeroFraction() >= 0;
    if (calc && !coded) {
      return null;
    }
    int[] d = RsEstimator.bufferDepths(shape, mapping, hw);
    long[] p = RsEstimator.prefetchWords(shape, mapping, hw);
    java.util.List<Object> depths = java.util.List.of(d[0], d[1], d[2], p[0], p[1]);
    return hw.dram().mode() == BandwidthMode.LINK || coded
        ? java.util.List.of(depths, hw.dram(), hw.clockMHz())
        : java.util.List.of(depths);
  }

  /** The same key without the DRAM: what the passes' timing alone reads. */
  RowStationaryKey passTiming() {
    return dramWordsPerCycle == 0 && link == null
        ? this
        : new RowStationaryKey(
            shape,
            batch,
            mapping,
            rows,
            cols,
            noc,
            glbPorts,
            glbBytesPerPortPerCycle,
            wordBytes,
            ifmapSpadWords,
            0,
            null);
  }
}
