package org.tessel.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.search.Search;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;
import org.tessel.nas.space.Spaces;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.Objective;
import org.tessel.sched.profile.Grid;
import org.tessel.sched.profile.ProfileSpec;
import org.tessel.sched.profile.ProfileWork;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.io.TopologyReader;

/**
 * What the scheduler's layer-level evaluation cache being per member costs a cluster (issue 16):
 * the same work done by {@code members} members, each with its own fresh layer cache, the units
 * dealt to them in batches (16 candidates) in the order a dispatcher sends them, all on this one
 * thread. One operation is the whole work; its time is the CPU time summed over the members. With
 * one member every layer-level evaluation is computed once; each further member computes again
 * those its units share with the others', which is the most a cluster-wide layer cache could save.
 *
 * <ul>
 *   <li>{@code searchOnMembers}: random candidates (seed 1) priced on {@code eyeriss}: 2,000
 *       NAS-Bench-201 cells (12 distinct array-layer shapes) or 96 networks of the {@code mobile}
 *       space (hundreds of shapes);
 *   <li>{@code sweepOnMembers}: {@code ProfileBenchmark}'s 1,000-point ResNet-18 grids {@code
 *       clock} and {@code energy} (whose points share most layer simulations), sent grouped by
 *       simulated hardware, in batches of 16 or 64 points.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LayerCacheBenchmark -f 1
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class LayerCacheBenchmark {
  static final int BATCH = 16;

  /** How many members share the work. */
  @State(Scope.Benchmark)
  public static class Members {
    /** Members the units are dealt to. */
    @Param({"1", "2", "4"})
    int members;
  }

  /** Candidate simulations, summed over the members, of the operations measured. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Work {
    /** Layer candidates simulated (evaluation-cache misses) on all members. */
    public long simulations;

    /** Resets the counter for each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
      simulations = 0;
    }
  }

  /** The candidates of a search. */
  @State(Scope.Benchmark)
  public static class Searches {
    /** The space. */
    @Param({"nasbench201", "mobile"})
    String space;

    SearchSpace searchSpace;
    HardwareSpec hw;
    final List<Genome> genomes = new ArrayList<>();

    @Setup(Level.Trial)
    public void setup() {
      searchSpace = Spaces.of(space);
      hw = HardwareReader.preset("eyeriss");
      int n = space.equals("mobile") ? 96 : 2000;
      int[] radices = searchSpace.radices();
      SplittableRandom random = new SplittableRandom(1);
      Set<Genome> distinct = new LinkedHashSet<>();
      while (distinct.size() < n) {
        int[] g = new int[radices.length];
        for (int k = 0; k < g.length; k++) {
          g[k] = random.nextInt(radices[k]);
        }
        distinct.add(Genome.of(g));
      }
      genomes.addAll(distinct);
    }
  }

  /** The points of a sweep. */
  @State(Scope.Benchmark)
  public static class Sweeps {
    /** {@code ProfileBenchmark}'s grid. */
    @Param({"clock", "energy"})
    String grid;

    /** Points per batch (a dispatcher sends about 200 ms of work: 15 points of 13 ms). */
    @Param({"16", "64"})
    int batch;

    ProfileSpec spec;
    final List<Integer> order = new ArrayList<>();

    @Setup(Level.Trial)
    public void setup() {
      spec =
          new ProfileSpec(
              Inputs.network(
                  Path.of("traces", "networks", "resnet18.yaml"), TopologyReader.Mode.CONV),
              HardwareReader.preset("default"),
              Objective.CYCLES,
              1,
              new Grid.Builder()
                  .sweep("array.rows=8:40:8")
                  .sweep("array.cols=8:40:8")
                  .sweep("sram.eachKiB=16:256:*2")
                  .sweep(
                      grid.equals("energy") ? "energy.dramPj=100:800:100" : "clockMHz=100:800:100")
                  .build());
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < spec.grid().size(); i++) {
        all.add(i);
      }
      new ProfileWork(spec, new EvaluationCache()).groups(all).forEach(order::addAll);
    }
  }

  @Benchmark
  public double searchOnMembers(Members m, Searches s, Work w) {
    ScheduleEvaluator[] evaluators = new ScheduleEvaluator[m.members];
    for (int k = 0; k < m.members; k++) {
      evaluators[k] =
          new ScheduleEvaluator(s.hw, Objective.CYCLES, CandidateSpace.dataflows(s.hw), 1);
    }
    double sum = 0;
    for (int i = 0; i < s.genomes.size(); i++) {
      ScheduleEvaluator e = evaluators[i / BATCH % m.members];
      sum += Search.price(s.searchSpace, e, s.genomes.get(i)).cycles();
    }
    for (ScheduleEvaluator e : evaluators) {
      w.simulations += e.layerCache().misses();
    }
    return sum;
  }

  @Benchmark
  public long sweepOnMembers(Members m, Sweeps s, Work w) {
    ProfileWork[] works = new ProfileWork[m.members];
    EvaluationCache[] caches = new EvaluationCache[m.members];
    for (int k = 0; k < m.members; k++) {
      caches[k] = new EvaluationCache();
      works[k] = new ProfileWork(s.spec, caches[k]);
    }
    long sum = 0;
    for (int i = 0; i < s.order.size(); i++) {
      sum += works[i / s.batch % m.members].row(s.order.get(i)).length();
    }
    for (EvaluationCache c : caches) {
      w.simulations += c.misses();
    }
    return sum;
  }
}
