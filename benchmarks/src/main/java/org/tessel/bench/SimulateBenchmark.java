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
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.workload.Network;

/**
 * Whole-network simulation: ResNet-18 (21 layers, SCALE-Sim's topology) on a 32x32 array, per
 * dataflow, with CALC bandwidth (bandwidth 0) and USER bandwidth of 10 words per cycle, on Tessel's
 * tile memory model and on SCALE-Sim's (which writes SCALE-Sim's reports). The score is
 * whole-network simulations per second; the auxiliary counters are simulated cycles and engine
 * events per second.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SimulateBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulateBenchmark {
  @Param({"os", "ws", "is"})
  String dataflow;

  @Param({"0", "10"})
  int bandwidth;

  @Param({"tiles", "scalesim"})
  String memoryModel;

  private Network network;
  private Simulation simulation;

  @Setup(Level.Trial)
  public void setup() {
    network = Fixtures.resnet18ScaleSim();
    HardwareSpec hw =
        Fixtures.array(32, 32, DataflowKind.find(dataflow).orElseThrow(), bandwidth)
            .withMemoryModel(MemoryModel.valueOf(memoryModel.toUpperCase(java.util.Locale.ROOT)));
    simulation = new Simulation(hw);
  }

  @Benchmark
  public long resnet18(Simulated counters) {
    SimResult r = simulation.simulate(network, 1);
    counters.add(r);
    return r.cycles();
  }
}
