package org.tessel.sched.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.LayerScheduler;
import org.tessel.sched.NetworkScheduler;
import org.tessel.sched.Objective;
import org.tessel.sched.ScheduleFile;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Network;

/**
 * Sweep points sharing one evaluation cache, warmed by other sweeps, give exactly what each point
 * gives scheduled alone with a cache of its own: the same {@code PROFILE.csv} bytes, the same
 * {@code SCHEDULE.csv} text, for every objective, on both families, with and without DRAM stalls.
 */
final class SharedCacheTest {
  @TempDir Path tmp;

  private static Network net(String file) {
    return Inputs.network(Shared.rootDir().resolve(file), TopologyReader.Mode.CONV);
  }

  private static ProfileSpec spec(Network n, String preset, Objective o, String... sweeps) {
    Grid.Builder b = new Grid.Builder();
    for (String s : sweeps) {
      b.sweep(s);
    }
    return new ProfileSpec(n, Inputs.hardware(preset), o, 1, b.build());
  }

  /**
   * Profiles {@code grid} on a cache warmed by {@code warmup}, and compares the file byte for byte
   * with the rows of its points each evaluated alone, on a cache of its own.
   */
  private void sharedEqualsAlone(
      Network n, String preset, Objective o, String[] warmup, String... grid) throws IOException {
    EvaluationCache cache = new EvaluationCache();
    new Profiler(spec(n, preset, o, warmup), 2, cache)
        .run(tmp.resolve("warm"), ProfileListener.NONE);
    ProfileSpec spec = spec(n, preset, o, grid);
    Path dir = tmp.resolve("shared");
    ProfileSummary shared = new Profiler(spec, 2, cache).run(dir, ProfileListener.NONE);
    assertTrue(shared.cacheHits() > 0, "the warm cache answered nothing");

    StringBuilder alone = new StringBuilder();
    ProfileCsv.header(spec).forEach(h -> alone.append(h).append('\n'));
    List<Point> points = spec.grid().points();
    List<HardwareSpec> hardware = spec.pointHardware();
    for (int i = 0; i < points.size(); i++) {
      PointEvaluator own = new PointEvaluator(spec, new EvaluationCache());
      alone.append(ProfileCsv.row(own.evaluate(points.get(i), hardware.get(i)))).append('\n');
    }
    assertEquals(
        alone.toString(), Files.readString(dir.resolve(Profiler.CSV)), () -> preset + " " + o);
  }

  @Test
  void profileOfTheDefaultPreset_withASharedWarmCache_isEachPointsProfileAlone()
      throws IOException {
    Network tiny = net("docs/examples/tiny_cnn.yaml");
    sharedEqualsAlone(
        tiny,
        "default",
        Objective.CYCLES,
        new String[] {"sram.eachKiB=4,256", "dram.mode=user", "energy.dramPj=300"},
        "sram.eachKiB=1,4,64",
        "dram.mode=calc,user",
        "dram.bandwidthWordsPerCycle=1,8",
        "energy.dramPj=100,250",
        "clockMHz=100,300");
  }

  @Test
  void profileOfEyeriss_withASharedWarmCache_isEachPointsProfileAlone() throws IOException {
    Network tiny = net("docs/examples/tiny_cnn.yaml");
    sharedEqualsAlone(
        tiny,
        "eyeriss",
        Objective.EDP,
        new String[] {"scratchpad.psumWords=16", "sram.ifmapKiB=50", "energy.glbPj=5"},
        "scratchpad.filterWords=64,224",
        "scratchpad.psumWords=8,24",
        "sram.ifmapKiB=25,100",
        "glb.banks=5,25");
  }

  @Test
  void schedules_withASharedWarmCache_areEachPointsScheduleAlone() {
    List<String[]> cases =
        List.of(
            new String[] {
              "traces/networks/resnet18.yaml",
              "default",
              "sram.eachKiB=16,256",
              "dram.mode=calc,user",
              "dram.bandwidthWordsPerCycle=4",
              "energy.macPj=1,3"
            },
            new String[] {
              "docs/examples/tiny_cnn.yaml",
              "eyeriss",
              "scratchpad.filterWords=112,224",
              "glb.banks=10,25",
              "dram.mode=calc,user"
            });
    for (String[] c : cases) {
      Network n = net(c[0]);
      List<String> sweeps = new ArrayList<>(List.of(c).subList(2, c.length));
      List<HardwareSpec> hardware =
          spec(n, c[1], Objective.CYCLES, sweeps.toArray(String[]::new)).pointHardware();
      for (Objective o : Objective.values()) {
        EvaluationCache cache = new EvaluationCache();
        for (int i = hardware.size() - 1; i >= 0; i--) {
          HardwareSpec hw = hardware.get(i);
          String shared =
              ScheduleFile.csv(
                  new NetworkScheduler(
                          new LayerScheduler(hw, o, CandidateSpace.dataflows(hw), cache), 1)
                      .schedule(n, 1));
          String alone = ScheduleFile.csv(NetworkScheduler.of(hw, o).schedule(n, 1));
          String what = n.name() + " " + hw + " " + o;
          assertEquals(alone, shared, what);
        }
        assertTrue(cache.hits() > 0, () -> n.name() + " " + o + ": no hits");
      }
    }
  }
}
