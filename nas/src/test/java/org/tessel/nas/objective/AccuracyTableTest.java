package org.tessel.nas.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.nas.space.Nb201Space;
import org.tessel.nas.space.SearchSpace;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.testing.Shared;

/** A complete table reads; every mistake is one line with file, line and column. */
final class AccuracyTableTest {
  private static final SearchSpace SPACE =
      new Nb201Space(Nb201Space.Liveness.ALL_OPS, "nasbench201");

  @TempDir Path tmp;
  private List<String> rows;

  /** A made-up table over the whole space: accuracy = index / 200. */
  @BeforeEach
  void fullTable() {
    rows = new ArrayList<>();
    rows.add("arch_index,arch_str,my_acc");
    for (int i = 0; i < SPACE.size(); i++) {
      rows.add(i + "," + SPACE.archString(SPACE.genome(i)) + "," + (i / 200.0));
    }
  }

  private String error(List<String> lines, String column) throws IOException {
    Path f = tmp.resolve("t.csv");
    Files.write(f, lines);
    return assertThrows(ConfigException.class, () -> AccuracyTable.read(f, SPACE, column))
        .getMessage()
        .replace(f.toString(), "t.csv");
  }

  @Test
  void complete_readsByArchAndIndex() throws IOException {
    Path f = tmp.resolve("t.csv");
    Files.write(f, rows);
    AccuracyTable t = AccuracyTable.read(f, SPACE, null);
    assertEquals("my_acc", t.column());
    assertEquals(15_625, t.size());
    assertEquals(12.34, t.accuracy(SPACE.genome(2468), SPACE), 1e-12);
    rows.replaceAll(r -> r.substring(r.indexOf(',') + 1));
    Files.write(f, rows);
    assertEquals(0.5, AccuracyTable.read(f, SPACE, "my_acc").accuracy(SPACE.genome(100), SPACE));
  }

  @Test
  void missingArch_namesTheFirstAndTheCount() throws IOException {
    rows.remove(4);
    rows.remove(8);
    assertEquals(
        "t.csv: arch_str: 2 of the space's 15625 archs are missing, the first "
            + SPACE.archString(SPACE.genome(3))
            + " (index 3)",
        error(rows, null));
  }

  @Test
  void duplicateArch_namesBothLines() throws IOException {
    rows.set(10, rows.get(10).replaceFirst("^9,", "3,"));
    rows.set(10, "3," + SPACE.archString(SPACE.genome(3)) + ",0.1");
    assertEquals(
        "t.csv:11: arch_str: duplicate: the same arch as line 5 ("
            + SPACE.archString(SPACE.genome(3))
            + ")",
        error(rows, null));
  }

  @Test
  void unknownOp_isOneLine() throws IOException {
    rows.set(3, rows.get(3).replace("nor_conv_3x3", "sep_conv_5x5"));
    assertEquals(
        "t.csv:4: arch_str: unknown op 'sep_conv_5x5' (expected avg_pool_3x3|none|"
            + "nor_conv_1x1|nor_conv_3x3|skip_connect)",
        error(rows, null));
  }

  @Test
  void otherMistakes_areOneLineEach() throws IOException {
    List<String> r = new ArrayList<>(rows);
    r.set(2, "1," + SPACE.archString(SPACE.genome(5)) + ",0.5");
    assertEquals(
        "t.csv:3: arch_index: 1 does not match the arch string, which is index 5 of"
            + " nasbench201",
        error(r, null));
    r = new ArrayList<>(rows);
    r.set(2, r.get(2).replaceAll(",[^,]*$", ",n/a"));
    assertEquals("t.csv:3: my_acc: not a number: 'n/a'", error(r, null));
    r = new ArrayList<>(rows);
    r.set(2, "1,2");
    assertEquals("t.csv:3: expected 3 fields as in the header, found 2", error(r, null));
    assertEquals(
        "t.csv:1: header: no column 'top1' (columns: arch_index,arch_str,my_acc)",
        error(rows, "top1"));
    assertEquals(
        "t.csv:1: header: no arch column: expected one of arch_str|arch|arch_string or"
            + " arch_index|index",
        error(List.of("name,acc", "x,1"), null));
    assertEquals("t.csv:1: the file is empty (expected a header line)", error(List.of(), null));
  }

  @Test
  void quotedFields_areTrimmedText_andNeverNumbers() throws IOException {
    Path f = tmp.resolve("t.csv");
    List<String> r = new ArrayList<>(rows);
    r.set(0, "arch_index, \"arch_str\" ,my_acc");
    r.set(3, "2, \" " + SPACE.archString(SPACE.genome(2)) + " \" ,0.75");
    Files.write(f, r);
    assertEquals(0.75, AccuracyTable.read(f, SPACE, null).accuracy(SPACE.genome(2), SPACE));
    r.set(3, "2," + SPACE.archString(SPACE.genome(2)) + ",\"0.75\"");
    assertEquals(
        "t.csv:4: my_acc: expected a number, found the quoted text \"0.75\" (write numbers"
            + " without quotes)",
        error(r, null));
    r.set(3, "\"2\"," + SPACE.archString(SPACE.genome(2)) + ",0.75");
    assertEquals(
        "t.csv:4: arch_index: expected a number, found the quoted text \"2\" (write numbers"
            + " without quotes)",
        error(r, null));
    r.set(3, "2,\"" + SPACE.archString(SPACE.genome(2)) + ",0.75");
    assertEquals("t.csv:4: quote not closed", error(r, null));
  }

  @Test
  void sharedNasBench201Table_readsWhole() {
    Path csv =
        Shared.validationDir().resolve("nasbench201/nb201_accuracy_and_hwnasbench_latency.csv");
    AccuracyTable t = AccuracyTable.read(csv, SPACE, null);
    assertEquals("cifar10_test_acc", t.column());
    assertEquals(85.86333333333334, t.accuracy(SPACE.genome(0), SPACE), 1e-9);
    AccuracyTable lat = AccuracyTable.read(csv, SPACE, "eyeriss_latency_ms_cifar10");
    assertEquals(3.645620000000001, lat.accuracy(SPACE.genome(0), SPACE), 1e-12);
  }
}
