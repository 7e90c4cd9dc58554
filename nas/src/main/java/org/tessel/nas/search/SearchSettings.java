package org.tessel.nas.search;

import java.time.Duration;

/**
 * How a search runs.
 *
 * @param strategy the strategy
 * @param budget distinct architectures to evaluate at most (a genome proposed again is answered
 *     from the run's history and does not count)
 * @param timeLimit wall-clock limit, checked between batches; {@link Duration#ZERO} for none (a
 *     search stopped by time depends on the machine's speed: only the evaluation budget is
 *     reproducible)
 * @param seed the strategy's random seed
 * @param threads networks priced at once; results do not depend on it
 * @param population population of evolution and NSGA-II
 * @param sample tournament size of evolution
 * @param batch children evolution makes per step (fixed, so results do not depend on threads)
 */
public record SearchSettings(
    StrategyKind strategy,
    int budget,
    Duration timeLimit,
    long seed,
    int threads,
    int population,
    int sample,
    int batch) {
  /** Validates. */
  public SearchSettings {
    if (strategy == null || timeLimit == null || timeLimit.isNegative()) {
      throw new IllegalArgumentException("search: a strategy and a time limit >= 0 are needed");
    }
    if (budget < 1) {
      throw new IllegalArgumentException("budget: must be >= 1, was " + budget);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
    }
    if (population < 2 || sample < 1 || sample > population || batch < 1) {
      throw new IllegalArgumentException(
          "population >= 2, 1 <= sample <= population and batch"
              + " >= 1 are needed; were "
              + population
              + ", "
              + sample
              + ", "
              + batch);
    }
  }

  /** Defaults: population 64, sample 16, batch 16, no time limit, one thread. */
  public static SearchSettings of(StrategyKind strategy, int budget, long seed) {
    return new SearchSettings(strategy, budget, Duration.ZERO, seed, 1, 64, 16, 16);
  }

  /** The same settings with {@code n} threads. */
  public SearchSettings withThreads(int n) {
    return new SearchSettings(strategy, budget, timeLimit, seed, n, population, sample, batch);
  }

  /** The same settings with a time limit. */
  public SearchSettings withTimeLimit(Duration limit) {
    return new SearchSettings(strategy, budget, limit, seed, threads, population, sample, batch);
  }

  /** The same settings with another population, sample and batch. */
  public SearchSettings withPopulation(int p, int s, int b) {
    return new SearchSettings(strategy, budget, timeLimit, seed, threads, p, s, b);
  }
}
