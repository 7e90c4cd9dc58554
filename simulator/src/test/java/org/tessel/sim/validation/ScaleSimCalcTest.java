package org.tessel.sim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.ScaleSimConfigReader;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Network;

/**
 * Every CALC case SCALE-Sim v2 produced: Total Cycles per layer equal, exactly. The {@code .cfg}
 * reader selects the SCALE-Sim memory model; {@link ScaleSimReportsTest} compares every column.
 */
final class ScaleSimCalcTest {
  static Stream<String> cases() throws IOException {
    Path v = Shared.validationDirOrNull();
    if (v == null) {
      return Stream.of("(no ../shared)");
    }
    List<String> out = new ArrayList<>();
    try (var s = Files.list(v.resolve("scalesim/cases"))) {
      s.sorted().forEach(p -> out.add(p.getFileName().toString()));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void totalCycles_equalScaleSim(String name) throws IOException {
    Path dir = Shared.validationDir().resolve("scalesim/cases").resolve(name);
    HardwareSpec hw = ScaleSimConfigReader.read(dir.resolve("scale.cfg"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        hw.dram().mode() == BandwidthMode.CALC, "USER bandwidth: see ScaleSimUserTest");
    String topo = Files.readString(dir.resolve("topology")).strip();
    TopologyReader.Mode mode =
        Files.readString(dir.resolve("mode")).strip().equals("gemm")
            ? TopologyReader.Mode.GEMM
            : TopologyReader.Mode.CONV;
    Network net = TopologyReader.read(dir.resolve("../../topologies/" + topo + ".csv"), mode);
    SimResult r = Simulation.run(net, hw, 1);
    List<String> rows = Files.readAllLines(dir.resolve("COMPUTE_REPORT.csv"));
    assertEquals(rows.size() - 1, r.layers().size(), "layers");
    for (int i = 1; i < rows.size(); i++) {
      String[] c = rows.get(i).split(",", -1);
      long expected = Long.parseLong(c[1].strip());
      long actual = r.layers().get(i - 1).cycles() - 1;
      assertEquals(expected, actual, name + " layer " + (i - 1));
    }
  }
}
