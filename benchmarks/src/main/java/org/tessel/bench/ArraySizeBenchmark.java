package org.tessel.bench;

import java.util.concurrent.TimeUnit;
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
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.workload.Network;

/**
 * Cost against the array's size: ResNet-18 (SCALE-Sim's 21 layers) simulated from scratch (a new
 * {@code Simulation}: the network compiled, every layer mapped and run) and scheduled from a cold
 * cache on one thread, on the {@code default} preset with a {@code side x side} array and nothing
 * else changed. Score: milliseconds per operation. Plot and figures: {@code docs/performance.md}
 * ({@link ScalingPlot}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ArraySizeBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ArraySizeBenchmark {
  /** Rows and columns of the array. */
  @Param({"8", "16", "32", "64", "128", "256", "512"})
  int side;

  private HardwareSpec hw;
  private Network net;

  @Setup(Level.Trial)
  public void setup() {
    hw = ScalingFixtures.defaultWithSide(side);
    net = Fixtures.resnet18ScaleSim();
  }

  @Benchmark
  public long simulate() {
    return ScalingFixtures.simulate(hw, net);
  }

  @Benchmark
  public long schedule() {
    return ScalingFixtures.schedule(hw, net);
  }
}
