package org.tessel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tessel.sched.Objective;
import org.tessel.sched.profile.Grid;
import org.tessel.sched.profile.ProfileListener;
import org.tessel.sched.profile.ProfileSpec;
import org.tessel.sched.profile.ProfileSummary;
import org.tessel.sched.profile.Profiler;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.io.TopologyReader;

/**
 * A 1,000-point hardware sweep of ResNet-18 ({@code traces/networks/resnet18.yaml}, run from the
 * repository root) on the {@code default} preset, as {@code tessel profile} runs it: every point
 * scheduled (all dataflows, network optimum with reconfiguration) from a cold evaluation cache
 * shared by the points, {@code PROFILE.csv} appended and synced, the Pareto plot written. One
 * operation is the whole sweep (single shot); the score is seconds per sweep.
 *
 * <p>{@code distinct}: array rows 8..40 x columns 8..40 x SRAMs 16..256 KiB x DRAM bandwidth 2..16
 * words per cycle (user mode): 1,000 different pieces of hardware, nothing to share between points
 * (with DRAM stalls every one of those parameters is in a candidate's cache key). {@code clock}:
 * rows x columns x SRAMs x clock 100..800 MHz (calc DRAM): 125 pieces of hardware at 8 clocks: 875
 * points take the schedule of the same hardware at another clock. {@code energy}: rows x columns x
 * SRAMs x DRAM energy 100..800 pJ per word (calc DRAM): 1,000 different pieces of hardware, but a
 * candidate's simulation reads neither the energy table nor, in calc mode, the SRAM sizes beyond
 * whether an operand stays on chip, so points of one array share most evaluations. The auxiliary
 * counters (totals over the measured sweeps) are the points, those that shared a schedule, and the
 * evaluation cache's hits and lookups.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ProfileBenchmark -f 1 -wi 1 -i 2
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ProfileBenchmark {
  /** Which 1,000-point grid. */
  @Param({"distinct", "clock", "energy"})
  String grid;

  /** Points run at once. */
  @Param({"1", "2"})
  int threads;

  private ProfileSpec spec;
  private Path dir;

  /** Points, cache hits and cache lookups of the sweeps measured. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Sweep {
    /** Points scheduled. */
    public long points;

    /** Points that took the schedule of a point differing only in clock. */
    public long sharedSchedules;

    /** Evaluation-cache hits. */
    public long cacheHits;

    /** Evaluation-cache lookups. */
    public long cacheLookups;

    /** Resets the counters for each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
      points = 0;
      sharedSchedules = 0;
      cacheHits = 0;
      cacheLookups = 0;
    }
  }

  @Setup(Level.Trial)
  public void setup() {
    Grid.Builder g =
        new Grid.Builder()
            .sweep("array.rows=8:40:8")
            .sweep("array.cols=8:40:8")
            .sweep("sram.eachKiB=16:256:*2");
    if (grid.equals("distinct")) {
      g.sweep("dram.mode=user").sweep("dram.bandwidthWordsPerCycle=2:16:2");
    } else if (grid.equals("energy")) {
      g.sweep("energy.dramPj=100:800:100");
    } else {
      g.sweep("clockMHz=100:800:100");
    }
    spec =
        new ProfileSpec(
            Inputs.network(
                Path.of("traces", "networks", "resnet18.yaml"), TopologyReader.Mode.CONV),
            HardwareReader.preset("default"),
            Objective.CYCLES,
            1,
            g.build());
    if (spec.grid().size() != 1000) {
      throw new IllegalStateException(spec.grid().size() + " points");
    }
  }

  @Setup(Level.Invocation)
  public void freshDirectory() throws IOException {
    dir = Files.createTempDirectory("tessel-profile-bench");
  }

  @TearDown(Level.Invocation)
  public void removeDirectory() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public int sweep1000(Sweep counters) throws IOException {
    ProfileSummary s = new Profiler(spec, threads).run(dir.resolve("out"), ProfileListener.NONE);
    counters.points += s.results().size();
    counters.sharedSchedules += s.sharedSchedules();
    counters.cacheHits += s.cacheHits();
    counters.cacheLookups += s.cacheHits() + s.cacheMisses();
    return s.front().size();
  }
}
