package org.tessel.sched.profile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sched.Objective;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Network;

/**
 * Whole sweeps of the small CNN: the same bytes at any thread count and after an interrupted run is
 * resumed (with fewer simulations), infeasible points recorded, refusals that leave no output.
 */
final class ProfilerTest {
  @TempDir Path tmp;

  private static final Network TINY =
      Inputs.network(
          Shared.rootDir().resolve("docs/examples/tiny_cnn.yaml"), TopologyReader.Mode.CONV);

  private static ProfileSpec spec(String preset, Objective o, String... sweeps) {
    Grid.Builder b = new Grid.Builder();
    for (String s : sweeps) {
      b.sweep(s);
    }
    return new ProfileSpec(TINY, Inputs.hardware(preset), o, 1, b.build());
  }

  private static ProfileSpec spec(String... sweeps) {
    return spec("default", Objective.CYCLES, sweeps);
  }

  private static byte[] bytes(Path p) throws IOException {
    return Files.readAllBytes(p);
  }

  @Test
  void outputs_areTheSameBytes_atAnyThreadCount() throws IOException {
    String[] grid = {"array.size=4,8,16", "clockMHz=100,200"};
    ProfileSummary one = new Profiler(spec(grid), 1).run(tmp.resolve("t1"), ProfileListener.NONE);
    assertEquals(6, one.results().size());
    assertEquals(0, one.infeasible());
    for (int threads : new int[] {2, 3}) {
      Path dir = tmp.resolve("t" + threads);
      new Profiler(spec(grid), threads).run(dir, ProfileListener.NONE);
      for (String f : List.of(Profiler.CSV, Profiler.HTML, Profiler.SVG)) {
        assertArrayEquals(
            bytes(tmp.resolve("t1").resolve(f)),
            bytes(dir.resolve(f)),
            () -> f + " at " + threads + " threads");
      }
    }
    List<String> lines = Files.readAllLines(tmp.resolve("t1").resolve(Profiler.CSV));
    assertEquals(4 + 6, lines.size());
    assertEquals(
        "array.size,clockMHz,feasible,cycles,latencyMs,energyPj,utilisation,onChipBytes,"
            + "reconfigurations,dataflows,reason",
        lines.get(3));
    assertTrue(lines.get(2).startsWith("# onChipBytes is the area proxy: operand SRAM bytes"));
    assertTrue(lines.get(4).startsWith("4,100,true,"), lines.get(4));
  }

  @Test
  void interruptedRun_resumes_toTheSameBytes_simulatingLess() throws IOException {
    String[] grid = {"array.size=4,8,12,16", "sram.eachKiB=8,64"};
    Path ref = tmp.resolve("ref");
    ProfileSummary full = new Profiler(spec(grid), 2).run(ref, ProfileListener.NONE);

    Path dir = tmp.resolve("cut");
    assertThrows(
        Interruption.class, () -> new Profiler(spec(grid), 1).run(dir, Interruption.after(3)));
    Path csv = dir.resolve(Profiler.CSV);
    byte[] written = bytes(csv);
    String text = new String(written, StandardCharsets.UTF_8);
    assertEquals(4 + 3, text.split("\n").length, text);
    assertFalse(Files.exists(dir.resolve(Profiler.HTML)));
    // a crash in the middle of the third row: half of it on disk, no line end
    int lastRow = text.lastIndexOf('\n', text.length() - 2) + 1;
    Files.write(csv, Arrays.copyOf(written, lastRow + (text.length() - lastRow) / 2));

    List<int[]> progress = new java.util.ArrayList<>();
    ProfileSummary resumed =
        new Profiler(spec(grid), 2)
            .run(
                dir,
                new ProfileListener() {
                  @Override
                  public void started(int points, int reused) {
                    progress.add(new int[] {points, reused});
                  }
                });
    for (String f : List.of(Profiler.CSV, Profiler.HTML, Profiler.SVG)) {
      assertArrayEquals(bytes(ref.resolve(f)), bytes(dir.resolve(f)), f);
    }
    int[] started = progress.get(0);
    assertAll(
        () -> assertArrayEquals(new int[] {8, 2}, started),
        () -> assertEquals(2, resumed.reused()),
        () -> assertEquals(6, resumed.computed()),
        () ->
            assertTrue(
                resumed.cacheMisses() < full.cacheMisses(),
                () ->
                    resumed.cacheMisses()
                        + " simulations resumed, "
                        + full.cacheMisses()
                        + " in full"));
  }

  @Test
  void grownGrid_reusesItsRows_andWritesThemInGridOrder() throws IOException {
    Path dir = tmp.resolve("grow");
    new Profiler(spec("array.size=4,16"), 1).run(dir, ProfileListener.NONE);
    ProfileSummary grown =
        new Profiler(spec("array.size=4,8,16"), 2).run(dir, ProfileListener.NONE);
    Path fresh = tmp.resolve("fresh");
    new Profiler(spec("array.size=4,8,16"), 1).run(fresh, ProfileListener.NONE);
    assertEquals(2, grown.reused());
    assertArrayEquals(bytes(fresh.resolve(Profiler.CSV)), bytes(dir.resolve(Profiler.CSV)));
  }

  @Test
  void infeasiblePoint_isARowWithTheReason_andOffTheFront() throws IOException {
    ProfileSummary s =
        new Profiler(spec("eyeriss", Objective.CYCLES, "scratchpad.filterWords=1,224"), 2)
            .run(tmp.resolve("inf"), ProfileListener.NONE);
    PointResult bad = s.results().get(0);
    assertAll(
        () -> assertEquals(1, s.infeasible()),
        () -> assertFalse(bad.feasible()),
        () ->
            assertTrue(bad.reason().contains("filter scratchpad words (2 too many)"), bad.reason()),
        () -> assertTrue(s.results().get(1).feasible()),
        () -> assertEquals(List.of(1), s.front()));
    String row = Files.readAllLines(s.csv()).get(4);
    assertEquals(
        "1,false,,,,,"
            + bad.onChipBytes()
            + ",,,layer conv1: no dataflow and tiling"
            + " fits: rs: filter row of 3 words needs p*q*S <= 1 filter scratchpad words (2 too"
            + " many)",
        row);
  }

  @Test
  void everyPointInfeasible_isOneLineSayingByHowMuch_andLeavesNoOutput() {
    Path dir = tmp.resolve("none");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                new Profiler(spec("eyeriss", Objective.CYCLES, "scratchpad.filterWords=1,2"), 2)
                    .run(dir, ProfileListener.NONE));
    assertEquals(
        "tiny_cnn: no point of the sweep fits (2 of 2 infeasible);"
            + " scratchpad.filterWords=1: layer conv1: no dataflow and tiling fits: rs: filter row"
            + " of 3 words needs p*q*S <= 1 filter scratchpad words (2 too many)",
        e.getMessage());
    assertFalse(Files.exists(dir));
  }

  @Test
  void existingFileOfOtherInputs_isRefused_andLeftAlone() throws IOException {
    Path dir = tmp.resolve("other");
    new Profiler(spec("array.size=4,8"), 1).run(dir, ProfileListener.NONE);
    byte[] before = bytes(dir.resolve(Profiler.CSV));
    ConfigException objective =
        assertThrows(
            ConfigException.class,
            () ->
                new Profiler(spec("default", Objective.ENERGY, "array.size=4,8"), 1)
                    .run(dir, ProfileListener.NONE));
    assertTrue(
        objective
            .getMessage()
            .startsWith(
                dir.resolve(Profiler.CSV)
                    + ":1: header: written for other inputs: the file has '...cycles...', this run"
                    + " '...energy...'; delete the file or choose another -p DIR"),
        objective.getMessage());
    ConfigException columns =
        assertThrows(
            ConfigException.class,
            () -> new Profiler(spec("array.rows=4,8"), 1).run(dir, ProfileListener.NONE));
    assertTrue(
        columns
            .getMessage()
            .startsWith(
                dir.resolve(Profiler.CSV)
                    + ":4: header: columns differ: the file has 'array.size...', this run"
                    + " 'array.rows...'"),
        columns.getMessage());
    ConfigException point =
        assertThrows(
            ConfigException.class,
            () -> new Profiler(spec("array.size=8,16"), 1).run(dir, ProfileListener.NONE));
    assertEquals(
        dir.resolve(Profiler.CSV)
            + ":5: point array.size=4 is not in this grid;"
            + " delete the file or choose another -p DIR",
        point.getMessage());
    assertArrayEquals(before, bytes(dir.resolve(Profiler.CSV)));
  }

  @Test
  void clockOnlyPoints_shareOneSchedule_atAnyThreadCount_andScaleLatency() throws IOException {
    ProfileSummary s =
        new Profiler(spec("array.size=8,16", "clockMHz=100,200,400"), 3)
            .run(tmp.resolve("clock"), ProfileListener.NONE);
    List<PointResult> r = s.results();
    assertAll(
        () -> assertEquals(r.get(0).cycles(), r.get(2).cycles()),
        () -> assertEquals(r.get(0).latencyMs(), 4 * r.get(2).latencyMs(), 1e-6),
        () -> assertEquals(r.get(0).energyPj(), r.get(2).energyPj()),
        () -> assertEquals(4, s.sharedSchedules()),
        () -> assertEquals(0, s.cacheHits()),
        // equal cycles and energy at each size, so only the fastest clock is on the front
        () -> assertTrue(s.front().stream().allMatch(i -> i % 3 == 2), s.front()::toString));
  }
}
