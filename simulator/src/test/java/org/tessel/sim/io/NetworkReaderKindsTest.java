package org.tessel.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.Simulation;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;
import org.tessel.sim.workload.Network;

/**
 * The layer kinds and keys ONNX models need (concat, mul, matmul, pads, dilation, per-layer input
 * shapes, {@code $input}), read from a network file, with shapes and costs derived by hand.
 */
final class NetworkReaderKindsTest {
  @TempDir Path dir;

  private Network read(String text) throws IOException {
    Path p = dir.resolve("net.yaml");
    Files.writeString(p, text);
    return NetworkReader.read(p);
  }

  @Test
  void newKindsAndKeys() throws IOException {
    Network n =
        read(
            """
        name: kinds
        input: {height: 16, width: 16, channels: 8}
        layers:
          - {name: dil, type: conv, filters: 8, kernel: 3, dilation: 2, pads: [2, 2, 2, 2]}
          - {name: asym, type: conv, filters: 4, kernel: 2, strideH: 2, strideW: 1, pads: [0, 1, 1, 0], inputs: [dil]}
          - {name: gate, type: mul, inputs: [dil, $input]}
          - {name: cat, type: concat, inputs: [dil, gate]}
          - {name: scale, type: mul, inputs: [cat]}
          - {name: scores, type: matmul, m: 16, n: 16, k: 32, heads: 4, inputs: [cat, cat]}
          - {name: tokens, type: fc, outputs: 10, inputs: [cat], input: {height: 1, width: 1, channels: 4096}}
        """);
    // dilated: 16 + 4 - (2 * 2 + 1) + 1 = 16
    Layer dil = n.layer("dil");
    assertEquals(16, dil.outH());
    assertEquals(16L * 16 * 8 * 9 * 8, dil.macs());
    // asymmetric: H (16 + 0 + 1 - 2) / 2 + 1 = 8, W (16 + 1 + 0 - 2) / 1 + 1 = 16
    Layer asym = n.layer("asym");
    assertEquals(8, asym.outH());
    assertEquals(16, asym.outW());
    assertEquals(0, asym.padH());
    assertEquals(1, asym.padW());
    assertEquals(LayerKind.MUL, n.layer("gate").kind());
    assertEquals(List.of(dil), n.inputsOf(n.layer("gate")));
    Layer cat = n.layer("cat");
    assertEquals(16, cat.outC());
    Layer scores = n.layer("scores");
    assertEquals(4L * 16 * 16 * 32, scores.macs());
    assertEquals(4096, n.layer("tokens").inC());
    // vector costs on a 32-column array at batch 1: concat 16*16*16 copies = 4096 ops -> 128
    // cycles; mul of two inputs one op per output (2048 -> 64); one-input mul (a scale) likewise
    SimResult r = Simulation.run(n, HardwareReader.preset("default"), 1);
    assertEquals(32, HardwareReader.preset("default").array().cols());
    assertEquals(128, r.layers().get(3).cycles());
    assertEquals(64, r.layers().get(2).cycles());
    assertEquals(128, r.layers().get(4).cycles());
  }

  @Test
  void mistakesInTheNewKeys() throws IOException {
    String head = "name: t\ninput: {height: 8, width: 8, channels: 3}\nlayers:\n";
    ConfigException pads =
        assertThrows(
            ConfigException.class,
            () -> read(head + "  - {name: c, type: conv, filters: 4, pads: [1, 1, 1]}\n"));
    assertTrue(
        pads.getMessage().contains("layers[0].pads: expected [top, left, bottom, right]"),
        pads.getMessage());
    ConfigException cat =
        assertThrows(
            ConfigException.class,
            () ->
                read(
                    head
                        + "  - {name: a, type: conv, filters: 4}\n"
                        + "  - {name: b, type: conv, filters: 4, stride: 2, inputs: [a]}\n"
                        + "  - {name: c, type: concat, inputs: [a, b]}\n"));
    assertTrue(cat.getMessage().contains("inputs must agree in all but one"), cat.getMessage());
    ConfigException dollar =
        assertThrows(
            ConfigException.class, () -> read(head + "  - {name: $x, type: conv, filters: 4}\n"));
    assertTrue(dollar.getMessage().contains("may not start with '$'"), dollar.getMessage());
  }
}
