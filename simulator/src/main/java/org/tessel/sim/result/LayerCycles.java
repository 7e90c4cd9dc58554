package org.tessel.sim.result;

import org.tessel.sim.util.Checks;

/**
 * Where a layer's time went. Cycle counts are durations: a layer that keeps the array busy in
 * cycles 0 to n-1 took {@code n} cycles.
 *
 * @param cycles cycles from the layer's start to its last output written
 * @param computeCycles cycles the array spent in folds or passes
 * @param stallCycles cycles the array waited on memory (SCALE-Sim's reports, which the SCALE-Sim
 *     model reproduces, can show -1 here when its prefetch finished early)
 * @param reconfigCycles cycles spent reconfiguring the array before the layer (not in {@code
 *     cycles})
 */
public record LayerCycles(long cycles, long computeCycles, long stallCycles, long reconfigCycles) {
  /** Checks the durations are non-negative. */
  public LayerCycles {
    Checks.nonNegative("cycles", cycles);
    Checks.nonNegative("computeCycles", computeCycles);
    Checks.nonNegative("reconfigCycles", reconfigCycles);
  }

  /** A layer's cycles with no reconfiguration before it. */
  public static LayerCycles of(long cycles, long computeCycles, long stallCycles) {
    return new LayerCycles(cycles, computeCycles, stallCycles, 0);
  }

  /** The same with a reconfiguration of {@code cycles} before the layer. */
  public LayerCycles withReconfigCycles(long reconfig) {
    return new LayerCycles(cycles, computeCycles, stallCycles, reconfig);
  }
}
