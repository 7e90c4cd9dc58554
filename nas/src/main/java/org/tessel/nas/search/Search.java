package org.tessel.nas.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.eval.NetworkEvaluator;
import org.tessel.nas.objective.AccuracyTable;
import org.tessel.nas.objective.Scoring;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Network;

/**
 * Runs a strategy: asks it for a batch, prices the batch's new architectures on a fixed pool of
 * threads (results placed by position), scores them and tells the strategy, until the budget, the
 * strategy or the time limit runs out.
 *
 * <p>The evaluation log of the {@link CachedEvaluator} is the checkpoint: a search killed midway
 * and started again with the same settings replays the same proposals, finds every architecture it
 * had priced in the log, and ends with the same result as a run never interrupted.
 */
public final class Search {
  /** Proposals allowed per budget unit before a strategy that only repeats itself is stopped. */
  static final int STALL_FACTOR = 20;

  private final SearchSpace space;
  private final CachedEvaluator evaluator;
  private final Scoring scoring;
  private final @Nullable AccuracyTable accuracy;
  private final SearchSettings settings;
  private final LongSupplier nanoClock;

  /**
   * A search of {@code space}, pricing with {@code evaluator}, scoring with {@code scoring} and
   * {@code accuracy} (null when no objective or constraint needs it).
   *
   * @throws IllegalArgumentException when the scoring needs accuracy and no table is given
   */
  public Search(
      SearchSpace space,
      CachedEvaluator evaluator,
      Scoring scoring,
      @Nullable AccuracyTable accuracy,
      SearchSettings settings) {
    this(space, evaluator, scoring, accuracy, settings, System::nanoTime);
  }

  /**
   * The same, with the clock the time limit and the progress read ({@code nanoClock}, in
   * nanoseconds): tests give one that advances by rule instead of by wall time.
   */
  Search(
      SearchSpace space,
      CachedEvaluator evaluator,
      Scoring scoring,
      @Nullable AccuracyTable accuracy,
      SearchSettings settings,
      LongSupplier nanoClock) {
    if (scoring.needsAccuracy() && accuracy == null) {
      throw new IllegalArgumentException(
          "the accuracy objective or constraint needs an" + " accuracy table");
    }
    this.space = space;
    this.evaluator = evaluator;
    this.scoring = scoring;
    this.accuracy = accuracy;
    this.settings = settings;
    this.nanoClock = nanoClock;
  }

  /**
   * Runs the search.
   *
   * @throws ConfigException when the accuracy table lacks an architecture the search reaches
   */
  public SearchResult run(Progress progress) {
    return run(progress, null);
  }

  /**
   * Runs the search, pricing each batch's new architectures with {@code pricer} (null: on this
   * search's threads). Which architectures a batch holds depends only on the strategy, its seed and
   * the results told, never on where or in what order they were priced.
   *
   * @throws ConfigException when the accuracy table lacks an architecture the search reaches
   */
  public SearchResult run(Progress progress, @Nullable Pricer pricer) {
    Strategy strategy = settings.strategy().create(space, settings);
    int budget = settings.budget();
    Map<Genome, Candidate> seen = new LinkedHashMap<>();
    List<Candidate> history = new ArrayList<>();
    long start = nanoClock.getAsLong();
    long limit = settings.timeLimit().toNanos();
    long proposals = 0;
    SearchResult.Stop stop = SearchResult.Stop.BUDGET;
    ExecutorService pool =
        settings.threads() > 1
            ? Executors.newFixedThreadPool(
                settings.threads(),
                r -> {
                  Thread t = new Thread(r, "tessel-nas");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    try {
      while (history.size() < budget) {
        if (limit > 0 && nanoClock.getAsLong() - start >= limit) {
          stop = SearchResult.Stop.TIME;
          break;
        }
        List<Genome> asked = strategy.ask(budget - history.size());
        if (asked.isEmpty()) {
          stop = SearchResult.Stop.EXHAUSTED;
          break;
        }
        proposals += asked.size();
        List<Genome> fresh = new ArrayList<>(new LinkedHashSet<>(asked));
        fresh.removeIf(seen::containsKey);
        Metrics[] metrics = pricer != null ? pricer.price(fresh) : price(fresh, pool);
        if (metrics.length != fresh.size()) {
          throw new IllegalStateException("priced " + metrics.length + " of " + fresh.size());
        }
        for (int i = 0; i < fresh.size(); i++) {
          Candidate c = candidate(history.size(), fresh.get(i), metrics[i]);
          seen.put(c.genome(), c);
          history.add(c);
        }
        List<Candidate> told = new ArrayList<>(asked.size());
        for (Genome g : asked) {
          told.add(seen.get(g));
        }
        strategy.tell(told);
        progress.update(
            history.size(),
            budget,
            Duration.ofNanos(nanoClock.getAsLong() - start),
            evaluator.stats());
        if (history.size() < budget && proposals > (long) STALL_FACTOR * budget + 1000) {
          stop = SearchResult.Stop.STALLED;
          break;
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return new SearchResult(
        space.name(),
        settings,
        scoring,
        history,
        Ranking.of(history),
        stop,
        proposals,
        Duration.ofNanos(nanoClock.getAsLong() - start),
        evaluator.stats());
  }

  /**
   * The genomes an exhaustive or random search proposes, in evaluation order: the whole history of
   * {@link #run} without pricing, since neither strategy learns from results.
   *
   * @throws IllegalArgumentException for another strategy, or with a time limit (then the history
   *     depends on the machine)
   */
  public List<Genome> proposals() {
    StrategyKind kind = settings.strategy();
    if (kind != StrategyKind.EXHAUSTIVE && kind != StrategyKind.RANDOM) {
      throw new IllegalArgumentException(
          "only the exhaustive and random strategies can be"
              + " sharded ("
              + kind.key()
              + " learns from every result)");
    }
    if (!settings.timeLimit().isZero()) {
      throw new IllegalArgumentException(
          "a sharded search cannot have a time limit (its"
              + " history would depend on the machines)");
    }
    Strategy strategy = kind.create(space, settings);
    List<Genome> out = new ArrayList<>();
    java.util.Set<Genome> seen = new java.util.HashSet<>();
    while (out.size() < settings.budget()) {
      List<Genome> asked = strategy.ask(settings.budget() - out.size());
      if (asked.isEmpty()) {
        break;
      }
      for (Genome g : new LinkedHashSet<>(asked)) {
        if (seen.add(g)) {
          out.add(g);
        }
      }
      strategy.tell(List.of());
    }
    return out;
  }

  /**
   * Prices {@code genomes} with the evaluator (its cache and log) on this search's threads, calling
   * {@code progress} after each {@code step} of them; for a shard of a search.
   */
  public void priceAll(List<Genome> genomes, int step, Progress progress) {
    long start = System.nanoTime();
    ExecutorService pool =
        settings.threads() > 1
            ? Executors.newFixedThreadPool(
                settings.threads(),
                r -> {
                  Thread t = new Thread(r, "tessel-nas");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    try {
      for (int from = 0; from < genomes.size(); from += step) {
        int to = Math.min(genomes.size(), from + step);
        price(genomes.subList(from, to), pool);
        progress.update(
            to, genomes.size(), Duration.ofNanos(System.nanoTime() - start), evaluator.stats());
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** A scored candidate. */
  private Candidate candidate(int order, Genome g, Metrics m) {
    double acc = accuracy != null ? accuracy.accuracy(g, space) : Double.NaN;
    long index = space.size() < Long.MAX_VALUE ? space.index(g) : -1;
    double[] costs = scoring.costs(m, acc);
    List<Double> c = new ArrayList<>(costs.length);
    for (double x : costs) {
      c.add(x);
    }
    return new Candidate(
        order, g, space.archString(g), index, m, acc, c, scoring.violation(m, acc));
  }

  /** The metrics of each genome, priced on {@code pool} (null: this thread). */
  private Metrics[] price(List<Genome> genomes, @Nullable ExecutorService pool) {
    Metrics[] out = new Metrics[genomes.size()];
    if (pool == null || genomes.size() == 1) {
      for (int i = 0; i < out.length; i++) {
        out[i] = price(genomes.get(i));
      }
      return out;
    }
    List<Future<Metrics>> futures = new ArrayList<>();
    for (Genome g : genomes) {
      futures.add(pool.submit(() -> price(g)));
    }
    try {
      for (int i = 0; i < out.length; i++) {
        out[i] = futures.get(i).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("search interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
    return out;
  }

  /**
   * The metrics of {@code g}: its network priced by {@code evaluator}, or the failure to build it.
   * The unit of work of every search, wherever it runs.
   */
  public static Metrics price(SearchSpace space, NetworkEvaluator evaluator, Genome g) {
    Network n;
    try {
      n = space.network(g);
    } catch (IllegalArgumentException e) {
      return unbuildable(e);
    }
    return evaluator.evaluate(n);
  }

  /** The metrics of a genome whose network cannot be built ({@code e} says why). */
  public static Metrics unbuildable(IllegalArgumentException e) {
    return Metrics.failed("cannot build the network: " + e.getMessage(), 0, 0);
  }

  private Metrics price(Genome g) {
    return price(space, evaluator, g);
  }
}
