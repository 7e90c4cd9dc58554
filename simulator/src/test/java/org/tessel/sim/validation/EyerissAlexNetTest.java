package org.tessel.sim.validation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Network;

/**
 * The eyeriss preset with the row-stationary dataflow against the Eyeriss chip's measured AlexNet
 * CONV1-5 processing latency (batch 4, 200 MHz; JSSC 2017 Table V, in {@code
 * ../shared/validation/eyeriss/alexnet_jssc2017_per_layer.csv}): each layer within 10 %, the total
 * within 5 %, and the active PEs equal to the paper's. Reconfiguration is not part of Table V's
 * processing latency and is left out; DRAM is fully overlapped ({@code dram.mode: calc}).
 */
final class EyerissAlexNetTest {
  private static final double LAYER_TOLERANCE = 0.10;
  private static final double TOTAL_TOLERANCE = 0.05;

  /** The reference rows by layer name ({@code CONV1} ... {@code Total}), columns by header. */
  private static Map<String, Map<String, String>> reference(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    String[] header = lines.get(0).split(",", -1);
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i].strip(), cells[i].strip());
      }
      rows.put(row.get("layer"), row);
    }
    return rows;
  }

  @Test
  void alexnet_processingLatencyWithinTenPercent_totalWithinFive_activePesEqual()
      throws IOException {
    Map<String, Map<String, String>> ref =
        reference(Shared.validationDir().resolve("eyeriss/alexnet_jssc2017_per_layer.csv"));
    Network net =
        TopologyReader.read(
            Shared.rootDir().resolve("traces/networks/" + "alexnet_eyeriss.csv"),
            TopologyReader.Mode.CONV);
    HardwareSpec hw = HardwareReader.preset("eyeriss");
    int batch = Integer.parseInt(ref.get("CONV1").get("batch"));
    SimResult r = new Simulation(hw).simulate(net, batch);

    List<Executable> checks = new ArrayList<>();
    StringBuilder table =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-6s %10s %9s %9s %7s %5s %5s%n",
                "layer",
                "cycles",
                "pred ms",
                "meas ms",
                "err %",
                "PEs",
                "paper"));
    double predicted = 0;
    double measured = 0;
    for (LayerResult l : r.layers()) {
      Map<String, String> row = ref.get(l.layer().name());
      double ms = hw.millis(l.computeCycles());
      double meas = Double.parseDouble(row.get("processing_latency_ms"));
      double err = ms / meas - 1;
      long pes = l.usedPeFoldSum() / l.folds();
      long paperPes = Long.parseLong(row.get("active_PEs"));
      predicted += ms;
      measured += meas;
      table.append(
          String.format(
              Locale.ROOT,
              "%-6s %10d %9.2f %9.2f %+7.1f %5d %5d%n",
              l.layer().name(),
              l.computeCycles(),
              ms,
              meas,
              100 * err,
              pes,
              paperPes));
      String name = l.layer().name();
      checks.add(
          () ->
              assertEquals(
                  Long.parseLong(row.get("MACs_computed_batch")), l.macs(), name + " MACs"));
      checks.add(
          () ->
              assertTrue(
                  Math.abs(err) <= LAYER_TOLERANCE,
                  String.format(
                      Locale.ROOT,
                      "%s: %.2f ms vs %.2f ms measured (%+.1f %%)",
                      name,
                      ms,
                      meas,
                      100 * err)));
      checks.add(() -> assertEquals(paperPes, pes, name + " active PEs"));
    }
    double totalErr = predicted / measured - 1;
    table.append(
        String.format(
            Locale.ROOT,
            "%-6s %10d %9.2f %9.2f %+7.1f%n",
            "Total",
            r.layers().stream().mapToLong(LayerResult::computeCycles).sum(),
            predicted,
            measured,
            100 * totalErr));
    System.out.print(table);
    double total = predicted;
    double totalMeasured = measured;
    checks.add(
        () ->
            assertEquals(
                Double.parseDouble(ref.get("Total").get("processing_latency_ms")),
                totalMeasured,
                1e-9,
                "reference total"));
    checks.add(
        () ->
            assertTrue(
                Math.abs(totalErr) <= TOTAL_TOLERANCE,
                String.format(
                    Locale.ROOT,
                    "total %.2f ms vs %.2f ms measured (%+.1f %%)",
                    total,
                    totalMeasured,
                    100 * totalErr)));
    checks.add(() -> assertEquals(5, r.layers().size()));
    assertAll(table.toString(), checks);
  }
}
