package org.tessel.nas.search;

import java.util.List;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.space.Genome;

/**
 * An evaluated architecture.
 *
 * @param order position in the search's evaluation order (0 first)
 * @param genome the genome
 * @param arch its arch string
 * @param index its index in the space, or -1 when the space is too large to index
 * @param metrics what it costs
 * @param accuracy from the accuracy table, NaN without one
 * @param costs the objectives' values, each turned so that lower is better
 * @param violation summed relative constraint violation (0: feasible; infinite: cannot run)
 */
public record Candidate(
    int order,
    Genome genome,
    String arch,
    long index,
    Metrics metrics,
    double accuracy,
    List<Double> costs,
    double violation) {
  /** Copies the costs. */
  public Candidate {
    costs = List.copyOf(costs);
    if (!(violation >= 0)) {
      throw new IllegalArgumentException("violation must be >= 0, was " + violation);
    }
  }

  /** Whether every constraint holds and the network runs. */
  public boolean feasible() {
    return violation == 0;
  }

  /** The {@code i}-th objective's cost. */
  public double cost(int i) {
    return costs.get(i);
  }
}
