package org.tessel.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.dataflow.WholeLayerDataflow;
import org.tessel.sim.dataflow.systolic.SystolicMapping;
import org.tessel.sim.dataflow.systolic.SystolicTiming;
import org.tessel.sim.layer.LayerRunner;
import org.tessel.sim.layer.LayerTiming;
import org.tessel.sim.layer.PortWindow;
import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.mapping.Infeasibility;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.memory.scalesim.ScaleSimMemory;
import org.tessel.sim.noc.CompiledNoc;
import org.tessel.sim.noc.NocGraphs;
import org.tessel.sim.result.ArrayWork;
import org.tessel.sim.result.LayerCycles;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.ReportRow;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.stats.StreamStats;
import org.tessel.sim.trace.TraceRecorder;
import org.tessel.sim.trace.Track;
import org.tessel.sim.util.Checks;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * Simulates networks layer by layer on one piece of hardware. Layers run one after the other in the
 * network's execution order; each layer's cycles come from the event engine.
 *
 * <p>Not thread-safe: one instance per thread (it reuses its engine between layers).
 */
public final class Simulation {
  private final HardwareSpec hw;
  private final LayerRunner runner = new LayerRunner();
  private final @Nullable TraceRecorder trace;
  private @Nullable Context context;
  private int layerThreads = 1;

  /** A simulation of {@code hw}. */
  public Simulation(HardwareSpec hw) {
    this(hw, null);
  }

  /** A simulation of {@code hw} that records a timeline in {@code trace} (null: none). */
  public Simulation(HardwareSpec hw, @Nullable TraceRecorder trace) {
    this.hw = hw;
    this.trace = trace;
  }

  /**
   * Lets SCALE-Sim's memory model ({@link MemoryModel#scaleSim()}) simulate up to {@code threads}
   * layers at once: its layers share no state (SCALE-Sim starts every layer with empty buffers), so
   * they are computed in parallel and put together in network order, and the result is the same for
   * any count. The tile model runs its layers one after the other whatever this says. Default 1;
   * returns this simulation.
   */
  public Simulation layerThreads(int threads) {
    this.layerThreads = Checks.positive("layer threads", threads);
    return this;
  }

  /** Simulates {@code network} for {@code batch} inputs on {@code hw}. */
  public static SimResult run(Network network, HardwareSpec hw, int batch) {
    return new Simulation(hw).simulate(network, batch);
  }

  /** Simulates every layer of {@code network} for {@code batch} inputs. */
  public SimResult simulate(Network network, int batch) {
    Dataflow own = Dataflows.of(hw.dataflow());
    return simulate(network, batch, layer -> own);
  }

  /**
   * Simulates every layer of {@code network}, each with the dataflow {@code choice} gives it;
   * switching dataflow between array layers costs a reconfiguration.
   */
  public SimResult simulate(
      Network network, int batch, java.util.function.Function<Layer, Dataflow> choice) {
    Checks.positive("batch", batch);
    List<Layer> layers = network.layers();
    List<LayerResult> results = new ArrayList<>(layers.size());
    // the array changes configuration only for layers that use it
    Dataflow[] dataflows = new Dataflow[layers.size()];
    for (int i = 0; i < dataflows.length; i++) {
      Layer layer = layers.get(i);
      dataflows[i] = layer.kind().usesArray() ? choice.apply(layer) : null;
    }
    ParallelLayers ahead =
        hw.memoryModel().scaleSim() && layerThreads > 1 && layers.size() > 1
            ? ParallelLayers.run(
                layerThreads,
                layers.size(),
                i -> simulate(i, layers.get(i), network, batch, dataflows[i]))
            : null;
    int index = 0;
    long start = 0;
    String configured = null;
    long reconfigCost = hw.cgra().reconfig().cycles();
    for (Layer layer : layers) {
      Dataflow dataflow = dataflows[index];
      WorkLimits.check(layer, batch, hw, dataflow);
      // map once: the mapping gives the configuration and is what runs
      LayerMapping mapping =
          dataflow != null && hw.memoryModel() == MemoryModel.TILES
              ? map(layer, batch, dataflow).orElseThrow()
              : null;
      String configuration =
          mapping != null
              ? mapping.configuration()
              : dataflow != null ? dataflow.shortName() : null;
      long reconfig = 0;
      if (configuration != null && reconfigCost > 0 && !configuration.equals(configured)) {
        reconfig = reconfigCost;
        if (trace != null) {
          trace.beginLayer(layer.name(), start);
          trace.span(Track.RECONFIG, 0, reconfig, index);
        }
        start += reconfig;
      }
      if (configuration != null) {
        configured = configuration;
      }
      if (trace != null) {
        trace.beginLayer(layer.name(), start);
      }
      LayerResult r =
          mapping != null && dataflow != null // a mapping implies a dataflow
              ? run(index++, layer, dataflow, mapping)
              : ahead != null
                  ? ahead.result(index++)
                  : simulate(index++, layer, network, batch, dataflow);
      if (reconfig > 0) {
        r = r.withReconfigCycles(reconfig);
      }
      if (trace != null) {
        if (r.folds() == 0) {
          trace.span(Track.VECTOR, 0, r.cycles(), 0);
        } else if (hw.memoryModel().scaleSim()) {
          trace.span(Track.ARRAY, 0, r.computeCycles(), 0);
          trace.span(Track.STALL, r.computeCycles(), r.cycles(), 0);
        }
        trace.endLayer(r.cycles());
      }
      start += r.cycles();
      results.add(r);
    }
    return new SimResult(network, hw, batch, results);
  }

  /** Simulates one layer; {@code network} supplies the inputs of element-wise layers. */
  public LayerResult simulate(int index, Layer layer, Network network, int batch) {
    return simulate(index, layer, network, batch, Dataflows.of(hw.dataflow()));
  }

  /**
   * Simulates one layer with {@code dataflow} (ignored for element-wise layers, which may pass
   * null).
   *
   * @throws IllegalArgumentException for an array layer without a dataflow
   */
  public LayerResult simulate(
      int index, Layer layer, Network network, int batch, @Nullable Dataflow dataflow) {
    WorkLimits.check(layer, batch, hw, layer.kind().usesArray() ? dataflow : null);
    if (!layer.kind().usesArray()) {
      return VectorLayers.simulate(index, layer, network, batch, hw);
    }
    if (dataflow == null) {
      throw new IllegalArgumentException("array layer " + layer.name() + " needs a dataflow");
    }
    HardwareSpec lhw = dataflow.kind() == hw.dataflow() ? hw : hw.withDataflow(dataflow.kind());
    if (hw.memoryModel().scaleSim()) {
      if (!(dataflow instanceof SystolicDataflow systolic)) {
        throw new ConfigException(
            "memoryModel",
            0,
            "",
            "SCALE-Sim's memory model runs the"
                + " systolic dataflows (os, ws, is) only, not "
                + dataflow.shortName());
      }
      return ScaleSimMemory.simulate(
          index, layer, batch, systolic.plan(layer.gemm(batch), hw.array()), lhw);
    }
    return run(index, layer, dataflow, map(layer, batch, dataflow).orElseThrow());
  }

  /**
   * Runs a layer mapped by {@link #map} on the tile memory model (no reconfiguration counted). The
   * mapping's configuration is what a reconfiguration loads (systolic: the dataflow; row
   * stationary: the mapping).
   */
  public LayerResult run(int index, Layer layer, Dataflow dataflow, LayerMapping m) {
    boolean calc = hw.dram().mode() == BandwidthMode.CALC;
    runner.setHalfCapacities(m.transferLimitsWords());
    int[] depth = m.bufferDepths();
    runner.setBufferDepths(depth[0], depth[1], depth[2]);
    long[] prefetch = m.prefetchWords();
    runner.setPrefetchWords(prefetch[0], prefetch[1]);
    if (hw.dram().mode() == BandwidthMode.LINK) {
      long[] rate = hw.dram().linkBytesPerCycles(hw.clockMHz());
      runner.setSharedLink(rate[0], rate[1], hw.sram().wordBytes());
    } else {
      runner.setSharedLink(0, 0, 1);
    }
    FoldTraffic dram = calc ? FoldTraffic.NONE : m.traffic();
    LayerTiming t =
        runner.run(
            m.passes(), m.durations(), dram, calc ? 0 : hw.dram().bandwidthWordsPerCycle(), trace);
    long folds = m.folds();
    return new LayerResult(
        index,
        layer,
        dataflow.shortName(),
        LayerCycles.of(t.cycles(), t.computeCycles(), t.stallCycles()),
        new ArrayWork(m.macs(), folds, m.usedPeFoldSum(), m.nominalPassCycles()),
        tilesReport(t, m.macs(), folds, m.usedPeFoldSum(), m.access()),
        t.events(),
        m.configuration(),
        m.energyCounts());
  }

  /**
   * Maps {@code layer} with {@code dataflow} on this simulation's hardware, or says why it does not
   * fit (a value: the scheduler meets infeasible candidates on its hot path).
   */
  public Mapped<LayerMapping> map(Layer layer, int batch, Dataflow dataflow) {
    String tooBig = WorkLimits.problem(layer, batch, hw, dataflow);
    if (tooBig != null) {
      return Mapped.infeasible(Infeasibility.rule("layer " + layer.name(), "work limits", tooBig));
    }
    if (dataflow instanceof SystolicDataflow systolic) {
      if (hw.cgra().noc().topology() != NocTopology.SYSTOLIC_MESH) {
        return Mapped.infeasible(
            Infeasibility.rule(
                hw.name(),
                "dataflow",
                "dataflow: "
                    + dataflow.shortName()
                    + " runs on a systolic mesh, but this hardware's"
                    + " network is "
                    + hw.cgra().noc().topology().name().toLowerCase(Locale.ROOT)
                    + " (use --dataflow rs, or noc.topology: mesh)"));
      }
      return SystolicMapping.map(
          systolic.kind(),
          layer,
          batch,
          systolic.plan(layer.gemm(batch), hw.array()),
          context().timing(),
          hw);
    }
    return ((WholeLayerDataflow) dataflow).map(layer, batch, context());
  }

  /** What dataflows may use while mapping a layer on this simulation's hardware. */
  public MappingContext mappingContext() {
    return context();
  }

  private Context context() {
    if (context == null) {
      context = new Context(hw);
    }
    return context;
  }

  /**
   * Per-simulation caches: the compiled network (for dataflows that route on it) and the systolic
   * timing (from the mesh's structure, without routes), each built on first use.
   */
  private static final class Context implements MappingContext {
    private final HardwareSpec hw;
    private @Nullable SystolicTiming timing;
    private @Nullable CompiledNoc noc;

    Context(HardwareSpec hw) {
      this.hw = hw;
    }

    SystolicTiming timing() {
      if (timing == null) {
        timing = new SystolicTiming(hw);
      }
      return timing;
    }

    @Override
    public HardwareSpec hardware() {
      return hw;
    }

    @Override
    public CompiledNoc noc() {
      if (noc == null) {
        noc =
            new CompiledNoc(
                NocGraphs.build(
                    hw.array(), hw.cgra().noc(), hw.cgra().glb(), hw.sram().wordBytes()));
      }
      return noc;
    }
  }

  /** The report line of a layer run on the tile model, from its timing and traffic. */
  private ReportRow tilesReport(
      LayerTiming t, long macs, long folds, long usedPeFoldSum, AccessCounts a) {
    double pes = hw.array().pes();
    long total = t.cycles() - 1;
    long sramStart = t.firstFoldStartCycle();
    long sramStop = t.lastFoldEndCycle() - 1;
    return new ReportRow(
        total,
        t.stallCycles(),
        total <= 0 ? 0 : 100.0 * macs / (pes * total),
        100.0 * usedPeFoldSum / (pes * folds),
        100.0 * macs / (pes * t.computeCycles()),
        new StreamStats(sramStart, sramStop, a.sramIfmapReads()),
        new StreamStats(sramStart, sramStop, a.sramFilterReads()),
        new StreamStats(sramStart, sramStop, a.sramOfmapWrites()),
        port(t.ifmapPort(), a.dramIfmapReads()),
        port(t.filterPort(), a.dramFilterReads()),
        port(t.ofmapPort(), a.dramOfmapWrites()));
  }

  private static StreamStats port(PortWindow window, long words) {
    return window.used()
        ? new StreamStats(window.firstCycle(), window.lastCycle(), words)
        : new StreamStats(0, 0, words);
  }
}
