package org.tessel.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.tessel.nas.objective.AccuracyTable;
import org.tessel.nas.space.FileSpaceReader;
import org.tessel.nas.space.SearchSpace;
import org.tessel.nas.space.Spaces;
import org.tessel.sched.ScheduleFile;
import org.tessel.sched.profile.Grid;
import org.tessel.sched.profile.GridFile;
import org.tessel.sim.WorkLimits;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.NetworkReader;
import org.tessel.sim.io.ScaleSimConfigReader;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * One fuzz target per reader: whatever the bytes, the reader returns a value or throws a {@link
 * ConfigException} whose message is one line; anything else (another exception, a stack overflow,
 * an out-of-memory error, a hang past the timeout) is a finding. Each input is written to a file
 * and read through the public entry point, so the shared text policy (size, UTF-8, BOM, line ends)
 * is fuzzed too. Networks that parse are also sized against the hardware ({@link WorkLimits}),
 * which must refuse with a message rather than overflow.
 *
 * <p>The default build runs each target on its committed corpus in {@code
 * src/test/resources/org/tessel/fuzz/ReadersFuzzTestInputs/<target>/} (the seeds and every input
 * that once failed); {@code JAZZER_FUZZ=1} fuzzes one target (docs/inputs.md#fuzzing).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReadersFuzzTest {
  private static Path dir;
  private static HardwareSpec hardware;
  private static Network tiny;
  private static SearchSpace nb201;

  @BeforeAll
  static void setUp() throws IOException {
    dir = Files.createTempDirectory("tessel-fuzz");
    hardware = HardwareReader.preset("default");
    Path net = dir.resolve("tiny.yaml");
    Files.writeString(
        net,
        "name: tiny\ninput: {height: 8, width: 8, channels: 3}\nlayers:\n"
            + "  - {name: conv1, type: conv, filters: 4, kernel: 3, pad: 1}\n"
            + "  - {name: pool, type: globalavgpool}\n"
            + "  - {name: fc, type: fc, outputs: 10}\n");
    tiny = NetworkReader.read(net);
    nb201 = Spaces.of("nasbench201");
  }

  @AfterAll
  static void tearDown() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }

  /** Writes {@code bytes} to a file named {@code name} and reads it with {@code reader}. */
  private static void read(String name, byte[] bytes, Consumer<Path> reader) {
    Path file = dir.resolve(name);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      reader.accept(file);
    } catch (ConfigException e) {
      String m = e.getMessage();
      assertFalse(m.contains("\n") || m.contains("\r"), () -> "a message of several lines: " + m);
      assertTrue(m.startsWith(e.file()), () -> "a message that does not start with the file: " + m);
    }
  }

  private static void sized(Network n) {
    for (Layer l : n.layers()) {
      WorkLimits.problem(l, 1, hardware, Dataflows.of(hardware.dataflow()));
    }
  }

  @FuzzTest
  void networkYaml(byte[] bytes) {
    read("net.yaml", bytes, p -> sized(NetworkReader.read(p)));
  }

  @FuzzTest
  void hardwareYaml(byte[] bytes) {
    read("hw.yaml", bytes, HardwareReader::read);
  }

  @FuzzTest
  void scaleSimCfg(byte[] bytes) {
    read("scale.cfg", bytes, ScaleSimConfigReader::read);
  }

  @FuzzTest
  void topologyConvCsv(byte[] bytes) {
    read("topo.csv", bytes, p -> sized(TopologyReader.read(p, TopologyReader.Mode.CONV)));
  }

  @FuzzTest
  void topologyGemmCsv(byte[] bytes) {
    read("gemm.csv", bytes, p -> sized(TopologyReader.read(p, TopologyReader.Mode.GEMM)));
  }

  @FuzzTest
  void scheduleCsv(byte[] bytes) {
    read("SCHEDULE.csv", bytes, p -> ScheduleFile.read(p, tiny, hardware, 1));
  }

  @FuzzTest
  void gridYaml(byte[] bytes) {
    read("grid.yaml", bytes, p -> GridFile.read(p, new Grid.Builder()).build());
  }

  @FuzzTest
  void gridCsv(byte[] bytes) {
    read("grid.csv", bytes, p -> GridFile.read(p, new Grid.Builder()).build());
  }

  @FuzzTest
  void spaceYaml(byte[] bytes) {
    read("space.yaml", bytes, FileSpaceReader::read);
  }

  @FuzzTest
  void accuracyCsv(byte[] bytes) {
    read("acc.csv", bytes, p -> AccuracyTable.read(p, nb201, null));
  }
}
