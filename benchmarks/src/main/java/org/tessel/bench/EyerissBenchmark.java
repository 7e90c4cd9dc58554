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
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.workload.Network;

/**
 * AlexNet CONV1-5 (the Eyeriss papers' shapes, {@link Fixtures#alexnetEyerissConv()}) at batch 4 on
 * the {@code eyeriss} preset (12x14 PEs, row stationary, loaded from the simulator jar), as {@code
 * EyerissAlexNetTest} runs it. The score is whole-network simulations per second; the auxiliary
 * counters are engine events and simulated cycles per second.
 *
 * <p>Every operation does the whole work: the mapping search of all five layers, their pass timing
 * and the event-driven run. A simulation maps each layer once (the mapping gives both its
 * configuration and what runs) and keeps no mapping between operations. {@code fresh} builds a new
 * {@link Simulation} per operation, which also rebuilds the X/Y-bus network graph and its compiled
 * routes; {@code reused} keeps one {@link Simulation}, whose compiled network is then the only
 * thing reused.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EyerissBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EyerissBenchmark {
  /** AlexNet batch of Table V of the JSSC paper. */
  static final int BATCH = 4;

  /** {@code fresh}: a new Simulation per operation; {@code reused}: one per trial. */
  @Param({"fresh", "reused"})
  String simulation;

  private Network network;
  private HardwareSpec hw;
  private Simulation reused;

  @Setup(Level.Trial)
  public void setup() {
    network = Fixtures.alexnetEyerissConv();
    hw = HardwareReader.preset("eyeriss");
    if (hw.dataflow() != DataflowKind.RS) {
      throw new IllegalStateException("the eyeriss preset is not row stationary");
    }
    reused = new Simulation(hw);
  }

  @Benchmark
  public long alexnetConv(Simulated counters) {
    Simulation s = "fresh".equals(simulation) ? new Simulation(hw) : reused;
    SimResult r = s.simulate(network, BATCH);
    counters.add(r);
    return r.cycles();
  }
}
