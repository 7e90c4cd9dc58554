package org.tessel.sim.layer;

import org.tessel.sim.workload.Operand;

/**
 * When a layer's work happened, in cycles from the layer's start.
 *
 * @param cycles cycles from the layer's first cycle to the end of its last fold or write-back
 * @param computeCycles cycles the array spent in folds
 * @param stallCycles cycles the array waited on memory ({@code cycles - computeCycles})
 * @param folds folds executed
 * @param firstFoldStartCycle when the first fold started
 * @param lastFoldEndCycle when the last fold ended
 * @param lastDrainEndCycle when the last ofmap write-back ended
 * @param events events the engine processed
 * @param ifmapPort when the ifmap read port was busy
 * @param filterPort when the filter read port was busy
 * @param ofmapPort when the ofmap write port was busy
 */
public record LayerTiming(
    long cycles,
    long computeCycles,
    long stallCycles,
    long folds,
    long firstFoldStartCycle,
    long lastFoldEndCycle,
    long lastDrainEndCycle,
    long events,
    PortWindow ifmapPort,
    PortWindow filterPort,
    PortWindow ofmapPort) {

  /** When the DRAM port of {@code operand} was busy. */
  public PortWindow port(Operand operand) {
    return switch (operand) {
      case IFMAP -> ifmapPort;
      case FILTER -> filterPort;
      case OFMAP -> ofmapPort;
    };
  }
}
