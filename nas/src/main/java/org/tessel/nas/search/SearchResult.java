package org.tessel.nas.search;

import java.time.Duration;
import java.util.List;
import org.tessel.nas.eval.CacheStats;
import org.tessel.nas.objective.Scoring;

/**
 * What a search found.
 *
 * @param space the space's name
 * @param settings how it ran
 * @param scoring objectives and constraints
 * @param history every distinct architecture evaluated, in evaluation order
 * @param ranked the same, in rank order
 * @param stop why the search stopped
 * @param proposals genomes the strategy proposed (repeats included)
 * @param elapsed wall-clock time (not reproducible; kept out of result files)
 * @param cache how the network cache answered
 */
public record SearchResult(
    String space,
    SearchSettings settings,
    Scoring scoring,
    List<Candidate> history,
    List<Ranking.Entry> ranked,
    Stop stop,
    long proposals,
    Duration elapsed,
    CacheStats cache) {

  /** Why a search stopped. */
  public enum Stop {
    /** The evaluation budget was used up. */
    BUDGET,
    /** The strategy had nothing more to propose (exhaustive, or a small space sampled out). */
    EXHAUSTED,
    /** The time limit passed. */
    TIME,
    /** The strategy kept proposing architectures already evaluated. */
    STALLED
  }

  /** Copies the lists. */
  public SearchResult {
    history = List.copyOf(history);
    ranked = List.copyOf(ranked);
  }

  /** The non-dominated feasible candidates, in rank order. */
  public List<Ranking.Entry> front() {
    return Ranking.front(ranked);
  }
}
