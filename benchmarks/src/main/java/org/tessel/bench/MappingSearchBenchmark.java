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
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MappingSearchSpec;
import org.tessel.sim.dataflow.rs.RsLayerMapping;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.workload.Layer;

/**
 * The row-stationary mapping search of one AlexNet layer (the Eyeriss papers' shapes, batch 4) on
 * the {@code eyeriss} preset, with the chip's rule ({@code mapping.search: chip}, the preset's) and
 * with the best-mapping search ({@code best}): what the scheduler, NAS and profile paths pay per
 * layer. Each operation enumerates every legal mapping again (nothing is memoised across
 * operations; the compiled network is built once per trial).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MappingSearchBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MappingSearchBenchmark {
  /** Which rule. */
  @Param({"chip", "best"})
  String rule;

  /** Which layer of AlexNet CONV1-5. */
  @Param({"0", "1", "2", "3", "4"})
  int layer;

  private Layer shape;
  private MappingContext context;

  @Setup(Level.Trial)
  public void setup() {
    HardwareSpec preset = HardwareReader.preset("eyeriss");
    HardwareSpec hw =
        rule.equals("chip")
            ? preset
            : preset.withCgra(preset.cgra().withMapping(MappingSearchSpec.BEST));
    shape = Fixtures.alexnetEyerissConv().layers().get(layer);
    context = new Simulation(hw).mappingContext();
  }

  @Benchmark
  public RsLayerMapping search() {
    return RsLayerMapping.search(shape, EyerissBenchmark.BATCH, context).orElseThrow();
  }
}
