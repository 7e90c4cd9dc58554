package org.tessel.sim;

import java.util.ArrayList;
import java.util.List;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.FoldPlan;
import org.tessel.sim.layer.FoldTraffic;
import org.tessel.sim.layer.LayerRunner;
import org.tessel.sim.layer.LayerTiming;
import org.tessel.sim.memory.OperandTraffic;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * Simulates networks layer by layer on one piece of hardware. Layers run one after the other in
 * the network's execution order; each layer's cycles come from the event engine.
 *
 * <p>Not thread-safe: one instance per thread (it reuses its engine between layers).
 */
public final class Simulation {
  private final HardwareSpec hw;
  private final LayerRunner runner = new LayerRunner();

  /** A simulation of {@code hw}. */
  public Simulation(HardwareSpec hw) {
    this.hw = hw;
  }

  /** Simulates {@code network} for {@code batch} inputs on {@code hw}. */
  public static SimResult run(Network network, HardwareSpec hw, int batch) {
    return new Simulation(hw).simulate(network, batch);
  }

  /** Simulates every layer of {@code network} for {@code batch} inputs. */
  public SimResult simulate(Network network, int batch) {
    Checks.positive("batch", batch);
    List<LayerResult> results = new ArrayList<>(network.layers().size());
    int index = 0;
    for (Layer layer : network.layers()) {
      results.add(simulate(index++, layer, network, batch));
    }
    return new SimResult(network, hw, batch, results);
  }

  /** Simulates one layer; {@code network} supplies the inputs of element-wise layers. */
  public LayerResult simulate(int index, Layer layer, Network network, int batch) {
    if (!layer.kind().usesArray()) {
      return VectorLayers.simulate(index, layer, network, batch, hw);
    }
    FoldPlan plan = hw.dataflow().plan(layer.gemm(batch), hw.array());
    long folds = plan.folds() * layer.groups();
    boolean calc = hw.dram().mode() == BandwidthMode.CALC;
    OperandTraffic traffic = OperandTraffic.of(layer, batch, plan, hw);
    FoldTraffic dram = calc ? FoldTraffic.NONE : traffic;
    LayerTiming t =
        runner.run(folds, plan.foldCycles(), dram, calc ? 0 : hw.dram().bandwidthWordsPerCycle());
    long macs = layer.macs() * batch;
    return new LayerResult(index, layer, hw.dataflow().shortName(), t.cycles(), t.computeCycles(),
        t.stallCycles(), macs, folds, plan.usedPeFoldSum() * layer.groups(), plan.foldCycles(),
        traffic.access(), t.events());
  }
}
