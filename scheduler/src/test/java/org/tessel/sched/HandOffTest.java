package org.tessel.sched;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.rs.RsEstimator;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;
import org.tessel.sim.workload.Network;

/**
 * Handing tensors over on chip between layers ({@link HandOff}): the network optimum with the
 * pruned candidates equals the optimum over every legal tiling simulated; the saved energy is
 * exactly the DRAM words the simulator drops; a schedule file claiming an impossible hand-off is
 * refused.
 */
final class HandOffTest {
  @TempDir Path dir;

  /** A chain of small convolutions, whose tensors fit the eyeriss buffer beside some tilings. */
  private static Network chain(Random rnd, int layers) {
    List<Layer> list = new ArrayList<>();
    int h = 6 + rnd.nextInt(10);
    int c = 1 + rnd.nextInt(12);
    for (int i = 0; i < layers; i++) {
      int k = 1 + 2 * rnd.nextInt(2);
      int m = 1 + rnd.nextInt(24);
      list.add(Layer.conv("c" + i, h, h, c, k, 1, k / 2, m, 1));
      c = m;
    }
    return Network.chain("chain", list);
  }

  /** Every legal tiling of {@code l} on {@code hw}, simulated. */
  private static LayerOptions exhaustive(HardwareSpec hw, Layer l, Objective o) {
    Simulation sim = new Simulation(hw);
    RsEstimator est = RsEstimator.of(l, 1, sim.mappingContext()).orElseThrow();
    List<RsMapping> legal = est.legal();
    List<Evaluation> all = new ArrayList<>();
    for (int j = 0; j < legal.size(); j++) {
      Candidate c = Candidate.rowStationary(legal.get(j), j);
      LayerMapping m = est.mapping(legal.get(j));
      LayerResult r = sim.run(0, l, c.dataflow(), m);
      all.add(
          new Evaluation(
              c,
              r.cycles(),
              0,
              m.energyCounts().totalPj(hw.cgra().energy()),
              0,
              0,
              m.configuration(),
              HandOffWords.of(r, m)));
    }
    all.sort((a, b) -> a.compareTo(b, o));
    return new LayerOptions(all, Map.of(), all.size(), all.size(), List.of());
  }

  @Test
  void prunedNetworkOptimum_equalsTheOptimumOverEveryTiling() {
    Random rnd = new Random(5);
    HardwareSpec hw = Fixtures.eyeriss();
    int handOffs = 0;
    for (int t = 0; t < 4; t++) {
      Network n = chain(rnd, 2 + rnd.nextInt(2));
      for (Objective o : List.of(Objective.ENERGY, Objective.EDP)) {
        NetworkScheduler s =
            new NetworkScheduler(
                new LayerScheduler(hw, o, CandidateSpace.dataflows(hw), new EvaluationCache()), 1);
        Schedule pruned = s.schedule(n, 1);
        List<LayerOptions> seq = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n.layers().size(); i++) {
          seq.add(exhaustive(hw, n.layers().get(i), o));
          idx.add(i);
        }
        HandOff h = HandOff.of(n, idx, 1, hw);
        int[] pick = s.optimum(seq, h);
        List<Evaluation> path = new ArrayList<>();
        for (int k = 0; k < seq.size(); k++) {
          path.add(seq.get(k).evaluated().get(pick[k]));
        }
        Baseline full = s.baseline("exhaustive", path, 0, 0, h);
        String what = n.layers() + " " + o;
        double got = o.score(pruned.cycles(), pruned.energyPj());
        double want = o.score(full.cycles(), full.energyPj());
        if (o == Objective.ENERGY) {
          assertEquals(want, got, 1e-9 * want, what);
        } else {
          // EDP is minimised by repeated linearisation on both sides: the pruned search must
          // not end worse than the same method over every tiling
          assertTrue(got <= want * (1 + 1e-9), what + ": " + got + " > " + want);
        }
        handOffs += pruned.handOffs();
      }
    }
    assertTrue(handOffs > 0, "some chain hands a tensor over");
  }

  @Test
  void cyclesObjective_handsOverWhereverItFits_andUserBandwidthNever() {
    Network n = chain(new Random(8), 3);
    HardwareSpec hw = Fixtures.mesh();
    Schedule s = NetworkScheduler.of(hw, Objective.CYCLES).schedule(n, 1);
    Schedule user = NetworkScheduler.of(Fixtures.user(hw, 4), Objective.CYCLES).schedule(n, 1);
    assertAll(
        // tensors of at most 15 x 15 x 24 words fit the 64 KiB SRAMs
        () -> assertEquals(2, s.handOffs()),
        () -> assertTrue(s.layers().get(0).outputOnChip()),
        () -> assertFalse(s.layers().get(2).outputOnChip(), "the network's output goes to DRAM"),
        () -> assertEquals(0, user.handOffs()));
  }

  @Test
  void residualBranch_keepsItsDramWrite() {
    // a -> b, and a -> add(b, a): b reads a on chip, but a is still written for the add
    Layer a = Layer.conv("a", 8, 8, 4, 3, 1, 1, 4, 1);
    Layer b = Layer.conv("b", 8, 8, 4, 3, 1, 1, 4, 1);
    Network n =
        Network.builder("res")
            .add(a, List.of())
            .add(b, List.of("a"))
            .add(
                new Layer("sum", LayerKind.ADD, 8, 8, 4, 1, 1, 1, 1, 0, 0, 8, 8, 4, 1),
                List.of("b", "a"))
            .build();
    Schedule s = NetworkScheduler.of(Fixtures.mesh(), Objective.ENERGY).schedule(n, 1);
    assertAll(
        () -> assertTrue(s.layers().get(1).inputOnChip()),
        () -> assertFalse(s.layers().get(0).outputOnChip()),
        () -> assertTrue(s.layers().get(1).handOffSavedPj() > 0));
  }

  @Test
  void impossibleHandOffs_areRefusedWithFileLineAndField() throws IOException {
    HardwareSpec hw = Fixtures.mesh();
    Network n = chain(new Random(8), 3);
    String good = ScheduleFile.csv(NetworkScheduler.of(hw, Objective.CYCLES).schedule(n, 1));
    Path f = dir.resolve("s.csv");
    // the first layer reads the network input from DRAM
    String[] lines = good.split("\n");
    lines[2] = lines[2].replaceFirst(",no,(yes|no),", ",yes,$1,");
    Files.writeString(f, String.join("\n", lines) + "\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ScheduleFile.read(f, n, hw, 1));
    assertAll(
        () -> assertEquals(3, e.line()),
        () -> assertEquals("input_on_chip", e.field()),
        () -> assertTrue(e.getMessage().contains("first array layer"), e.getMessage()));
    // with user bandwidth no hand-off is credited
    Files.writeString(f, good);
    ConfigException u =
        assertThrows(ConfigException.class, () -> ScheduleFile.read(f, n, Fixtures.user(hw, 4), 1));
    assertEquals("output_on_chip", u.field());
    assertEquals(3, u.line());
    assertTrue(u.getMessage().contains("dram.mode user"), u.getMessage());
    // a tensor larger than the SRAM: 2 x 64 KiB of words do not fit
    Network big =
        Network.chain(
            "big",
            List.of(
                Layer.conv("x", 64, 64, 8, 1, 1, 0, 32, 1),
                Layer.conv("y", 64, 64, 32, 1, 1, 0, 8, 1)));
    String bigCsv = ScheduleFile.csv(NetworkScheduler.of(hw, Objective.CYCLES).schedule(big, 1));
    String[] bl = bigCsv.split("\n");
    bl[3] = bl[3].replaceFirst(",no,no,", ",yes,no,");
    Files.writeString(f, String.join("\n", bl) + "\n");
    ConfigException t = assertThrows(ConfigException.class, () -> ScheduleFile.read(f, big, hw, 1));
    assertAll(
        () -> assertEquals(4, t.line()),
        () -> assertTrue(t.getMessage().contains("131072 words"), t.getMessage()),
        () -> assertTrue(t.getMessage().contains("65536 short"), t.getMessage()));
  }
}
