package org.tessel.sched;

/**
 * A candidate simulated on one layer shape (content only: no layer name or position, so that equal
 * shapes share it).
 *
 * @param candidate the dataflow and tiling
 * @param cycles the layer's simulated cycles (no reconfiguration)
 * @param stallCycles cycles of {@code cycles} the array waited on memory
 * @param energyPj the layer's energy under the hardware's energy table
 * @param lowerBoundCycles the analytical lower bound the pruning used ({@link LowerBound})
 * @param occupancy the fullest on-chip buffer under the tiling, 0 to 1 (NaN when unknown)
 * @param configuration what the array must be configured with to run it
 * @param handOff its DRAM input and output words and on-chip room, for handing tensors over on chip
 *     between layers
 */
public record Evaluation(
    Candidate candidate,
    long cycles,
    long stallCycles,
    double energyPj,
    long lowerBoundCycles,
    double occupancy,
    String configuration,
    HandOffWords handOff) {

  /** Validates the hand-off figures' presence. */
  public Evaluation {
    if (handOff == null) {
      throw new IllegalArgumentException("handOff must not be null (HandOffWords.NONE)");
    }
  }

  /** An evaluation with nothing to hand over ({@link HandOffWords#NONE}). */
  public Evaluation(
      Candidate candidate,
      long cycles,
      long stallCycles,
      double energyPj,
      long lowerBoundCycles,
      double occupancy,
      String configuration) {
    this(
        candidate,
        cycles,
        stallCycles,
        energyPj,
        lowerBoundCycles,
        occupancy,
        configuration,
        HandOffWords.NONE);
  }

  /** The score of this evaluation under {@code objective}. */
  public double score(Objective objective) {
    return objective.score(cycles, energyPj);
  }

  /**
   * The documented tie-break order: lower score, then fewer cycles, then less energy, then the
   * dataflow earlier in {@code os, ws, is, rs}, then the tiling enumerated first.
   */
  public int compareTo(Evaluation o, Objective objective) {
    int c = Double.compare(score(objective), o.score(objective));
    if (c == 0) {
      c = Long.compare(cycles, o.cycles);
    }
    if (c == 0) {
      c = Double.compare(energyPj, o.energyPj);
    }
    if (c == 0) {
      c = Integer.compare(candidate.dataflowRank(), o.candidate.dataflowRank());
    }
    if (c == 0) {
      c = Integer.compare(candidate.tilingRank(), o.candidate.tilingRank());
    }
    return c;
  }
}
