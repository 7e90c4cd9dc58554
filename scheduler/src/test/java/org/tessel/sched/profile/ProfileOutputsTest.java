package org.tessel.sched.profile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * What a sweep leaves on disk when it does not finish: never a plot of other rows than {@code
 * PROFILE.csv} holds, and, when no point fits, nothing at all and one line saying why, the same at
 * any thread count.
 */
final class ProfileOutputsTest {
  @TempDir Path tmp;

  private static final Network TINY =
      Inputs.network(
          Shared.rootDir().resolve("docs/examples/tiny_cnn.yaml"), TopologyReader.Mode.CONV);

  private static ProfileSpec spec(String... sweeps) {
    Grid.Builder b = new Grid.Builder();
    for (String s : sweeps) {
      b.sweep(s);
    }
    return new ProfileSpec(TINY, Inputs.hardware("default"), Objective.CYCLES, 1, b.build());
  }

  @Test
  void interruptedRerun_leavesNoPlotOfOtherRows_andTheFinishedOneDrawsThem() throws IOException {
    Path dir = tmp.resolve("grow");
    new Profiler(spec("array.size=4,8"), 1).run(dir, ProfileListener.NONE);
    assertTrue(Files.exists(dir.resolve(Profiler.HTML)));
    // the grid grows; the run is cut after its first new point (two rows were already there)
    assertThrows(
        Interruption.class,
        () -> new Profiler(spec("array.size=4,8,16"), 1).run(dir, Interruption.after(3)));
    assertAll(
        () -> assertEquals(4 + 3, Files.readAllLines(dir.resolve(Profiler.CSV)).size()),
        () -> assertFalse(Files.exists(dir.resolve(Profiler.HTML)), "stale pareto.html"),
        () -> assertFalse(Files.exists(dir.resolve(Profiler.SVG)), "stale pareto.svg"));

    new Profiler(spec("array.size=4,8,16"), 2).run(dir, ProfileListener.NONE);
    Path fresh = tmp.resolve("fresh");
    new Profiler(spec("array.size=4,8,16"), 1).run(fresh, ProfileListener.NONE);
    for (String f : List.of(Profiler.CSV, Profiler.HTML, Profiler.SVG)) {
      assertArrayEquals(
          Files.readAllBytes(fresh.resolve(f)), Files.readAllBytes(dir.resolve(f)), f);
    }
  }

  /** 64x64 and 72x72 arrays with 1 KiB SRAMs and DRAM stalls: conv2's folds fit no SRAM half. */
  private static final String[] NONE_FITS = {
    "array.size=64,72", "sram.eachKiB=1", "dram.mode=user"
  };

  @Test
  void everyPointInfeasible_isOneLineSayingByHowMuch_sameAtAnyThreadCount_andLeavesNothing() {
    String first = null;
    for (int threads = 1; threads <= 3; threads++) {
      Path dir = tmp.resolve("none" + threads).resolve("deeper");
      int t = threads;
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> new Profiler(spec(NONE_FITS), t).run(dir, ProfileListener.NONE));
      String message = e.getMessage();
      assertAll(
          () -> assertFalse(message.contains("\n"), message),
          () ->
              assertTrue(
                  message.startsWith(
                      "tiny_cnn: no point of the sweep fits (2 of 2"
                          + " infeasible); array.size=64 sram.eachKiB=1 dram.mode=user: layer conv2: no"
                          + " dataflow and tiling fits: os: conv2: ofmap SRAM: a os fold needs "),
                  message),
          () -> assertTrue(message.contains(" (short by "), message),
          () -> assertFalse(Files.exists(tmp.resolve("none" + t)), "output left"));
      if (first == null) {
        first = message;
      }
      assertEquals(first, message, "threads " + threads);
    }
  }

  @Test
  void everyPointInfeasible_afterAnInterruptedRun_removesItsRowsToo() {
    Path dir = tmp.resolve("resumed");
    assertThrows(
        Interruption.class, () -> new Profiler(spec(NONE_FITS), 1).run(dir, Interruption.after(1)));
    assertTrue(Files.exists(dir.resolve(Profiler.CSV)));
    assertThrows(
        ConfigException.class,
        () -> new Profiler(spec(NONE_FITS), 2).run(dir, ProfileListener.NONE));
    for (String f : List.of(Profiler.CSV, Profiler.HTML, Profiler.SVG)) {
      assertFalse(Files.exists(dir.resolve(f)), f);
    }
  }
}
