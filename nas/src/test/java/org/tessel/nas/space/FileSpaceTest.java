package org.tessel.nas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Network;

final class FileSpaceTest {
  static final String TINY =
      """
      # a tiny space
      name: tiny
      input: {height: 32, width: 32, channels: 3}
      layers:
        - {name: c1, type: conv, filters: [16, 32], kernel: [3, 5], pad: same}
        - {name: c2, type: [conv, skip], filters: 32, kernel: 3, pad: same}
        - {name: c3, type: conv, filters: 32, kernel: 3, pad: same, stride: [1, 2]}
        - {name: gap, type: globalavgpool}
        - {name: fc, type: fc, outputs: 10}
      """;

  @TempDir Path tmp;

  private Path file(String text) throws IOException {
    Path f = tmp.resolve("space.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void concatAndMul_choicesOfWidth() throws IOException {
    // squeeze-excitation gate and a concatenation whose width is a gene
    FileSpace s =
        FileSpaceReader.read(
            file(
                String.join(
                    "\n",
                    "name: se",
                    "input: {height: 8, width: 8, channels: 16}",
                    "layers:",
                    "  - {name: c1, type: conv, filters: [16, 32], kernel: 3, pad: 1}",
                    "  - {name: gap, type: globalavgpool}",
                    "  - {name: fc, type: fc, outputs: 16}",
                    "  - {name: gate, type: mul, inputs: [c1, fc]}",
                    "  - {name: side, type: conv, filters: 8, kernel: 1, inputs: [c1]}",
                    "  - {name: cat, type: concat, inputs: [gate, side]}",
                    "")));
    assertEquals(2, s.size());
    Network n = s.network(s.parseArch("c1.filters=32"));
    assertEquals(org.tessel.sim.workload.LayerKind.MUL, n.layer("gate").kind());
    assertEquals(8 * 8 * 32, n.layer("gate").outputWords());
    assertEquals(32 + 8, n.layer("cat").outC());
    assertEquals(2, n.inputsOf(n.layer("cat")).size());
  }

  @Test
  void choices_becomeGenes_inFileOrder() throws IOException {
    FileSpace s = FileSpaceReader.read(file(TINY));
    assertEquals("tiny", s.name());
    assertEquals(16, s.size());
    Set<String> archs = new HashSet<>();
    for (long i = 0; i < s.size(); i++) {
      Genome g = s.genome(i);
      String arch = s.archString(g);
      archs.add(arch);
      assertEquals(g, s.parseArch(arch));
      assertEquals(i, s.index(g));
    }
    assertEquals(16, archs.size());
    assertEquals("c1.filters=16;c1.kernel=3;c2.type=conv;c3.stride=1", s.archString(s.genome(0)));
    Network n = s.network(s.parseArch("c1.filters=32;c1.kernel=5;c2.type=skip;c3.stride=2"));
    assertNull(n.layer("c2"));
    assertEquals(32, n.layer("c3").inC());
    assertEquals(2, n.layer("c1").padH());
    assertEquals(16, n.layer("c3").outH());
  }

  @Test
  void mistakes_nameFileLineAndField() throws IOException {
    String bad = TINY.replace("type: [conv, skip]", "type: [conv, sepconv]");
    ConfigException e = assertThrows(ConfigException.class, () -> FileSpaceReader.read(file(bad)));
    assertEquals(
        tmp.resolve("space.yaml")
            + ":6: c2.type: unknown type 'sepconv' (expected"
            + " add|avgpool|concat|conv|dwconv|fc|globalavgpool|maxpool|mul|skip)",
        e.getMessage());
    e =
        assertThrows(
            ConfigException.class,
            () -> FileSpaceReader.read(file(TINY.replace("kernel: [3, 5]", "kernal: [3, 5]"))));
    assertEquals(
        tmp.resolve("space.yaml")
            + ":5: layers.kernal: unknown key; expected one of"
            + " filters, groups, inputs, kernel, name, outputs, pad, stride, type",
        e.getMessage());
    e =
        assertThrows(
            ConfigException.class,
            () ->
                FileSpaceReader.read(
                    file(
                        TINY.replace("type: globalavgpool}", "type: globalavgpool, inputs: c9}"))));
    assertEquals(
        tmp.resolve("space.yaml")
            + ":8: layers: layer gap: input 'c9' is not a layer"
            + " defined above",
        e.getMessage());
  }

  @Test
  void parseArch_rejectsUnknownValues() throws IOException {
    FileSpace s = FileSpaceReader.read(file(TINY));
    assertEquals(
        "unknown value '7' for c1.kernel (expected 3|5)",
        assertThrows(
                IllegalArgumentException.class,
                () -> s.parseArch("c1.filters=16;c1.kernel=7;c2.type=conv;c3.stride=1"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.parseArch("c1.filters=16"));
  }
}
