package org.tessel.sim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * SCALE-Sim v2's own golden tests ({@code golden_reports.csv}): GEMM 256x128x256 on 32x32 with USER
 * bandwidth 10 per dataflow, and AlexNet Conv1 WS with CALC bandwidth.
 */
final class ScaleSimGoldenTest {
  @Test
  void goldenCycles() throws IOException {
    List<String> rows =
        Files.readAllLines(Shared.validationDir().resolve("scalesim/golden_reports.csv"));
    int checked = 0;
    for (String row : rows.subList(1, rows.size())) {
      List<String> c = Csv.split(row);
      String mode = c.get(5);
      String dataflow = c.get(6);
      String workload = c.get(7);
      long total = Long.parseLong(c.get(9));
      long stall = Long.parseLong(c.get(10));
      Layer layer =
          workload.startsWith("GEMM")
              ? Layer.gemm("gemm", 256, 128, 256)
              : Layer.scaleSimConv("Conv1", 224, 224, 11, 11, 3, 96, 4);
      HardwareSpec hw =
          new HardwareSpec(
              "golden",
              new ArraySpec(32, 32),
              new SramSpec(64, 64, 64, 1, 1),
              new DramSpec(BandwidthMode.valueOf(mode), Integer.parseInt(c.get(4))),
              DataflowKind.find(dataflow).orElseThrow(),
              200);
      LayerResult r = Simulation.run(Network.chain("g", List.of(layer)), hw, 1).layers().get(0);
      // the compute part is exact in both modes: SCALE-Sim's total minus its stalls
      assertEquals(total - stall, r.computeCycles() - 1, row);
      if (hw.dram().mode() == BandwidthMode.CALC) {
        assertEquals(total, r.cycles() - 1, row);
        assertEquals(stall, r.stallCycles(), row);
      }
      checked++;
    }
    assertEquals(4, checked);
  }

  /** Splits one CSV line with double-quoted cells. */
  static final class Csv {
    static List<String> split(String line) {
      List<String> out = new java.util.ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (ch == '"') {
          quoted = !quoted;
        } else if (ch == ',' && !quoted) {
          out.add(cur.toString());
          cur.setLength(0);
        } else {
          cur.append(ch);
        }
      }
      out.add(cur.toString());
      return out;
    }
  }
}
