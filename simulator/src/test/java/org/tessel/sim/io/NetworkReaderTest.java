package org.tessel.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;
import org.tessel.sim.workload.Network;

/**
 * Network files with mistakes: every one is a {@link ConfigException} whose message starts with
 * {@code file:line: field: } and says what is wrong. Line numbers are 1-based lines of the file as
 * written (the text blocks below start at line 1).
 */
final class NetworkReaderTest {
  private static final String HEAD =
      """
      name: t
      input: {height: 8, width: 8, channels: 3}
      layers:
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** Reads {@code text} as a network file, expecting a mistake at {@code line} in {@code field}. */
  private ConfigException fails(String text, int line, String field, String... fragments)
      throws IOException {
    Path p = write("net.yaml", text);
    ConfigException e = assertThrows(ConfigException.class, () -> NetworkReader.read(p));
    String msg = e.getMessage();
    String prefix = p + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ");
    assertTrue(msg.startsWith(prefix), "expected '" + prefix + "...', was: " + msg);
    for (String f : fragments) {
      assertTrue(msg.contains(f), "expected '" + f + "' in: " + msg);
    }
    assertEquals(p.toString(), e.file());
    assertEquals(line, e.line(), msg);
    assertEquals(field, e.field(), msg);
    return e;
  }

  @Test
  void good_smallGraphReads() throws IOException {
    Path p =
        write(
            "ok.yaml",
            HEAD
                + """
          - {name: c1, type: conv, filters: 4, kernel: 3, pad: 1}
          - {name: c2, type: conv, filters: 4, kernelH: 3, kernelW: 1, pad: 1}
          - {name: c3, type: conv, inputs: c1, filters: 4, kernel: 1}
          - {name: sum, type: add, inputs: [c1, c3]}
          - {name: dw, type: dwconv, kernel: 3, stride: 2, pad: 1}
          - {name: gap, type: globalavgpool}
          - {name: fc, type: fc, outputs: 10}
        """);
    Network net = NetworkReader.read(p);
    assertEquals(7, net.layers().size());
    Layer c2 = net.layer("c2");
    assertEquals(
        List.of(3, 1, 8, 10),
        List.of(c2.kernelH(), c2.kernelW(), c2.outH(), c2.outW()),
        "kernelH x kernelW with pad 1 on both axes");
    Layer dw = net.layer("dw");
    assertEquals(List.of(4, 4, 4, 4), List.of(dw.outH(), dw.outW(), dw.outC(), dw.groups()));
    assertEquals(LayerKind.CONV, dw.kind());
    assertEquals(
        List.of("c1", "c3"), net.inputsOf(net.layer("sum")).stream().map(Layer::name).toList());
    assertEquals(List.of("c1"), net.inputsOf(net.layer("c3")).stream().map(Layer::name).toList());
    assertEquals(40, net.layer("fc").macs(), "fc reads the 1x1x4 pool");
  }

  @Test
  void unknownType() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            type: convolution
            filters: 4
        """,
        5,
        "layers[0].type",
        "expected one of",
        "was 'convolution'");
  }

  @Test
  void unknownKey_suggestsTheClosest() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            type: conv
            filtres: 4
            kernel: 3
        """,
        6,
        "layers[0].filtres",
        "unknown key",
        "did you mean 'filters'?");
  }

  @Test
  void unknownTopLevelKey_suggestsTheClosest() throws IOException {
    fails(
        """
        name: t
        inputs: {height: 8, width: 8, channels: 3}
        layers:
          - {name: c1, type: conv, filters: 4, kernel: 3}
        """,
        2,
        "inputs",
        "unknown key",
        "did you mean 'input'?");
  }

  @Test
  void unknownInputKey() throws IOException {
    fails(
        """
        name: t
        input:
          height: 8
          widht: 8
          channels: 3
        layers:
          - {name: c1, type: conv, filters: 4, kernel: 3}
        """,
        4,
        "input.widht",
        "unknown key",
        "did you mean 'width'?");
  }

  @Test
  void missingFilters_pointsAtTheLayer() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            type: conv
            filters: 4
            kernel: 3
          - name: c2
            type: conv
            kernel: 3
        """,
        8,
        "layers[1].filters",
        "missing (required)");
  }

  @Test
  void missingType() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            filters: 4
        """,
        4,
        "layers[0].type",
        "missing");
  }

  @Test
  void inputNotDefined() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            type: conv
            filters: 4
            kernel: 3
          - name: sum
            type: add
            inputs: [c1, c0]
        """,
        10,
        "layers[1].inputs",
        "'c0' is not a layer defined above");
  }

  @Test
  void inputDefinedBelow() throws IOException {
    fails(
        HEAD
            + """
          - {name: c1, type: conv, filters: 4, kernel: 3}
          - {name: c2, type: conv, inputs: c3, filters: 4, kernel: 3}
          - {name: c3, type: conv, filters: 4, kernel: 3}
        """,
        5,
        "layers[1].inputs",
        "'c3' is not a layer defined above");
  }

  @Test
  void addOfMismatchedShapes() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            type: conv
            filters: 4
            kernel: 3
            pad: 1
          - name: c2
            type: conv
            filters: 8
            kernel: 3
            pad: 1
          - name: sum
            type: add
            inputs: [c1, c2]
        """,
        16,
        "layers[2].inputs",
        "inputs differ in shape: 8x8x4 and 8x8x8");
  }

  @Test
  void addOfOneInput() throws IOException {
    fails(
        HEAD
            + """
          - {name: c1, type: conv, filters: 4, kernel: 3}
          - {name: sum, type: add}
        """,
        5,
        "layers[1].inputs",
        "at least two inputs");
  }

  @Test
  void kernelLargerThanInput() throws IOException {
    fails(
        """
        name: t
        input: {height: 5, width: 5, channels: 3}
        layers:
          - name: c1
            type: conv
            filters: 4
            kernel: 7
        """,
        7,
        "layers[0].kernel",
        "filter 7x7 is larger than its padded input 5x5");
  }

  @Test
  void poolWindowLargerThanInput() throws IOException {
    fails(
        HEAD
            + """
          - {name: c1, type: conv, filters: 4, kernel: 3}
          - name: p1
            type: maxpool
            kernel: 7
        """,
        7,
        "layers[1].kernel",
        "window 7 is larger than its padded input 6x6");
  }

  @Test
  void emptyLayersList() throws IOException {
    fails(
        """
        name: t
        input: {height: 8, width: 8, channels: 3}
        layers: []
        """,
        3,
        "layers",
        "no layers");
  }

  @Test
  void layersNotAList() throws IOException {
    fails(
        """
        name: t
        input: {height: 8, width: 8, channels: 3}
        layers: conv
        """,
        3,
        "layers",
        "expected a list");
  }

  @Test
  void invalidYaml_mappingValueInAPlainScalar() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            type: conv: 3
            filters: 4
        """,
        5,
        "",
        "not valid YAML",
        "mapping values are not allowed");
  }

  @Test
  void invalidYaml_badIndentation() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            type: conv
           filters: 4
        """,
        6,
        "",
        "not valid YAML");
  }

  @Test
  void emptyFile() throws IOException {
    fails("# nothing\n", 1, "", "empty");
  }

  @Test
  void notAWholeNumber() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            type: conv
            filters: four
            kernel: 3
        """,
        6,
        "layers[0].filters",
        "expected a whole number, was 'four'");
  }

  @Test
  void negativePad() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            type: conv
            filters: 4
            kernel: 3
            pad: -1
        """,
        8,
        "layers[0].pad",
        "must be >= 0, was -1");
  }

  @Test
  void duplicateLayerName() throws IOException {
    fails(
        HEAD
            + """
          - {name: c1, type: conv, filters: 4, kernel: 3}
          - {name: c1, type: conv, filters: 4, kernel: 3}
        """,
        5,
        "layers[1].name",
        "duplicate layer name 'c1'");
  }

  @Test
  void duplicateKey() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            type: conv
            filters: 4
            filters: 8
            kernel: 3
        """,
        7,
        "layers[0].filters",
        "duplicate key");
  }

  @Test
  void groupsThatDoNotDivideTheChannels() throws IOException {
    // Line and field are checked by groupsThatDoNotDivideTheChannels_namesGroups.
    Path p =
        write(
            "net.yaml",
            HEAD
                + """
          - {name: c1, type: conv, filters: 4, kernel: 3}
          - name: c2
            type: conv
            filters: 6
            kernel: 3
            groups: 4
        """);
    ConfigException e = assertThrows(ConfigException.class, () -> NetworkReader.read(p));
    assertTrue(e.getMessage().startsWith(p + ":"), e.getMessage());
    assertTrue(
        e.getMessage().contains("groups 4 must divide the output channels (filters) 6"),
        e.getMessage());
  }

  @Test
  void twoInputsToAConv() throws IOException {
    fails(
        HEAD
            + """
          - {name: c1, type: conv, filters: 4, kernel: 3}
          - {name: c2, type: conv, filters: 4, kernel: 3}
          - {name: c3, type: conv, inputs: [c1, c2], filters: 4, kernel: 1}
        """,
        6,
        "layers[2].inputs",
        "reads one input, found 2");
  }

  @Test
  void firstLayerWithoutInputShape() throws IOException {
    fails(
        """
        name: t
        layers:
          - {name: c1, type: conv, filters: 4, kernel: 3}
        """,
        3,
        "layers[0].inputs",
        "needs the network's 'input' shape");
  }

  @Test
  void fileNotFound() {
    Path p = dir.resolve("missing.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> NetworkReader.read(p));
    assertEquals(p + ": file not found", e.getMessage());
  }

  @Test
  void invalidYaml_tabIndentation() throws IOException {
    fails(HEAD + "  - name: c1\n\ttype: conv\n", 5, "", "not valid YAML", "TAB");
  }

  // Regression tests for reader bugs found and fixed: each states the correct behaviour.

  @Test
  void fcInputTooLarge_isRejected() throws IOException {
    // 65537 * 65537 * 1 = 4,295,098,369 inputs; today the reader builds an fc over 131,073.
    Path p =
        write(
            "net.yaml",
            """
        name: t
        input: {height: 65537, width: 65537, channels: 1}
        layers:
          - {name: f, type: fc, outputs: 10}
        """);
    ConfigException e = assertThrows(ConfigException.class, () -> NetworkReader.read(p));
    assertEquals(4, e.line(), e.getMessage());
  }

  @Test
  void inputNotDefined_blockList_pointsAtTheName() throws IOException {
    fails(
        HEAD
            + """
          - {name: c1, type: conv, filters: 4, kernel: 3}
          - name: sum
            type: add
            inputs:
              - c1
              - c0
        """,
        9,
        "layers[1].inputs",
        "'c0' is not a layer defined above");
  }

  @Test
  void kernelHLargerThanInput_namesKernelH() throws IOException {
    fails(
        HEAD
            + """
          - name: c1
            type: conv
            filters: 4
            kernelH: 9
            kernelW: 1
        """,
        7,
        "layers[0].kernelH",
        "larger than its padded input 8x8");
  }

  @Test
  void groupsThatDoNotDivideTheChannels_namesGroups() throws IOException {
    fails(
        HEAD
            + """
          - {name: c1, type: conv, filters: 4, kernel: 3}
          - name: c2
            type: conv
            filters: 6
            kernel: 3
            groups: 4
        """,
        9,
        "layers[1].groups",
        "must divide");
  }
}
