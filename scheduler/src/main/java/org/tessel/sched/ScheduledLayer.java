package org.tessel.sched;

import org.jspecify.annotations.Nullable;
import org.tessel.sim.workload.Layer;

/**
 * One layer of a schedule.
 *
 * @param index position in the network's execution order
 * @param layer the layer
 * @param chosen the chosen candidate's evaluation (null for layers that do not use the array)
 * @param vectorCycles cycles of a layer that does not use the array (0 for array layers)
 * @param vectorEnergyPj energy of a layer that does not use the array (0 for array layers)
 * @param reconfigCycles reconfiguration paid before this layer
 * @param options what the layer scheduler found (null for layers that do not use the array)
 * @param inputOnChip whether the previous layer hands its output over on chip ({@link HandOff}): no
 *     DRAM ifmap reads
 * @param outputOnChip whether this layer's output stays on chip for the next layer and nothing else
 *     needs it in DRAM: no DRAM ofmap writes
 * @param handOffSavedPj the DRAM energy those two save, already taken off {@link #energyPj()}
 */
public record ScheduledLayer(
    int index,
    Layer layer,
    @Nullable Evaluation chosen,
    long vectorCycles,
    double vectorEnergyPj,
    long reconfigCycles,
    @Nullable LayerOptions options,
    boolean inputOnChip,
    boolean outputOnChip,
    double handOffSavedPj) {

  /**
   * The candidate chosen for an array layer.
   *
   * @throws IllegalStateException for a layer that does not use the array ({@link #usesArray})
   */
  public Evaluation arrayChoice() {
    if (chosen == null) {
      throw new IllegalStateException("layer " + layer.name() + " does not use the array");
    }
    return chosen;
  }

  /**
   * The candidates of an array layer.
   *
   * @throws IllegalStateException for a layer that does not use the array ({@link #usesArray})
   */
  public LayerOptions arrayOptions() {
    if (options == null) {
      throw new IllegalStateException("layer " + layer.name() + " does not use the array");
    }
    return options;
  }

  /** Whether the layer runs on the PE array (and so was scheduled). */
  public boolean usesArray() {
    return chosen != null;
  }

  /** The layer's cycles, not counting the reconfiguration before it. */
  public long cycles() {
    return chosen != null ? chosen.cycles() : vectorCycles;
  }

  /** The layer's energy. */
  public double energyPj() {
    return chosen != null ? chosen.energyPj() - handOffSavedPj : vectorEnergyPj;
  }
}
