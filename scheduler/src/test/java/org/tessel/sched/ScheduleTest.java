package org.tessel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.io.TopologyReader;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Network;

/**
 * Whole schedules: replaying one in the simulator gives its cycles exactly; the optimum is no worse
 * than greedy or any fixed dataflow; the file round-trips and refuses what does not match; the
 * result does not depend on the thread count.
 */
final class ScheduleTest {
  private static Network net(String file) {
    return Inputs.network(Shared.rootDir().resolve(file), TopologyReader.Mode.CONV);
  }

  private static Schedule schedule(HardwareSpec hw, Network n, Objective o, int threads) {
    return new NetworkScheduler(
            new LayerScheduler(hw, o, CandidateSpace.dataflows(hw), new EvaluationCache()), threads)
        .schedule(n, 1);
  }

  @Test
  void replay_givesTheScheduledCyclesExactly_andOptimumBeatsEveryBaseline() {
    for (HardwareSpec hw :
        List.of(
            Fixtures.mesh(),
            Fixtures.user(Fixtures.mesh(), 4),
            Fixtures.eyeriss(),
            Fixtures.user(Fixtures.eyeriss(), 2))) {
      for (String file : List.of("docs/examples/tiny_cnn.yaml", "traces/networks/resnet18.yaml")) {
        Network n = net(file);
        for (Objective o : Objective.values()) {
          Schedule s = schedule(hw, n, o, 1);
          SimResult replay = s.replay().run(new Simulation(hw), n, 1);
          String what = hw.name() + " " + n.name() + " " + o;
          assertEquals(s.cycles(), replay.cycles(), what);
          assertEquals(s.reconfigCycles(), replay.reconfigCycles(), what);
          assertEquals(s.energyPj(), replay.energyPj(), 1e-6 * s.energyPj(), what);
          Baseline opt = s.baseline("optimal");
          assertEquals(s.cycles(), opt.cycles(), what);
          assertEquals(s.energyPj(), opt.energyPj(), 1e-9 * s.energyPj(), what);
          double best = o.score(opt.cycles(), opt.energyPj());
          for (Baseline b : s.baselines()) {
            if (b.feasible()) {
              assertTrue(
                  best <= o.score(b.cycles(), b.energyPj()) * (1 + 1e-12),
                  what + ": optimal " + best + " worse than " + b);
            }
          }
        }
      }
    }
  }

  @Test
  void scheduleFile_roundTripsThroughTheSimulator(@TempDir Path dir) throws IOException {
    int handOffs = 0;
    for (HardwareSpec hw : List.of(Fixtures.mesh(), Fixtures.eyeriss())) {
      Network n = net("traces/networks/alexnet.yaml");
      for (Objective o : Objective.values()) {
        Schedule s = schedule(hw, n, o, 1);
        Path f = dir.resolve(hw.name() + o + ".csv");
        Files.writeString(f, ScheduleFile.csv(s));
        SimResult replay = ScheduleFile.read(f, n, hw, 1).run(new Simulation(hw), n, 1);
        String what = hw.name() + " " + o;
        assertEquals(s.cycles(), replay.cycles(), what);
        // the hand-offs the schedule credits are the DRAM words the simulator drops
        assertEquals(s.energyPj(), replay.energyPj(), 1e-9 * s.energyPj(), what);
        handOffs += s.handOffs();
      }
    }
    assertTrue(handOffs > 0, "AlexNet's conv3-5 and fc layers fit on chip somewhere");
  }

  @Test
  void threads_doNotChangeTheSchedule() {
    Network n = net("traces/networks/resnet50.yaml");
    for (HardwareSpec hw : List.of(Fixtures.mesh(), Fixtures.eyeriss())) {
      String one = ScheduleFile.csv(schedule(hw, n, Objective.EDP, 1));
      String two = ScheduleFile.csv(schedule(hw, n, Objective.EDP, 2));
      assertEquals(one, two);
    }
  }

  @Test
  void badScheduleFiles_areRefusedWithFileLineAndField(@TempDir Path dir) throws IOException {
    HardwareSpec hw = Fixtures.eyeriss();
    Network n = net("docs/examples/tiny_cnn.yaml");
    String good = ScheduleFile.csv(schedule(hw, n, Objective.CYCLES, 1));
    String[] lines = good.split("\n", -1);
    Path f = dir.resolve("s.csv");

    Files.writeString(f, good.replace(lines[2].split(",", -1)[0] + ",", "convX,"));
    ConfigException e = assertThrows(ConfigException.class, () -> ScheduleFile.read(f, n, hw, 1));
    assertEquals(3, e.line());
    assertEquals("layer", e.field());
    assertTrue(e.getMessage().contains("expected 'conv1'"), e.getMessage());

    Files.writeString(f, good.replaceFirst(" e=\\d+ ", " e=999 "));
    e = assertThrows(ConfigException.class, () -> ScheduleFile.read(f, n, hw, 1));
    assertEquals("tiling", e.field());
    assertTrue(e.getMessage().contains("e=999 exceeds the 32 output rows"), e.getMessage());

    Files.writeString(f, good.replaceFirst(",rs,", ",os,").replaceFirst(",os,m=[^,]*,", ",os,-,"));
    e = assertThrows(ConfigException.class, () -> ScheduleFile.read(f, n, hw, 1));
    assertEquals("dataflow", e.field());
    assertTrue(e.getMessage().contains("os does not run on eyeriss"), e.getMessage());

    Files.writeString(f, good.replaceFirst(",rs,", ",xs,"));
    e = assertThrows(ConfigException.class, () -> ScheduleFile.read(f, n, hw, 1));
    assertEquals("dataflow", e.field());

    Files.writeString(f, lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n");
    e = assertThrows(ConfigException.class, () -> ScheduleFile.read(f, n, hw, 1));
    assertTrue(e.getMessage().contains("missing 'conv2'"), e.getMessage());

    Files.writeString(f, good.replace("layer,kind", "name,kind"));
    e = assertThrows(ConfigException.class, () -> ScheduleFile.read(f, n, hw, 1));
    assertEquals("header", e.field());
  }

  @Test
  void layerThatFitsNowhere_isRefusedWithTheReason() {
    // an 11x11 filter row needs 11 ifmap scratchpad words; give the PEs 8
    HardwareSpec hw = Fixtures.eyeriss();
    HardwareSpec small =
        hw.withCgra(
            new org.tessel.sim.arch.CgraSpec(
                hw.cgra().noc(),
                hw.cgra().glb(),
                new org.tessel.sim.arch.ScratchpadSpec(224, 8, 24),
                hw.cgra().reconfig(),
                hw.cgra().energy()));
    Network n =
        Network.chain(
            "n", List.of(org.tessel.sim.workload.Layer.conv("big", 32, 32, 3, 11, 4, 0, 16, 1)));
    ConfigException e =
        assertThrows(ConfigException.class, () -> schedule(small, n, Objective.CYCLES, 1));
    assertTrue(
        e.getMessage().contains("needs q*S <= 8") && e.getMessage().contains("3 too many"),
        e.getMessage());
  }
}
