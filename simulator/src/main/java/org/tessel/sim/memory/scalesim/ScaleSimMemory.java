package org.tessel.sim.memory.scalesim;

import org.tessel.sim.LayerResult;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.FoldPlan;
import org.tessel.sim.workload.Layer;

/** Runs one layer through SCALE-Sim v2's memory system. */
public final class ScaleSimMemory {
  private ScaleSimMemory() {}

  /** Simulates {@code layer} (all its groups) for {@code batch} inputs under {@code plan}. */
  public static LayerResult simulate(int index, Layer layer, int batch, FoldPlan plan,
      HardwareSpec hw) {
    throw new UnsupportedOperationException("SCALE-Sim memory model: not yet implemented");
  }
}
