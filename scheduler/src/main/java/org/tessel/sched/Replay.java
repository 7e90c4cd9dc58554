package org.tessel.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.tessel.sim.Simulation;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * What the simulator needs to run a schedule again: each array layer's dataflow (tiling pinned),
 * and which layers hand tensors over on chip ({@link HandOff}).
 *
 * @param choice the dataflow of each array layer
 * @param inputOnChip names of the layers that read their input on chip
 * @param outputOnChip names of the layers whose output is not written to DRAM
 */
public record Replay(
    Function<Layer, Dataflow> choice, Set<String> inputOnChip, Set<String> outputOnChip) {
  /** Copies the sets. */
  public Replay {
    inputOnChip = Set.copyOf(inputOnChip);
    outputOnChip = Set.copyOf(outputOnChip);
  }

  /** Simulates {@code network} this way on {@code sim}'s hardware. */
  public SimResult run(Simulation sim, Network network, int batch) {
    SimResult r = sim.simulate(network, batch, choice);
    List<LayerResult> out = new ArrayList<>(r.layers().size());
    for (LayerResult l : r.layers()) {
      String name = l.layer().name();
      out.add(l.withHandOff(inputOnChip.contains(name), outputOnChip.contains(name)));
    }
    return new SimResult(r.network(), r.hardware(), r.batch(), out);
  }
}
