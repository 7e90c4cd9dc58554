package org.tessel.sched;

import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.EnergyTable;
import org.tessel.sim.mapping.Infeasibility;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.stats.EnergyCounts;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.OperandWords;

/**
 * A candidate simulated on one layer shape: what the {@link EvaluationCache} holds under a family
 * key ({@link SystolicKey}, {@link RowStationaryKey}), so only what such a key determines. Energy
 * is kept as access counts and priced with the asking hardware's table on reading; occupancy is
 * kept as the words each SRAM half holds (systolic) or recomputed on reading (row stationary), or,
 * when the key holds the capacities, as the fraction; of the hand-off figures ({@link
 * HandOffWords}) the DRAM words are kept and the room for whole tensors, which the buffer sizes
 * give, is computed on reading. A candidate the hardware refuses (a systolic fold too large for an
 * SRAM half) is kept as its refusal.
 *
 * @param cycles the layer's simulated cycles (no reconfiguration)
 * @param stallCycles cycles of {@code cycles} the array waited on memory
 * @param energy accesses at every level
 * @param configuration what the array must be configured with to run it
 * @param dramInputWords ifmap words read from DRAM
 * @param dramOutputWords ofmap words written to DRAM
 * @param occupancy the fullest buffer, 0 to 1, on the hardware that computed it
 * @param ifmapPeakWords most words in the ifmap SRAM half at once (systolic; 0 otherwise)
 * @param filterPeakWords most words in the filter SRAM half at once (systolic; 0 otherwise)
 * @param ofmapPeakWords most words in the ofmap SRAM half at once (systolic; 0 otherwise)
 * @param refusedLayer the name of the layer the refusal was written for (null: not refused)
 * @param refusal why the hardware cannot run the candidate (null: not refused)
 */
record Simulated(
    long cycles,
    long stallCycles,
    EnergyCounts energy,
    String configuration,
    long dramInputWords,
    long dramOutputWords,
    double occupancy,
    long ifmapPeakWords,
    long filterPeakWords,
    long ofmapPeakWords,
    @Nullable String refusedLayer,
    @Nullable String refusal) {

  /** A run of {@code mapping}, with no peak words. */
  static Simulated of(LayerResult r, LayerMapping m) {
    return of(r, m, OperandWords.ZERO);
  }

  /** A run of {@code mapping}, with the peak words of its SRAM halves. */
  static Simulated of(LayerResult r, LayerMapping m, OperandWords peakWords) {
    return new Simulated(
        r.cycles(),
        r.stallCycles(),
        m.energyCounts(),
        m.configuration(),
        r.report().dramIfmap().words(),
        r.report().dramOfmap().words(),
        m.bufferOccupancy(),
        peakWords.ifmap(),
        peakWords.filter(),
        peakWords.ofmap(),
        null,
        null);
  }

  /** The refusal of {@code layer}'s candidate. */
  static Simulated refused(Layer layer, Infeasibility why) {
    return new Simulated(
        0, 0, EnergyCounts.ZERO, "", 0, 0, Double.NaN, 0, 0, 0, layer.name(), why.message());
  }

  /**
   * Why the hardware cannot run the candidate on {@code layer} (null when it can): the stored
   * message, naming {@code layer} where it named the layer it was written for.
   */
  @Nullable String refusal(Layer layer) {
    if (refusal == null || refusedLayer == null) { // both or neither (refused)
      return refusal;
    }
    return refusal.startsWith(refusedLayer + ": ")
        ? layer.name() + refusal.substring(refusedLayer.length())
        : refusal;
  }

  /**
   * The evaluation of {@code candidate} on the asking hardware: priced with its {@code table}, with
   * the occupancy and the room for whole input and output tensors its buffers give.
   */
  Evaluation evaluation(
      Candidate candidate,
      long lowerBoundCycles,
      EnergyTable table,
      double occupancyOnAsker,
      long inputRoomWords,
      long outputRoomWords) {
    return new Evaluation(
        candidate,
        cycles,
        stallCycles,
        energy.totalPj(table),
        lowerBoundCycles,
        occupancyOnAsker,
        configuration,
        new HandOffWords(dramInputWords, dramOutputWords, inputRoomWords, outputRoomWords));
  }
}
