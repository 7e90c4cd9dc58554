package org.tessel.cli.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JMH command line built from the settings, and the settings' ranges. */
final class BenchSettingsTest {
  private static final String EYERISS = "org.tessel.bench.EyerissBenchmark.alexnetConv";

  @Test
  void defaults_jmhArgs() {
    List<String> a = BenchSettings.DEFAULTS.jmhArgs(List.of(EYERISS), Path.of("/tmp/r.json"));
    assertEquals(
        List.of(
            "^\\Q" + EYERISS + "\\E$",
            "-f",
            "1",
            "-wi",
            "3",
            "-w",
            "1000ms",
            "-i",
            "5",
            "-r",
            "1000ms",
            "-t",
            "1",
            "-foe",
            "true",
            "-rf",
            "json",
            "-rff",
            "/tmp/r.json"),
        a);
  }

  @Test
  void quotedNames_matchOnlyThemselves() {
    String regex = BenchSettings.DEFAULTS.jmhArgs(List.of(EYERISS), Path.of("r")).get(0);
    Pattern p = Pattern.compile(regex);
    assertAll(
        () -> assertTrue(p.matcher(EYERISS).find()),
        () -> assertTrue(!p.matcher(EYERISS + "2").find()),
        () -> assertTrue(!p.matcher("org.tessel.bench.EyerissBenchmarkXalexnetConv").find()));
  }

  @Test
  void everySetting_andProfilers_reachJmh() {
    BenchSettings s = new BenchSettings(0, 0, 2, 250, 2, List.of("gc", "stack:lines=3"));
    List<String> a = s.jmhArgs(List.of("a.B.c", "a.D.e"), Path.of("out.json"));
    assertAll(
        () ->
            assertEquals(
                List.of(
                    "^\\Qa.B.c\\E$",
                    "^\\Qa.D.e\\E$",
                    "-f",
                    "0",
                    "-wi",
                    "0",
                    "-w",
                    "250ms",
                    "-i",
                    "2",
                    "-r",
                    "250ms",
                    "-t",
                    "2",
                    "-prof",
                    "gc",
                    "-prof",
                    "stack:lines=3",
                    "-foe",
                    "true",
                    "-rf",
                    "json",
                    "-rff",
                    "out.json"),
                a),
        () ->
            assertEquals(
                "no fork, 0 warm-up + 2 measured iterations of 250 ms, 2 threads,"
                    + " profilers gc stack:lines=3",
                s.describe()),
        () ->
            assertEquals(
                "1 fork, 3 warm-up + 5 measured iterations of 1 s, 1 thread",
                BenchSettings.DEFAULTS.describe()),
        () -> assertEquals(14 * 9 + 1, BenchSettings.DEFAULTS.estimatedSeconds(14), 1e-9));
  }

  @Test
  void outOfRange_isRefused() {
    assertAll(
        () ->
            assertThrows(
                IllegalArgumentException.class,
                () -> new BenchSettings(-1, 3, 5, 1000, 1, List.of())),
        () ->
            assertThrows(
                IllegalArgumentException.class,
                () -> new BenchSettings(1, -1, 5, 1000, 1, List.of())),
        () ->
            assertThrows(
                IllegalArgumentException.class,
                () -> new BenchSettings(1, 3, 0, 1000, 1, List.of())),
        () ->
            assertThrows(
                IllegalArgumentException.class, () -> new BenchSettings(1, 3, 5, 0, 1, List.of())),
        () ->
            assertThrows(
                IllegalArgumentException.class,
                () -> new BenchSettings(1, 3, 5, 1000, 0, List.of())));
  }
}
