package org.tessel.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tessel.onnx.map.Importer;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;

/**
 * Every torchvision export in {@code ../shared/validation/onnx} (both exporters, BatchNorm kept,
 * training mode, dynamic batch) against the per-layer reference PyTorch's own hooks computed: every
 * convolution and linear layer, in order, with the reference's shapes, window and MACs, and the
 * model's total MACs exactly. Skipped when the data is absent.
 */
class TorchvisionReferenceTest {
  @TestFactory
  Stream<DynamicTest> everyExport() throws IOException {
    Path dir = Shared.validationDir().resolve("onnx");
    assumeTrue(Files.isDirectory(dir), "no onnx reference data");
    Map<String, Long> totals = totals(dir.resolve("models.csv"));
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f, dir, totals)));
  }

  private static void check(Path file, Path dir, Map<String, Long> totals) throws IOException {
    String model = file.getFileName().toString().split("__", -1)[0];
    Importer.Result r = OnnxImport.read(file, false, Map.of());
    List<Layer> array = new ArrayList<>();
    for (Layer l : r.network().layers()) {
      if (l.kind().usesArray()) {
        array.add(l);
      }
    }
    List<Map<String, String>> ref = new ArrayList<>();
    for (Map<String, String> row : csv(dir.resolve(model + "__layers.csv"))) {
      if (row.get("type").equals("Conv2d") || row.get("type").equals("Linear")) {
        ref.add(row);
      }
    }
    assertEquals(ref.size(), array.size(), "conv/linear layers");
    for (int i = 0; i < ref.size(); i++) {
      Map<String, String> row = ref.get(i);
      Layer l = array.get(i);
      String at =
          file.getFileName() + " layer " + i + " (" + row.get("module") + " = " + l.name() + ")";
      if (row.get("type").equals("Linear")) {
        assertEquals(LayerKind.FC, l.kind(), at);
        assertEquals(num(row, "in_c"), l.inC(), at);
        assertEquals(num(row, "out_c"), l.outC(), at);
      } else {
        assertEquals(LayerKind.CONV, l.kind(), at);
        assertEquals(num(row, "in_c"), l.inC(), at);
        assertEquals(num(row, "in_h"), l.inH(), at);
        assertEquals(num(row, "in_w"), l.inW(), at);
        assertEquals(num(row, "out_c"), l.outC(), at);
        assertEquals(num(row, "out_h"), l.outH(), at);
        assertEquals(num(row, "out_w"), l.outW(), at);
        assertEquals(num(row, "kernel_h"), l.kernelH(), at);
        assertEquals(num(row, "kernel_w"), l.kernelW(), at);
        assertEquals(num(row, "stride_h"), l.strideH(), at);
        assertEquals(num(row, "stride_w"), l.strideW(), at);
        assertEquals(num(row, "pad_h"), l.padH(), at);
        assertEquals(num(row, "pad_w"), l.padW(), at);
        assertEquals(num(row, "groups"), l.groups(), at);
      }
      assertEquals(Long.parseLong(row.get("macs")), l.macs(), at + " MACs");
    }
    assertEquals(totals.get(model), r.network().macs(), file.getFileName() + " total MACs");
  }

  private static int num(Map<String, String> row, String key) {
    return Integer.parseInt(row.get(key));
  }

  private static Map<String, Long> totals(Path models) throws IOException {
    Map<String, Long> out = new HashMap<>();
    for (Map<String, String> row : csv(models)) {
      out.put(row.get("model"), Long.parseLong(row.get("total_macs")));
    }
    return out;
  }

  /** A plain CSV (no quoted commas in the columns read here). */
  static List<Map<String, String>> csv(Path p) throws IOException {
    List<String> lines = Files.readAllLines(p);
    String[] head = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < head.length && i < cells.length; i++) {
        row.put(head[i], cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }
}
