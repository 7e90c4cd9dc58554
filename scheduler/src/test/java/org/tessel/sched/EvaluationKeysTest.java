package org.tessel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.rs.RsEstimator;
import org.tessel.sim.dataflow.rs.RsLayerMapping;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.workload.Layer;

/**
 * The family keys leave out only what a candidate's evaluation does not read, and hold all it does.
 * For random layers and random pairs of hardware, the second drawn from the first by changing every
 * field now and then (those a family's key leaves out often: the clock, the energy table, the
 * reconfiguration, the memory model and base dataflow, SRAM banks, the DRAM bandwidth and SRAM
 * sizes; for systolic candidates the scratchpads, buffer banks and multicast; for row stationary
 * the filter and psum scratchpads and the global buffer's banks; those it holds rarely), every
 * candidate of the family asked on the second hardware through a cache warmed by the first equals
 * the candidate simulated on the second alone (cycles, stalls, energy priced with its table,
 * occupancy, configuration, bound, DRAM words and room for on-chip hand-offs); and whenever the
 * cache answers, the two hardware simulated afresh give the same cycles, stalls, energy counts and
 * configuration. Pairs that differ only in fields the key leaves out (and, for systolic {@code
 * calc} DRAM, in SRAM sizes that keep each operand on chip or off it) always hit.
 */
final class EvaluationKeysTest {
  private static final Dataflow[] SYSTOLIC = {
    Dataflows.find("os").orElseThrow(),
    Dataflows.find("ws").orElseThrow(),
    Dataflows.find("is").orElseThrow()
  };

  /** Fields a systolic key leaves out whatever the DRAM mode. */
  private static final Set<String> OUTSIDE_SYSTOLIC =
      Set.of(
          "clock",
          "energy",
          "reconfig",
          "memoryModel",
          "dataflow",
          "name",
          "sram.banks",
          "spad.filter",
          "spad.ifmap",
          "spad.psum",
          "glb.banks",
          "noc.multicast");

  /** Fields a row-stationary key leaves out whatever the DRAM mode. */
  private static final Set<String> OUTSIDE_RS =
      Set.of(
          "clock",
          "energy",
          "reconfig",
          "memoryModel",
          "dataflow",
          "name",
          "sram.banks",
          "spad.filter",
          "spad.psum",
          "glb.banks",
          "sram.ifmapKiB",
          "sram.filterKiB",
          "sram.ofmapKiB");

  @Test
  void systolicCandidates_equalTheirFreshSimulation_throughACacheWarmedElsewhere() {
    SplittableRandom rnd = new SplittableRandom(20261126L);
    int hits = 0;
    int refused = 0;
    int refusedHits = 0;
    int outsideOnly = 0;
    for (int i = 0; i < 900; i++) {
      Layer layer = layer(rnd, "l" + i);
      int batch = 1 + rnd.nextInt(3);
      RandomHardware da = RandomHardware.mesh(rnd);
      HardwareSpec a = da.build();
      RandomHardware db = da.copy();
      Set<String> changed = db.perturb(rnd, withCalcSramAndBandwidth(OUTSIDE_SYSTOLIC));
      HardwareSpec b = db.build();
      boolean outside =
          OUTSIDE_SYSTOLIC.containsAll(changed)
              || (a.dram().mode() == BandwidthMode.CALC
                  && sameResidency(a, b, layer, batch)
                  && withCalcSramAndBandwidth(OUTSIDE_SYSTOLIC).containsAll(changed));
      outsideOnly += outside ? 1 : 0;
      Layer asked = rnd.nextBoolean() ? layer : renamed(layer, "other" + i);
      EvaluationCache cache = new EvaluationCache();
      LayerScheduler warm = new LayerScheduler(a, Objective.CYCLES, List.of(SYSTOLIC), cache);
      LayerScheduler probe = new LayerScheduler(b, Objective.CYCLES, List.of(SYSTOLIC), cache);
      for (Dataflow d : SYSTOLIC) {
        Candidate c = Candidate.systolic(d);
        String what =
            "case "
                + i
                + " "
                + d.shortName()
                + " changed "
                + changed
                + " "
                + layer
                + " on "
                + a
                + " and "
                + b;
        warm.evaluate(layer, batch, c, new ArrayList<>());
        long misses = cache.misses();
        List<String> why = new ArrayList<>();
        Evaluation got = probe.evaluate(asked, batch, c, why);
        boolean hit = misses == cache.misses();
        assertTrue(
            hit || !outside,
            () -> what + ": missed, though only fields outside the key" + " changed");
        Fresh fb = fresh(b, asked, batch, c);
        if (hit) {
          hits++;
          fresh(a, layer, batch, c).assertSameSimulation(fb, what);
        }
        if (fb.refusal != null) {
          refused++;
          refusedHits += hit ? 1 : 0;
          assertNull(got, what);
          assertEquals(List.of(d.shortName() + ": " + fb.refusal), why, what);
        } else {
          assertEquals(fb.evaluation(c, LowerBound.cycles(asked, batch, c, b), b), got, what);
        }
      }
    }
    int total = hits;
    assertTrue(hits > 1000, () -> "hits " + total);
    assertTrue(outsideOnly > 300, "pairs differing outside the key only: " + outsideOnly);
    assertTrue(
        refused > 120 && refusedHits > 30,
        "refused candidates exercised: " + refused + ", answered by the cache: " + refusedHits);
  }

  @Test
  void rowStationaryCandidates_equalTheirFreshSimulation_throughACacheWarmedElsewhere() {
    SplittableRandom rnd = new SplittableRandom(7L);
    int hits = 0;
    int compared = 0;
    for (int i = 0; i < 200; i++) {
      Layer layer = layer(rnd, "l" + i);
      int batch = 1 + rnd.nextInt(2);
      RandomHardware da = RandomHardware.buses(rnd);
      HardwareSpec a = da.build();
      RandomHardware db = da.copy();
      Set<String> changed = db.perturb(rnd, withCalcSramAndBandwidth(OUTSIDE_RS));
      HardwareSpec b = db.build();
      // with DRAM transfers timed, the buffer's banks and capacities set what is prefetched
      boolean outside =
          withCalcSramAndBandwidth(OUTSIDE_RS).containsAll(changed)
              && (a.dram().mode() == BandwidthMode.CALC
                  || (!changed.contains("dram.bw")
                      && !changed.contains("glb.banks")
                      && !changed.contains("sram.ifmapKiB")
                      && !changed.contains("sram.filterKiB")));
      Layer asked = rnd.nextBoolean() ? layer : renamed(layer, "other" + i);
      List<RsMapping> legalA = legal(a, layer, batch);
      Map<RsMapping, Integer> rankB = new HashMap<>();
      List<RsMapping> legalB = legal(b, asked, batch);
      for (int j = 0; j < legalB.size(); j++) {
        rankB.put(legalB.get(j), j);
      }
      List<RsMapping> common = new ArrayList<>();
      for (RsMapping m : legalA) {
        if (rankB.containsKey(m)) {
          common.add(m);
        }
      }
      EvaluationCache cache = new EvaluationCache();
      List<Dataflow> rs = CandidateSpace.dataflows(a);
      LayerScheduler warm = new LayerScheduler(a, Objective.CYCLES, rs, cache);
      LayerScheduler probe = new LayerScheduler(b, Objective.CYCLES, rs, cache);
      for (int k = 0; k < Math.min(6, common.size()); k++) {
        // distinct mappings: a second look at one would hit the probe's own entry
        RsMapping m = common.remove(rnd.nextInt(common.size()));
        Candidate ca = Candidate.rowStationary(m, legalA.indexOf(m));
        Candidate cb = Candidate.rowStationary(m, rankB.get(m));
        String what =
            "case " + i + " " + m + " changed " + changed + " " + layer + " on " + a + " and " + b;
        warm.evaluate(layer, batch, ca, new ArrayList<>());
        long misses = cache.misses();
        Evaluation got = probe.evaluate(asked, batch, cb, new ArrayList<>());
        boolean hit = misses == cache.misses();
        assertTrue(
            hit || !outside,
            () -> what + ": missed, though only fields outside the key" + " changed");
        Fresh fb = fresh(b, asked, batch, cb);
        if (hit) {
          hits++;
          fresh(a, layer, batch, ca).assertSameSimulation(fb, what);
        }
        long bound =
            Math.max(
                LowerBound.cycles(asked, batch, cb, b),
                RsEstimator.of(asked, batch, new Simulation(b).mappingContext())
                    .orElseThrow()
                    .passCycles(m));
        assertEquals(fb.evaluation(cb, bound, b), got, what);
        compared++;
      }
    }
    int total = hits;
    assertTrue(hits > 300, () -> "hits " + total);
    assertTrue(compared > 600, "row-stationary candidates compared: " + compared);
  }

  private static Set<String> withCalcSramAndBandwidth(Set<String> fields) {
    Set<String> out = new HashSet<>(fields);
    out.addAll(List.of("sram.ifmapKiB", "sram.filterKiB", "sram.ofmapKiB", "dram.bw"));
    return out;
  }

  /** Whether the whole ifmap, and the whole filter, fit half their SRAMs on both or on neither. */
  private static boolean sameResidency(HardwareSpec a, HardwareSpec b, Layer l, int batch) {
    var g = l.gemm(batch);
    long ifmap = g.sr() * g.t() * l.groups();
    long filter = g.t() * g.sc() * l.groups();
    return (ifmap <= a.sram().ifmapWords() / 2) == (ifmap <= b.sram().ifmapWords() / 2)
        && (filter <= a.sram().filterWords() / 2) == (filter <= b.sram().filterWords() / 2);
  }

  /** A candidate mapped and run on {@code hw} alone, as the scheduler did before any cache. */
  private record Fresh(Layer layer, LayerMapping mapping, LayerResult result, String refusal) {
    Evaluation evaluation(Candidate c, long bound, HardwareSpec hw) {
      return new Evaluation(
          c,
          result.cycles(),
          result.stallCycles(),
          mapping.energyCounts().totalPj(hw.cgra().energy()),
          bound,
          mapping.bufferOccupancy(),
          mapping.configuration(),
          HandOffWords.of(result, mapping));
    }

    /** The refusal, naming no layer. */
    String reason() {
      return refusal == null ? null : refusal.replace(layer.name() + ": ", "");
    }

    void assertSameSimulation(Fresh o, String what) {
      assertEquals(reason(), o.reason(), what);
      if (refusal == null) {
        assertEquals(result.cycles(), o.result.cycles(), what);
        assertEquals(result.stallCycles(), o.result.stallCycles(), what);
        assertEquals(mapping.energyCounts(), o.mapping.energyCounts(), what);
        assertEquals(mapping.configuration(), o.mapping.configuration(), what);
      }
    }
  }

  private static Fresh fresh(HardwareSpec hw, Layer layer, int batch, Candidate c) {
    Simulation sim = new Simulation(hw);
    Mapped<LayerMapping> mapped = sim.map(layer, batch, c.dataflow());
    if (!mapped.fits()) {
      return new Fresh(layer, null, null, mapped.infeasibility().message());
    }
    LayerMapping m = mapped.value();
    return new Fresh(layer, m, sim.run(0, layer, c.dataflow(), m), null);
  }

  private static List<RsMapping> legal(HardwareSpec hw, Layer layer, int batch) {
    return RsLayerMapping.legalMappings(layer, batch, new Simulation(hw).mappingContext())
        .orElseThrow();
  }

  /** A small convolution (plain, strided, grouped or depthwise), fully connected layer or GEMM. */
  static Layer layer(SplittableRandom rnd, String name) {
    int kind = rnd.nextInt(8);
    if (kind == 0) {
      return Layer.fc(name, 1 + rnd.nextInt(64), 1 + rnd.nextInt(40));
    }
    if (kind == 1) {
      return Layer.gemm(name, 1 + rnd.nextInt(40), 1 + rnd.nextInt(40), 1 + rnd.nextInt(40));
    }
    int k = 1 + rnd.nextInt(3);
    int in = k + rnd.nextInt(12);
    int groups = kind == 2 ? 1 + rnd.nextInt(3) : 1;
    int inC = groups * (1 + rnd.nextInt(6));
    int outC = kind == 3 ? inC : groups * (1 + rnd.nextInt(8));
    if (kind == 3) {
      groups = inC;
    }
    return Layer.conv(
        name, in, in + rnd.nextInt(3), inC, k, 1 + rnd.nextInt(2), rnd.nextInt(k), outC, groups);
  }

  private static Layer renamed(Layer l, String name) {
    return new Layer(
        name,
        l.kind(),
        l.inH(),
        l.inW(),
        l.inC(),
        l.kernelH(),
        l.kernelW(),
        l.strideH(),
        l.strideW(),
        l.padH(),
        l.padW(),
        l.outH(),
        l.outW(),
        l.outC(),
        l.groups());
  }
}
