package org.tessel.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.objective.Metric;
import org.tessel.nas.objective.Scoring;
import org.tessel.nas.search.Progress;
import org.tessel.nas.search.Search;
import org.tessel.nas.search.SearchSettings;
import org.tessel.nas.search.StrategyKind;
import org.tessel.nas.space.Nb201Space;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.LayerScheduler;
import org.tessel.sched.Objective;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * The NAS front end on NAS-Bench-201 (15,625 cells): how fast architectures are evaluated once the
 * caches are warm, and what a layer shape costs the first time. Scores are operations per second;
 * one operation is one architecture, except in {@code coldLayer} (one distinct layer shape, average
 * time).
 *
 * <ul>
 *   <li>{@code searchWarm}: a random search of 2,000 architectures on 2 threads with every network
 *       already in the cache (build the network, key it by content, look it up, score, rank), as a
 *       search resumed from its log runs;
 *   <li>{@code evaluateWarmNetworks}: one architecture through build, key and cache lookup;
 *   <li>{@code evaluateWarmLayers}: one architecture scheduled afresh (network optimum, baselines,
 *       maladaptation) with every layer shape's options already cached;
 *   <li>{@code coldLayer}: a fresh layer scheduler finds the options of one of NAS-Bench-201's 12
 *       distinct array-layer shapes (every dataflow and tiling that fits, simulated unless pruned).
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar NasBenchmark -t 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NasBenchmark {
  /** NAS-Bench-201's distinct array-layer shapes (stem, 2 per stage, 2 per reduction, fc). */
  static final int SHAPES = 12;

  static final int SEARCH = 2000;

  /** A hardware preset. */
  @Param({"default", "eyeriss"})
  String hardware;

  private final Nb201Space space = new Nb201Space(Nb201Space.Liveness.ALL_OPS, "nasbench201");
  private HardwareSpec hw;
  private ScheduleEvaluator evaluator;
  private CachedEvaluator cached;
  private List<Layer> shapes;

  @Setup(Level.Trial)
  public void setup() {
    hw = HardwareReader.preset(hardware);
    evaluator = new ScheduleEvaluator(hw, Objective.CYCLES, CandidateSpace.dataflows(hw), 1);
    cached = new CachedEvaluator(evaluator, null);
    for (int i = 0; i < space.size(); i++) {
      cached.evaluate(space.network(space.genome(i)));
    }
    Set<String> seen = new HashSet<>();
    List<Layer> distinct = new java.util.ArrayList<>();
    Network all =
        space.network(
            space.parseArch(
                "|nor_conv_3x3~0|+|nor_conv_1x1~0|"
                    + "nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"));
    for (Layer l : all.layers()) {
      String key =
          l.kind()
              + " "
              + l.inH()
              + " "
              + l.inC()
              + " "
              + l.kernelH()
              + " "
              + l.strideH()
              + " "
              + l.outC();
      if (l.kind().usesArray() && seen.add(key)) {
        distinct.add(l);
      }
    }
    if (distinct.size() != SHAPES) {
      throw new IllegalStateException("expected " + SHAPES + " shapes, found " + distinct.size());
    }
    shapes = distinct;
  }

  /** A per-thread position in the space, so threads ask for different cells. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup(Level.Trial)
    public void start() {
      next = (int) (Thread.currentThread().getId() * 7919 % 15_625);
    }

    int step() {
      next = next + 1 == 15_625 ? 0 : next + 1;
      return next;
    }
  }

  @Benchmark
  @OperationsPerInvocation(SEARCH)
  public int searchWarm() {
    Scoring s = new Scoring(List.of(Metric.LATENCY, Metric.PARAMS), List.of());
    SearchSettings set =
        new SearchSettings(StrategyKind.RANDOM, SEARCH, Duration.ZERO, 7, 2, 64, 16, 16);
    return new Search(space, cached, s, null, set).run(Progress.NONE).history().size();
  }

  @Benchmark
  public double evaluateWarmNetworks(Cursor c) {
    return cached.evaluate(space.network(space.genome(c.step()))).latencyMs();
  }

  @Benchmark
  public double evaluateWarmLayers(Cursor c) {
    return evaluator.evaluate(space.network(space.genome(c.step()))).latencyMs();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @OperationsPerInvocation(SHAPES)
  public int coldLayer() {
    LayerScheduler s =
        new LayerScheduler(
            hw, Objective.CYCLES, CandidateSpace.dataflows(hw), new EvaluationCache());
    int n = 0;
    for (Layer l : shapes) {
      n += s.options(l, 1).simulated();
    }
    return n;
  }
}
