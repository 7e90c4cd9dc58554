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
 * @param outputMismatches ofmap elements that differ from the reference product (0 when the array
 *     computed the GEMM)
 * @param foldCycles stepped cycles of each fold, in fold order
 * @param heldCycles cycles inside folds in which the array held still waiting for a buffer port
 */
// A result holder: never compared or hashed (tests read fields), so the array's identity
// equality cannot mislead; a List<Long> would box every fold of the stepper's long runs.
@SuppressWarnings("ArrayRecordComponent")
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
    int outputMismatches,
    long[] foldCycles,
    long heldCycles) {

  @Override
  public String toString() {
    StringBuilder list = new StringBuilder("[");
    for (int k = 0; k < foldCycles.length && k < 12; k++) {
      list.append(k == 0 ? "" : ", ").append(foldCycles[k]);
    }
    list.append(foldCycles.length > 12 ? ", ...]" : "]");
    return "StepperResult[cycles="
        + cycles
        + ", computeCycles="
        + computeCycles
        + ", stallCycles="
        + stallCycles
        + ", macs="
        + macs
        + ", folds="
        + folds
        + ", minFoldCycles="
        + minFoldCycles
        + ", maxFoldCycles="
        + maxFoldCycles
        + ", firstFoldStartCycle="
        + firstFoldStartCycle
        + ", lastFoldEndCycle="
        + lastFoldEndCycle
        + ", lastDrainEndCycle="
        + lastDrainEndCycle
        + ", outputMismatches="
        + outputMismatches
        + ", heldCycles="
        + heldCycles
        + ", foldCycles="
        + list
        + "]";
  }
}
