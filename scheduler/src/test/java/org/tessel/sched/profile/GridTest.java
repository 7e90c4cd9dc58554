package org.tessel.sched.profile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tessel.sim.config.ConfigException;

/** Sweep options: lists, ranges, factors, their canonical values, and what is refused. */
final class GridTest {
  private static List<String> values(String option) {
    Grid g = new Grid.Builder().sweep(option).build();
    List<String> out = new ArrayList<>();
    for (Point p : g.points()) {
      out.add(p.values().get(0));
    }
    return out;
  }

  private static String error(String... options) {
    Grid.Builder b = new Grid.Builder();
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> {
              for (String o : options) {
                b.sweep(o);
              }
            });
    return e.getMessage();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "array.rows=8,16,32             | 8 16 32",
        "array.rows=8:32:8              | 8 16 24 32",
        "array.rows=8:30:8              | 8 16 24",
        "array.rows=1:4                 | 1 2 3 4",
        "array.size=8:64:*2             | 8 16 32 64",
        "array.size=8:100:*2            | 8 16 32 64",
        "array.rows=4, 8:16:4           | 4 8 12 16",
        "sram.eachKiB=32,064            | 32 64",
        "clockMHz=100:400:*1.5          | 100 150 225 337.5",
        "energy.dramPj=0.5:1.5:0.5      | 0.5 1 1.5",
        "dram.mode=USER,calc            | user calc",
        "noc.multicast=false,true       | false true",
        "reconfig.configBits=0:2048:1024 | 0 1024 2048",
        "array.rows=16:16:4             | 16",
        "noc.ifmapBytesPerCycle=2:8:*2  | 2 4 8",
        "dram.linkClockMHz=60,120.0     | 60 120",
        "dram.rlcZeroFraction=0.25:0.75:0.25 | 0.25 0.5 0.75",
        "mapping.minUtilisation=0.5,1   | 0.5 1",
        "mapping.search=CHIP,best       | chip best",
      })
  void sweep_givesCanonicalValuesInOrder(String option, String expected) {
    assertEquals(List.of(expected.split(" ")), values(option), option);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "array.rows=32:8:8       | --sweep: array.rows: reversed range '32:8:8': start 32 > stop 8",
        "array.rows=             | --sweep: array.rows: no values",
        "array.rows=8,,16        | --sweep: array.rows: empty value in '8,,16'",
        "array.rows=8:32:0       | --sweep: array.rows: step must be > 0 in '8:32:0', was 0",
        "array.rows=8:32:-8      | --sweep: array.rows: step must be > 0",
        "array.size=8:64:*1      | --sweep: array.size: factor must be > 1 in '8:64:*1', was 1",
        "reconfig.configBits=0:8:*2 | --sweep: reconfig.configBits: a factor range must start above 0",
        "array.rows=8:32:2.5     | --sweep: array.rows: expected a whole number (digits only, no exponent or decimal point), was '2.5' in '8:32:2.5'",
        "sram.eachKiB=32.0       | --sweep: sram.eachKiB: expected a whole number (digits only, no exponent or decimal point), was '32.0'",
        "array.size=1e9          | --sweep: array.size: expected a whole number (digits only, no exponent or decimal point), was '1e9'",
        "array.size=100000       | --sweep: array.size: must be <= 65536, '100000' gives 100000",
        "clockMHz=1e999          | --sweep: clockMHz: not a number: '1e999'",
        "array.rows=0:32:8       | --sweep: array.rows: must be >= 1, '0:32:8' gives 0",
        "array.rows=8,16,8       | --sweep: array.rows: value 8 given twice",
        "array.rows=eight        | --sweep: array.rows: expected a whole number (digits only, no exponent or decimal point), was 'eight'",
        "clockMHz=fast           | --sweep: clockMHz: not a number: 'fast'",
        "clockMHz=0,100          | --sweep: clockMHz: must be > 0, '0' gives 0",
        "clockMHz=100:200        | --sweep: clockMHz: range '100:200' needs a step",
        "dram.rlcZeroFraction=0.5,1 | --sweep: dram.rlcZeroFraction: must be below 1, '1' gives 1",
        "dram.rlcZeroFraction=0  | --sweep: dram.rlcZeroFraction: must be > 0, '0' gives 0",
        "mapping.minUtilisation=1.5 | --sweep: mapping.minUtilisation: must be <= 1, '1.5' gives 1.5",
        "noc.psumOutBytesPerCycle=0 | --sweep: noc.psumOutBytesPerCycle: must be >= 1, '0' gives 0",
        "mapping.search=fast     | --sweep: mapping.search: expected best or chip, was 'fast'",
        "dram.mode=fast          | --sweep: dram.mode: expected calc or user or link, was 'fast'",
        "array.row=8             | --sweep: unknown parameter 'array.row' (did you mean 'array.rows'?)",
        "array.rows              | --sweep: expected NAME=VALUES, was 'array.rows'",
        "array.rows=1:3:1:1      | --sweep: array.rows: expected start:stop:step or start:stop:*factor",
      })
  void sweep_refusesBadValues_withOneLine(String option, String expected) {
    String msg = error(option);
    assertTrue(msg.startsWith(expected), () -> option + " -> " + msg);
    assertTrue(!msg.contains("\n"), msg);
  }

  @Test
  void sweep_refusesAFieldSetTwice_namingBoth() {
    assertAll(
        () ->
            assertEquals(
                "--sweep: array.rows: also set by array.size (--sweep)",
                error("array.size=8", "array.rows=8")),
        () ->
            assertEquals(
                "--sweep: sram.eachKiB: also set by sram.ifmapKiB (--sweep)"
                    + " (sram.eachKiB sets sram.ifmapKiB)",
                error("sram.ifmapKiB=8", "sram.eachKiB=8")),
        () -> assertTrue(error("array.rows=8", "array.rows=16").contains("also set by")));
  }

  @Test
  void sweep_refusesGridsAboveTheLimit() {
    String msg = error("array.rows=1:1000", "array.cols=1:1000");
    assertTrue(msg.contains("the grid would have 1000000 points, more than 100000"), msg);
  }

  @Test
  void points_runFirstAxisOutermost_inGridOrder() {
    Grid g =
        new Grid.Builder()
            .sweep("array.size=8,16")
            .sweep("dram.mode=calc,user")
            .sweep("clockMHz=100,200")
            .build();
    List<String> labels = new ArrayList<>();
    for (Point p : g.points()) {
      labels.add(p.index() + " " + p.label());
    }
    assertEquals(
        List.of(
            "0 array.size=8 dram.mode=calc clockMHz=100",
            "1 array.size=8 dram.mode=calc clockMHz=200",
            "2 array.size=8 dram.mode=user clockMHz=100",
            "3 array.size=8 dram.mode=user clockMHz=200",
            "4 array.size=16 dram.mode=calc clockMHz=100",
            "5 array.size=16 dram.mode=calc clockMHz=200",
            "6 array.size=16 dram.mode=user clockMHz=100",
            "7 array.size=16 dram.mode=user clockMHz=200"),
        labels);
    assertEquals(8, g.size());
  }

  @Test
  void emptyGrid_isOnePoint_theBaseHardware() {
    Grid g = new Grid.Builder().build();
    assertEquals(1, g.size());
    assertEquals("", g.points().get(0).label());
  }

  @Test
  void paramNames_areTheHardwareFormatsDottedNames() {
    List<String> names = Param.names();
    for (String n :
        List.of(
            "array.rows",
            "array.cols",
            "array.size",
            "sram.ifmapKiB",
            "sram.eachKiB",
            "dram.bandwidthWordsPerCycle",
            "noc.linkBytesPerCycle",
            "scratchpad.filterWords",
            "glb.banks",
            "clockMHz",
            "energy.dramPj",
            "dram.linkBits",
            "dram.linkClockMHz",
            "dram.rlcZeroFraction",
            "noc.ifmapBytesPerCycle",
            "noc.filterBytesPerCycle",
            "noc.psumInBytesPerCycle",
            "noc.psumOutBytesPerCycle",
            "mapping.search",
            "mapping.minUtilisation")) {
      assertTrue(names.contains(n), n);
    }
  }
}
