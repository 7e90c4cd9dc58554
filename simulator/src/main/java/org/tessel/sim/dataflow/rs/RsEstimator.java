package org.tessel.sim.dataflow.rs;

import java.util.List;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.mapping.Infeasibility;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.stats.EnergyCounts;
import org.tessel.sim.workload.Layer;

/**
 * Every legal row-stationary mapping of one layer, with cheap figures for each: the sum of its pass
 * timings and its energy counts, without running the engine. One pass timer serves every mapping
 * (pass timings depend on {@code (e, eS, p, q, r, t, n)}, not on {@code m}, so mappings share
 * them). Not thread-safe.
 */
public final class RsEstimator {
  private final Layer layer;
  private final RsShape shape;
  private final int batch;
  private final RsHardware hw;
  private final PassTimer timer;

  private RsEstimator(Layer layer, int batch, MappingContext context) {
    HardwareSpec h = context.hardware();
    this.layer = layer;
    this.shape = RsShape.of(layer);
    this.batch = batch;
    this.hw = RsHardware.of(h);
    this.timer = new PassTimer(RsNetwork.of(context.noc(), hw.rows(), hw.cols()), shape, hw);
  }

  /**
   * The estimator of {@code layer} for {@code batch} inputs.
   *
   * <p>Infeasible when the hardware has no X/Y buses.
   */
  public static Mapped<RsEstimator> of(Layer layer, int batch, MappingContext context) {
    Infeasibility wrongNetwork = RsLayerMapping.topologyProblem(layer, context.hardware());
    return wrongNetwork != null
        ? Mapped.infeasible(wrongNetwork)
        : Mapped.of(new RsEstimator(layer, batch, context));
  }

  /**
   * The buffer depths {@code mapping} of {@code layer} gets on {@code hw} (those of its {@link
   * RsLayerMapping#bufferDepths()}) without mapping the layer: what a cache of simulated candidates
   * keys on besides the DRAM.
   */
  public static int[] bufferDepths(Layer layer, RsMapping mapping, HardwareSpec hw) {
    return Legality.bufferDepths(RsShape.of(layer), mapping, RsHardware.of(hw));
  }

  /**
   * The words of a fill {@code mapping}'s single buffers load during the passes (those of its
   * {@link RsLayerMapping#prefetchWords()}), likewise.
   */
  public static long[] prefetchWords(Layer layer, RsMapping mapping, HardwareSpec hw) {
    return Legality.prefetchWords(RsShape.of(layer), mapping, RsHardware.of(hw));
  }

  /** The layer as row stationary sees one of its groups. */
  public RsShape shape() {
    return shape;
  }

  /** Every legal mapping, in the search's enumeration order. */
  public List<RsMapping> legal() {
    return new MappingSearch(shape, batch, hw, timer).legal();
  }

  /** Why no mapping is legal (when {@link #legal()} is empty). */
  public String whyNone() {
    return new MappingSearch(shape, batch, hw, timer).whyNone();
  }

  /**
   * The sum of the pass timings of {@code mapping} over all groups: the layer's cycles when the
   * passes run back to back (DRAM in {@code calc} mode), and a lower bound when DRAM transfers can
   * stall them.
   */
  public long passCycles(RsMapping mapping) {
    return shape.groups() * timer.groupCycles(mapping, batch);
  }

  /**
   * Words of the global buffer a legal mapping's tiles leave free (see {@link
   * RsLayerMapping#inputRoomWords()}), without building the mapping.
   */
  public long freeGlbWords(RsMapping mapping) {
    return Legality.freeGlbWords(shape, mapping, hw);
  }

  /** The SRAM and DRAM access counts of {@code mapping} (those of its {@link RsLayerMapping}). */
  public AccessCounts access(RsMapping mapping) {
    return Accesses.of(shape, mapping, batch)
        .times(shape.groups())
        .compressed(hw.ifmapDramRatio(), hw.ofmapDramRatio())
        .counts();
  }

  /** The energy counts of {@code mapping} (exactly those of its {@link RsLayerMapping}). */
  public EnergyCounts energyCounts(RsMapping mapping) {
    return RsLayerMapping.energyCounts(
        shape,
        mapping,
        batch,
        Accesses.of(shape, mapping, batch)
            .times(shape.groups())
            .compressed(hw.ifmapDramRatio(), hw.ofmapDramRatio()));
  }

  /**
   * The fullest buffer under {@code mapping} on this hardware, 0 to 1 (exactly its {@link
   * RsLayerMapping#bufferOccupancy()}), without mapping the layer.
   */
  public double occupancy(RsMapping mapping) {
    return Legality.occupancy(shape, mapping, hw);
  }

  /** The layer mapped with {@code mapping} (assumed legal: one of {@link #legal()}). */
  public RsLayerMapping mapping(RsMapping mapping) {
    return RsLayerMapping.of(layer, shape, mapping, batch, timer);
  }
}
