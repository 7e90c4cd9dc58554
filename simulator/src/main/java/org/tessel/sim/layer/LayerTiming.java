package org.tessel.sim.layer;

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
 * @param ports per DRAM port (0 ifmap, 1 filter, 2 ofmap): {first start, last end} of its
 *     non-empty transfers, or {-1, -1} when it moved nothing
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
    long[][] ports) {}
