package org.tessel.bench;

import java.nio.file.Path;
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
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.LayerScheduler;
import org.tessel.sched.NetworkScheduler;
import org.tessel.sched.Objective;
import org.tessel.sched.Schedule;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.workload.Network;

/**
 * Scheduling a whole network from a cold cache: every candidate of every layer shape enumerated,
 * pruned and simulated, and the network optimum with reconfiguration, as {@code tessel schedule -t
 * traces/networks/NETWORK.yaml --hw HW --threads T} does (minus reading files). The score is
 * milliseconds per schedule. Networks come from {@code traces/networks} under the working directory
 * (run from the repository root).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ScheduleBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScheduleBenchmark {
  /** A network of traces/networks. */
  @Param({"resnet50"})
  String network;

  /** A hardware preset. */
  @Param({"default", "eyeriss"})
  String hardware;

  /** Threads evaluating distinct layer shapes. */
  @Param({"1", "2"})
  int threads;

  private Network net;
  private HardwareSpec hw;

  @Setup(Level.Trial)
  public void setup() {
    net =
        Inputs.network(Path.of("traces", "networks", network + ".yaml"), TopologyReader.Mode.CONV);
    hw = HardwareReader.preset(hardware);
  }

  @Benchmark
  public long scheduleColdCache() {
    NetworkScheduler s =
        new NetworkScheduler(
            new LayerScheduler(
                hw, Objective.CYCLES, CandidateSpace.dataflows(hw), new EvaluationCache()),
            threads);
    Schedule schedule = s.schedule(net, 1);
    return schedule.cycles();
  }
}
