package org.tessel.sched.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.config.ConfigException;

/** Grid files: the YAML subset and CSV point lists, and errors at file:line. */
final class GridFileTest {
  @TempDir Path tmp;

  private Path write(String name, String... lines) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n");
    return p;
  }

  private static List<String> labels(Grid g) {
    List<String> out = new ArrayList<>();
    for (Point p : g.points()) {
      out.add(p.label());
    }
    return out;
  }

  @Test
  void yaml_scalarsFlowAndBlockLists_thenSweepsAfterTheFile() throws IOException {
    Path f =
        write(
            "grid.yaml",
            "# a grid",
            "array.size: 8:16:*2   # square arrays",
            "sram.eachKiB: [32, \"64\"]",
            "",
            "dram.mode:",
            "  - user",
            "  # a comment inside the list",
            "  - calc");
    Grid g = GridFile.read(f, new Grid.Builder()).sweep("clockMHz=200").build();
    assertEquals(
        List.of("array.size", "sram.eachKiB", "dram.mode", "clockMHz"),
        g.params().stream().map(Param::key).toList());
    assertEquals(8, g.size());
    assertEquals("array.size=8 sram.eachKiB=32 dram.mode=user clockMHz=200", labels(g).get(0));
    assertEquals("array.size=16 sram.eachKiB=64 dram.mode=calc clockMHz=200", labels(g).get(7));
  }

  @Test
  void yaml_errorsNameFileAndLine() throws IOException {
    Path f = write("g.yaml", "array.rows: 8:32:8", "# note", "array.cols: 32:8:8");
    ConfigException e =
        assertThrows(ConfigException.class, () -> GridFile.read(f, new Grid.Builder()));
    assertEquals(f + ":3: array.cols: reversed range '32:8:8': start 32 > stop 8", e.getMessage());
    Path g = write("h.yaml", "array.rows:", "sram.eachKiB: 8");
    assertEquals(
        g
            + ":1: array.rows: no values (expected a,b,c or start:stop:step or"
            + " start:stop:*factor)",
        assertThrows(ConfigException.class, () -> GridFile.read(g, new Grid.Builder()))
            .getMessage());
    Path h = write("i.yaml", "array:", "  rows: 8");
    assertEquals(
        h + ":2: expected 'name: values' at the start of the line or a '- value' item",
        assertThrows(ConfigException.class, () -> GridFile.read(h, new Grid.Builder()))
            .getMessage());
    Path k = write("k.yaml", "array.size: 8", "array.rows: 8");
    assertEquals(
        k + ":2: array.rows: also set by array.size (" + k + ":1)",
        assertThrows(ConfigException.class, () -> GridFile.read(k, new Grid.Builder()))
            .getMessage());
  }

  @Test
  void csv_listsPoints_asOneAxisInFileOrder() throws IOException {
    Path f =
        write(
            "points.csv",
            "# explicit points",
            "array.rows,array.cols,sram.eachKiB",
            "8,32,64",
            "16, 16, 128",
            "32,8,64");
    Grid g = GridFile.read(f, new Grid.Builder()).sweep("clockMHz=100,200").build();
    assertEquals(
        List.of(
            "array.rows=8 array.cols=32 sram.eachKiB=64 clockMHz=100",
            "array.rows=8 array.cols=32 sram.eachKiB=64 clockMHz=200",
            "array.rows=16 array.cols=16 sram.eachKiB=128 clockMHz=100",
            "array.rows=16 array.cols=16 sram.eachKiB=128 clockMHz=200",
            "array.rows=32 array.cols=8 sram.eachKiB=64 clockMHz=100",
            "array.rows=32 array.cols=8 sram.eachKiB=64 clockMHz=200"),
        labels(g));
  }

  @Test
  void csv_errorsNameFileAndLine() throws IOException {
    Path f = write("p.csv", "array.rows,array.cols", "8,8", "16");
    assertEquals(
        f + ":3: expected 2 values (array.rows,array.cols), found 1",
        assertThrows(ConfigException.class, () -> GridFile.read(f, new Grid.Builder()))
            .getMessage());
    Path g = write("q.csv", "array.rows,array.cols", "8,8", "8:16:8,8");
    assertEquals(
        g + ":3: array.rows: one value per cell, '8:16:8' gives 2",
        assertThrows(ConfigException.class, () -> GridFile.read(g, new Grid.Builder()))
            .getMessage());
    Path h = write("r.csv", "array.rows", "8", "08");
    assertEquals(
        h + ":3: same point as line 2",
        assertThrows(ConfigException.class, () -> GridFile.read(h, new Grid.Builder()))
            .getMessage());
    // one number notation (docs/inputs.md): a whole-number parameter takes digits only
    Path w = write("w.csv", "array.rows", "8", "8.0");
    assertEquals(
        w
            + ":3: array.rows: expected a whole number (digits only, no exponent or"
            + " decimal point), was '8.0'",
        assertThrows(ConfigException.class, () -> GridFile.read(w, new Grid.Builder()))
            .getMessage());
    Path k = write("s.csv", "array.rows");
    assertEquals(
        k + ":1: no points below the header",
        assertThrows(ConfigException.class, () -> GridFile.read(k, new Grid.Builder()))
            .getMessage());
    Path missing = tmp.resolve("none.yaml");
    assertEquals(
        missing + ": file not found",
        assertThrows(ConfigException.class, () -> GridFile.read(missing, new Grid.Builder()))
            .getMessage());
  }
}
