package org.tessel.cli.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tessel.sim.config.ConfigException;

/**
 * JMH's JSON result file and the table made of it, on a checked-in file JMH 1.37 wrote: {@code
 * EyerissBenchmark} (3 iterations, so with errors) and one {@code SimulateBenchmark} combination
 * with {@code -prof gc} (1 iteration: JMH writes the error as the string "NaN").
 */
final class JmhResultsTest {
  static String fixture() throws IOException {
    try (InputStream in = JmhResultsTest.class.getResourceAsStream("jmh-result.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void fixture_threeResults_paramsScoresErrorsCounters() throws IOException {
    List<JmhResult> rs = JmhResults.parse(fixture(), "jmh-result.json");
    JmhResult fresh = rs.get(0);
    JmhResult sim = rs.get(2);
    assertAll(
        () -> assertEquals(3, rs.size()),
        () -> assertEquals("org.tessel.bench.EyerissBenchmark.alexnetConv", fresh.benchmark()),
        () -> assertEquals("EyerissBenchmark.alexnetConv", fresh.shortName()),
        () -> assertEquals("thrpt", fresh.mode()),
        () -> assertEquals(1, fresh.threads()),
        () -> assertEquals(1, fresh.forks()),
        () -> assertEquals(Map.of("simulation", "fresh"), fresh.params()),
        () -> assertEquals(15.492980303785302, fresh.primary().score()),
        () -> assertEquals(111.35092811591491, fresh.primary().error()),
        () -> assertEquals("ops/s", fresh.primary().unit()),
        () -> assertEquals(3, fresh.primary().count()),
        () -> assertEquals(List.of("cycles", "events"), List.copyOf(fresh.secondary().keySet())),
        () -> assertEquals(3.1057566063938636E8, fresh.secondary().get("cycles").score()),
        () -> assertEquals("reused", rs.get(1).params().get("simulation")),
        () ->
            assertEquals(
                List.of("bandwidth", "dataflow", "memoryModel"),
                List.copyOf(sim.params().keySet())),
        () -> assertTrue(Double.isNaN(sim.primary().error())),
        () -> assertEquals(1, sim.primary().count()),
        () -> assertEquals("B/op", sim.secondary().get("gc.alloc.rate.norm").unit()),
        () -> assertEquals(0.0, sim.secondary().get("gc.count").score()));
  }

  @Test
  void table_oneLinePerResult_paramColumnsUnion_exponentPerColumn() throws IOException {
    String t = ResultTable.format(JmhResults.parse(fixture(), "jmh-result.json"));
    List<String> lines = t.lines().toList();
    String expected =
        """
        benchmark                     simulation  bandwidth  dataflow  memoryModel  mode   cnt\
          score  error  units  cycles/s  events/s  gc.alloc.rate (MB/sec)\
          gc.alloc.rate.norm (B/op)  gc.count (counts)
        EyerissBenchmark.alexnetConv  fresh                                         thrpt    3\
          15.49  111.4  ops/s   3.106e8   2.003e5
        EyerissBenchmark.alexnetConv  reused                                        thrpt    3\
          19.88  300.2  ops/s   3.986e8   2.570e5
        SimulateBenchmark.resnet18                0          os        tiles        thrpt    1 \
          1138         ops/s   1.955e9   1.069e7                   27.46                    \
          25939                  0
        """;
    assertEquals(expected, t, t);
    assertEquals(4, lines.size());
  }

  @Test
  void numbers_fourSignificantDigits_scientificOutsideMilliToMillion() {
    assertAll(
        () -> assertEquals("79.53", ResultTable.number(79.5312)),
        () -> assertEquals("4979", ResultTable.number(4979.4)),
        () -> assertEquals("0.2000", ResultTable.number(0.2)),
        () -> assertEquals("1.590e9", ResultTable.number(1.59e9)),
        () -> assertEquals("-1.000e-4", ResultTable.number(-1e-4)),
        () -> assertEquals("0", ResultTable.number(0)),
        () -> assertEquals("200293", ResultTable.number(200293.249)),
        () -> assertEquals("2.003e5", ResultTable.exponent(200293.249)),
        () -> assertEquals("cycles/s", ResultTable.secondaryHeader("cycles", "ops/s")),
        () ->
            assertEquals("gc.count (counts)", ResultTable.secondaryHeader("·gc.count", "counts")));
  }

  @Test
  void notAResultFile_isAConfigErrorNamingTheFile() {
    ConfigException a =
        assertThrows(ConfigException.class, () -> JmhResults.parse("{\"benchmark\": 1}", "r.json"));
    ConfigException b =
        assertThrows(
            ConfigException.class, () -> JmhResults.parse("[{\"benchmark\": \"x.y\"}]", "r.json"));
    ConfigException c = assertThrows(ConfigException.class, () -> JmhResults.parse("[{", "r.json"));
    assertAll(
        () ->
            assertTrue(a.getMessage().startsWith("r.json: expected a JSON array"), a.getMessage()),
        () -> assertTrue(b.getMessage().contains("result 1"), b.getMessage()),
        () -> assertTrue(c.getMessage().contains("JSON at offset"), c.getMessage()));
  }
}
