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
 * Cost against the network's length: a chain of {@code layers} layers (ResNet-18's 21 repeated)
 * simulated from scratch and scheduled from a cold cache on one thread, on the {@code default}
 * preset with a 256x256 array. Score: milliseconds per operation. Plot and figures: {@code
 * docs/performance.md} ({@link ScalingPlot}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar NetworkLengthBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NetworkLengthBenchmark {
  /** Layers in the network. */
  @Param({"10", "100", "1000", "10000"})
  int layers;

  /** Rows and columns of the array. */
  @Param({"256"})
  int side;

  private HardwareSpec hw;
  private Network net;

  @Setup(Level.Trial)
  public void setup() {
    hw = ScalingFixtures.defaultWithSide(side);
    net = ScalingFixtures.repeatedResnet18(layers);
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
