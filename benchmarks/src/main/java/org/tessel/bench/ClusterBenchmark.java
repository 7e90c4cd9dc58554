package org.tessel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tessel.cluster.ClusterPricer;
import org.tessel.cluster.SearchWork;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.search.Search;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.Nb201Space;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.Objective;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.workload.Network;

/**
 * What the coordinator of a clustered search ({@code tessel search --cluster}) spends per
 * candidate, besides sending batches: 5,000 NAS-Bench-201 cells drawn at random (seed 1), priced on
 * {@code eyeriss} beforehand. Average time per candidate, on one thread.
 *
 * <ul>
 *   <li>{@code coordinator}: what the coordinator does per candidate: the genome's genes as a unit,
 *       and the member's result (content key and metrics) recorded in its cache, a fresh one per
 *       invocation (every result new to it, as in a search);
 *   <li>{@code buildAndKey}: what the coordinator also did per candidate before the members built
 *       and keyed the networks (issue 16): build the cell's network, key it by content and look the
 *       key up in its cache.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ClusterBenchmark -wi 3 -w 1 -i 5 -r 1 -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClusterBenchmark {
  static final int CANDIDATES = 5000;

  private final Nb201Space space = new Nb201Space(Nb201Space.Liveness.ALL_OPS, "nasbench201");
  private ScheduleEvaluator evaluator;
  private final List<Genome> genomes = new ArrayList<>();
  private final List<String> results = new ArrayList<>();
  private CachedEvaluator coordinatorCache;

  @Setup(Level.Trial)
  public void setup() {
    HardwareSpec hw = HardwareReader.preset("eyeriss");
    evaluator = new ScheduleEvaluator(hw, Objective.CYCLES, CandidateSpace.dataflows(hw), 1);
    CachedEvaluator priced = new CachedEvaluator(evaluator, null);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < CANDIDATES; i++) {
      Genome g = space.genome(random.nextLong(space.size()));
      Network n = space.network(g);
      Metrics m = Search.price(space, priced, g);
      genomes.add(g);
      results.add(SearchWork.result(priced.key(n), m));
    }
  }

  /** A coordinator's cache that has seen nothing yet. */
  @Setup(Level.Invocation)
  public void freshCache() {
    coordinatorCache = new CachedEvaluator(evaluator, null);
  }

  @Benchmark
  @OperationsPerInvocation(CANDIDATES)
  public long coordinator() {
    long sum = 0;
    for (int i = 0; i < CANDIDATES; i++) {
      sum += ClusterPricer.genes(genomes.get(i)).length();
      sum += ClusterPricer.record(coordinatorCache, results.get(i)).cycles();
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(CANDIDATES)
  public long buildAndKey() {
    long sum = 0;
    for (int i = 0; i < CANDIDATES; i++) {
      String key = coordinatorCache.key(space.network(genomes.get(i)));
      sum += key.length() + (coordinatorCache.lookup(key) == null ? 0 : 1);
    }
    return sum;
  }
}
