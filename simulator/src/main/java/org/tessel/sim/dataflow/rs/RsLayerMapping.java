package org.tessel.sim.dataflow.rs;

import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.mapping.FoldDurations;
import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.mapping.Infeasibility;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.stats.EnergyCounts;
import org.tessel.sim.workload.Layer;

/**
 * A layer mapped row-stationary: the chosen {@link RsMapping}, its passes in {@link PassOrder},
 * each timed by {@link PassTimer} on the hardware's X/Y-bus network, and their DRAM traffic. A
 * grouped layer runs its groups one after another with the same mapping.
 */
public final class RsLayerMapping implements LayerMapping {
  private final Layer layer;
  private final RsShape shape;
  private final RsMapping mapping;
  private final int batch;
  private final PassCycles[] strips;
  private final long[] stripCycles;
  private final PassOrder order;
  private final FoldDurations durations;
  private final RsTraffic traffic;
  private final Accesses accesses;
  private final int legalMappings;
  private final RsHardware hw;

  private RsLayerMapping(
      Layer layer,
      RsShape shape,
      RsMapping mapping,
      int batch,
      PassTimer timer,
      int legalMappings) {
    this.layer = layer;
    this.shape = shape;
    this.mapping = mapping;
    this.batch = batch;
    this.legalMappings = legalMappings;
    this.hw = timer.hardware();
    int n = mapping.strips(shape);
    strips = new PassCycles[n];
    stripCycles = new long[n];
    for (int k = 0; k < n; k++) {
      strips[k] = timer.time(mapping, mapping.stripWidth(shape, k));
      stripCycles[k] = strips[k].total();
    }
    order = new PassOrder(shape, mapping);
    durations = FoldDurations.repeating(order.stripRun(), stripCycles);
    traffic = new RsTraffic(shape, mapping, hw.ifmapDramRatio(), hw.ofmapDramRatio());
    accesses =
        Accesses.of(shape, mapping, batch)
            .times(shape.groups())
            .compressed(hw.ifmapDramRatio(), hw.ofmapDramRatio());
  }

  /**
   * Maps {@code layer} with the mapping {@link MappingSearch} chooses.
   *
   * <p>Infeasible when the hardware has no X/Y buses or no mapping fits (the reason says what does
   * not fit and by how much).
   */
  public static Mapped<RsLayerMapping> search(Layer layer, int batch, MappingContext context) {
    Infeasibility wrongNetwork = topologyProblem(layer, context.hardware());
    if (wrongNetwork != null) {
      return Mapped.infeasible(wrongNetwork);
    }
    RsShape shape = RsShape.of(layer);
    RsHardware hw = RsHardware.of(context.hardware());
    PassTimer timer = new PassTimer(RsNetwork.of(context.noc(), hw.rows(), hw.cols()), shape, hw);
    MappingSearch search = new MappingSearch(shape, batch, hw, timer);
    RsMapping best = search.best();
    if (best == null) {
      return Mapped.infeasible(refused(layer, "mapping", search.whyNone()));
    }
    return Mapped.of(new RsLayerMapping(layer, shape, best, batch, timer, search.legalMappings()));
  }

  /**
   * Every legal mapping of {@code layer} on the hardware (every tiling that fits the array,
   * scratchpads and global buffer), in the search's enumeration order; empty when none fits.
   *
   * <p>Infeasible when the hardware has no X/Y buses.
   */
  public static Mapped<java.util.List<RsMapping>> legalMappings(
      Layer layer, int batch, MappingContext context) {
    Infeasibility wrongNetwork = topologyProblem(layer, context.hardware());
    if (wrongNetwork != null) {
      return Mapped.infeasible(wrongNetwork);
    }
    RsShape shape = RsShape.of(layer);
    RsHardware hw = RsHardware.of(context.hardware());
    return Mapped.of(new MappingSearch(shape, batch, hw, null).legal());
  }

  /** Why no mapping of {@code layer} fits (for a layer whose {@link #legalMappings} is empty). */
  public static String whyNone(Layer layer, int batch, MappingContext context) {
    Infeasibility wrongNetwork = topologyProblem(layer, context.hardware());
    if (wrongNetwork != null) {
      return wrongNetwork.detail();
    }
    RsShape shape = RsShape.of(layer);
    RsHardware hw = RsHardware.of(context.hardware());
    return new MappingSearch(shape, batch, hw, null).whyNone();
  }

  /**
   * Maps {@code layer} with a given mapping (for comparisons, such as the paper's Table III).
   *
   * <p>Infeasible when the hardware has no X/Y buses or the mapping is not legal.
   */
  public static Mapped<RsLayerMapping> fixed(
      Layer layer, int batch, MappingContext context, RsMapping mapping) {
    Infeasibility wrongNetwork = topologyProblem(layer, context.hardware());
    if (wrongNetwork != null) {
      return Mapped.infeasible(wrongNetwork);
    }
    RsShape shape = RsShape.of(layer);
    RsHardware hw = RsHardware.of(context.hardware());
    PassTimer timer = new PassTimer(RsNetwork.of(context.noc(), hw.rows(), hw.cols()), shape, hw);
    String why = Legality.check(shape, mapping, batch, hw);
    if (why != null) {
      return Mapped.infeasible(
          refused(layer, "mapping", "mapping " + mapping + " is not legal: " + why));
    }
    return Mapped.of(new RsLayerMapping(layer, shape, mapping, batch, timer, 0));
  }

  /** Why row stationary cannot run on this hardware's network at all, or null when it can. */
  public static @Nullable Infeasibility topologyProblem(Layer layer, HardwareSpec hw) {
    if (hw.cgra().noc().topology() != NocTopology.XY_BUS) {
      return refused(
          layer,
          "noc.topology",
          "row stationary needs noc.topology xybus (separate"
              + " filter, ifmap and psum buses with multicast), the hardware '"
              + hw.name()
              + "' has "
              + hw.cgra().noc().topology());
    }
    return null;
  }

  private static Infeasibility refused(Layer layer, String constraint, String why) {
    return Infeasibility.rule(
        "layer " + layer.name(), constraint, "no row-stationary mapping fits: " + why);
  }

  /**
   * The fullest of the global-buffer banks (ifmap and partial-sum tiles), the filter region and the
   * three scratchpads under this mapping.
   */
  @Override
  public double bufferOccupancy() {
    return Legality.occupancy(shape, mapping, hw);
  }

  /** What overlaps the passes when DRAM transfers take time ({@link Legality#bufferDepths}). */
  @Override
  public int[] bufferDepths() {
    return Legality.bufferDepths(shape, mapping, hw);
  }

  /** Part of a fill a single buffer loads during the passes ({@link Legality#prefetchWords}). */
  @Override
  public long[] prefetchWords() {
    return Legality.prefetchWords(shape, mapping, hw);
  }

  /** The global-buffer banks the mapping's tiles leave free (ifmaps and psums share them). */
  @Override
  public long inputRoomWords() {
    return Legality.freeGlbWords(shape, mapping, hw);
  }

  /** The same free banks: outputs stay where the partial sums were reduced. */
  @Override
  public long outputRoomWords() {
    return Legality.freeGlbWords(shape, mapping, hw);
  }

  /** The layer. */
  public Layer layer() {
    return layer;
  }

  /** The layer as row stationary sees one of its groups. */
  public RsShape shape() {
    return shape;
  }

  /** The mapping every group runs with. */
  public RsMapping mapping() {
    return mapping;
  }

  /** Legal mappings the search considered (0 for a {@link #fixed} mapping). */
  public int legalMappings() {
    return legalMappings;
  }

  /** PEs the configuration switches on, {@code R e r t} (Table V's "active PEs"). */
  public int activePes() {
    return mapping.activePes(shape);
  }

  /** The timing terms of a pass over strip {@code k}. */
  public PassCycles stripTiming(int k) {
    return strips[k];
  }

  /** The strip pass {@code k} works on. */
  public int strip(long k) {
    return order.strip(k);
  }

  /** MACs of pass {@code k}: {@code n p t q r R S eS F}. */
  public long passMacs(long k) {
    int es = mapping.stripWidth(shape, order.strip(k));
    return (long) mapping.n()
        * mapping.p()
        * mapping.t()
        * mapping.q()
        * mapping.r()
        * shape.r()
        * shape.s()
        * es
        * shape.f();
  }

  /** The layer's accesses (all groups). */
  public Accesses accesses() {
    return accesses;
  }

  /**
   * The layer's shape and mapping: what the 1794-bit scan chain of Eyeriss loads. Layers with equal
   * text run without reconfiguring in between.
   */
  @Override
  public String configuration() {
    return "rs H"
        + shape.h()
        + " W"
        + shape.w()
        + " R"
        + shape.r()
        + " S"
        + shape.s()
        + " E"
        + shape.e()
        + " F"
        + shape.f()
        + " C"
        + shape.c()
        + " M"
        + shape.m()
        + " U"
        + shape.strideH()
        + "x"
        + shape.strideW()
        + " G"
        + shape.groups()
        + " N"
        + batch
        + " "
        + mapping;
  }

  @Override
  public long passes() {
    return shape.groups() * mapping.passesPerGroup(shape, batch);
  }

  @Override
  public FoldDurations durations() {
    return durations;
  }

  @Override
  public FoldTraffic traffic() {
    return traffic;
  }

  @Override
  public long macs() {
    return shape.groups() * shape.macsPerGroup(batch);
  }

  /** Every pass counts the PEs the configuration switches on ({@link #activePes()}). */
  @Override
  public long usedPeFoldSum() {
    return passes() * activePes();
  }

  @Override
  public long nominalPassCycles() {
    return stripCycles[0];
  }

  @Override
  public AccessCounts access() {
    return accesses.counts();
  }

  /**
   * Row-stationary energy counts: four scratchpad accesses per MAC; network hops are the partial
   * sums climbing the chains, {@code R r - 1} PE-to-PE hops for each of the {@code N M E F} outputs
   * in every channel group; the global buffer counts ifmap and filter reads and partial-sum writes
   * and read-backs ({@link Accesses}).
   */
  @Override
  public EnergyCounts energyCounts() {
    return energyCounts(shape, mapping, batch, accesses);
  }

  static EnergyCounts energyCounts(RsShape shape, RsMapping mapping, int batch, Accesses accesses) {
    long macs = shape.groups() * shape.macsPerGroup(batch);
    long hops =
        (long) batch
            * mapping.channelGroups(shape)
            * shape.m()
            * shape.e()
            * shape.f()
            * (shape.r() * mapping.r() - 1)
            * shape.groups();
    return new EnergyCounts(macs, 4 * macs, hops, accesses.glbWords(), accesses.dramWords());
  }

  /** Maps with {@code mapping}, timing passes on {@code timer} (shared by an estimator). */
  static RsLayerMapping of(
      Layer layer, RsShape shape, RsMapping mapping, int batch, PassTimer timer) {
    return new RsLayerMapping(layer, shape, mapping, batch, timer, 0);
  }
}
