package org.tessel.sim.stepper;

/**
 * What the stepper counted for one layer.
 *
 * @param cycles cycles from cycle 0 until the last fold ended and the last write-back completed
 * @param computeCycles cycles in which the array stepped a fold
 * @param stallCycles cycles in which the array had no fold to step
 * @param macs MACs the PEs performed
 * @param folds folds stepped
 * @param minFoldCycles the shortest fold, in stepped cycles
 * @param maxFoldCycles the longest fold, in stepped cycles
 * @param firstFoldStartCycle the cycle the first fold started in
 * @param lastFoldEndCycle the cycle boundary at which the last fold ended
 * @param lastDrainEndCycle the cycle boundary at which the last write-back completed
 * @param outputMismatches ofmap elements that differ from the reference product (0 when the
 *     array computed the GEMM)
 */
record StepperResult(
    long cycles,
    long computeCycles,
    long stallCycles,
    long macs,
    long folds,
    long minFoldCycles,
    long maxFoldCycles,
    long firstFoldStartCycle,
    long lastFoldEndCycle,
    long lastDrainEndCycle,
    int outputMismatches) {}
