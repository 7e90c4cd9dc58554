package org.tessel.sim.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.CgraSpec;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.layer.LayerRunner;
import org.tessel.sim.layer.LayerTiming;
import org.tessel.sim.mapping.FoldDurations;
import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;
import org.tessel.sim.workload.Operand;

/**
 * The shared off-chip link ({@code dram.mode: link}) with contention: one link of a rational rate
 * in bytes per cycle serving the ifmap, filter and ofmap streams one transfer at a time, the one
 * waiting longest first, stepped a cycle at a time ({@link DramStepper}), against the engine's
 * {@link LayerRunner}: on random pass sequences (durations, words, buffer depths 1 and 2, depth-1
 * buffers with room for part of the next fill, rates) the layer's cycles, stalls, first and last
 * pass and each stream's first and last busy cycle; and on random systolic layers with the stepped
 * array ({@link SystolicStepper}) through {@link Simulation}.
 */
final class EngineMatchesLinkStepperTest {
  private static final List<Dataflow> SYSTOLIC =
      Dataflows.all().stream().filter(d -> d instanceof SystolicDataflow).toList();

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 400).map(i -> i * 0x9E3779B97F4A7C15L + 0x11CL);
  }

  static LongStream wideSeeds() {
    return LongStream.rangeClosed(1, 5000).map(i -> i * 0xD1B54A32D192ED03L + 0x11CL);
  }

  /** 400 random pass sequences on a random link (the default suite). */
  @ParameterizedTest
  @MethodSource("seeds")
  void runner_matchesLinkStepper(long seed) {
    Passes p = Passes.random(new SplittableRandom(seed), 12);
    List<String> problems = compare(p, p.linkBytes());
    assertTrue(problems.isEmpty(), () -> "seed=" + seed + " " + p + "\n" + problems);
  }

  /** 5000 longer sequences: {@code mvn verify -Pslow}. */
  @Tag("slow")
  @ParameterizedTest
  @MethodSource("wideSeeds")
  void runner_matchesLinkStepper_wide(long seed) {
    Passes p = Passes.random(new SplittableRandom(seed), 40);
    List<String> problems = compare(p, p.linkBytes());
    assertTrue(problems.isEmpty(), () -> "seed=" + seed + " " + p + "\n" + problems);
  }

  /**
   * Systolic layers on a shared link through {@link Simulation}, the array stepped register by
   * register: 150 random cases x 3 dataflows (the default suite), 1500 in the slow suite.
   */
  @ParameterizedTest
  @MethodSource("layerSeeds")
  void simulation_matchesLinkStepper(long seed) {
    checkLayers(seed, 6, 1);
  }

  @Tag("slow")
  @ParameterizedTest
  @MethodSource("wideLayerSeeds")
  void simulation_matchesLinkStepper_wide(long seed) {
    checkLayers(seed, 10, 2);
  }

  static LongStream layerSeeds() {
    return seeds().limit(150);
  }

  static LongStream wideLayerSeeds() {
    return wideSeeds().limit(1500);
  }

  /**
   * Row-stationary layers on the {@code eyeriss} preset's shared link at random rates: the engine's
   * mapping (its passes, their closed-form cycles, its DRAM words per pass and the buffer depths of
   * its global-buffer allocation) stepped on the link a cycle at a time equals the layer {@link
   * Simulation} runs: cycles and stalls. 100 random layers (the default suite), 1000 in the slow
   * one.
   */
  @ParameterizedTest
  @MethodSource("rsSeeds")
  void rowStationaryLayers_matchLinkStepper(long seed) {
    checkRowStationary(seed);
  }

  @Tag("slow")
  @ParameterizedTest
  @MethodSource("wideRsSeeds")
  void rowStationaryLayers_matchLinkStepper_wide(long seed) {
    checkRowStationary(seed);
  }

  static LongStream rsSeeds() {
    return seeds().limit(100);
  }

  static LongStream wideRsSeeds() {
    return wideSeeds().limit(1000);
  }

  /**
   * The row-stationary cases are not vacuous: most map, run several passes and stall beyond the
   * first fill, and some buffers are single (depth 1: the next fill waits for the pass), some of
   * them with room for part of the next fill.
   */
  @Test
  void rowStationaryCases_contend() {
    int mapped = 0;
    int multiPass = 0;
    int stalled = 0;
    int shallow = 0;
    int split = 0;
    for (long seed : rsSeeds().toArray()) {
      int[] f = checkRowStationary(seed);
      mapped += f[0];
      multiPass += f[1];
      stalled += f[2];
      shallow += f[3];
      split += f[4];
    }
    String counts =
        "mapped="
            + mapped
            + " multiPass="
            + multiPass
            + " stalled="
            + stalled
            + " shallow="
            + shallow
            + " split="
            + split;
    assertTrue(mapped > 30, counts);
    assertTrue(multiPass > mapped / 2, counts);
    assertTrue(stalled > mapped / 4, counts);
    assertTrue(shallow > 0, counts);
    assertTrue(split > 0, counts);
  }

  private static CgraSpec withBanks(CgraSpec c, int banks) {
    GlbSpec glb = new GlbSpec(banks, c.glb().ports(), c.glb().bytesPerPortPerCycle());
    return new CgraSpec(c.noc(), glb, c.scratchpads(), c.reconfig(), c.energy(), c.mapping());
  }

  /**
   * Runs one case; flags: mapped, several passes, stalled after the first pass, a depth-1 buffer.
   */
  private static int[] checkRowStationary(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Layer layer = RandomLayers.conv(rnd, "rs", 14, 12, 24);
    int batch = rnd.nextInt(1, 5);
    HardwareSpec eyeriss = HardwareReader.preset("eyeriss");
    double zeros = rnd.nextInt(3) == 0 ? 0.5 : -1;
    // a global buffer of 3 to 100 KiB and a filter buffer of 1 to 8 KiB: small ones leave room for
    // one ifmap tile or one pass's filters only (buffer depth 1)
    int glbKiB = rnd.nextInt(3, 101);
    int sramFilterKiB = rnd.nextInt(1, 9);
    int linkBits = 8 * rnd.nextInt(1, 9);
    int linkClock = 10 * rnd.nextInt(1, 21);
    // 1 to 25 banks: the chip's rule takes one channel per pass where a bank is small, which
    // leaves room for a second ifmap tile; few large banks leave buffers of depth 1
    int banks = rnd.nextInt(1, 26);
    HardwareSpec hw =
        new HardwareSpec(
                "rs-link",
                eyeriss.array(),
                new SramSpec(glbKiB, sramFilterKiB, glbKiB, 2, 25),
                DramSpec.link(BandwidthMode.LINK, 1, linkBits, linkClock, zeros),
                DataflowKind.RS,
                200.0,
                MemoryModel.TILES)
            .withCgra(withBanks(eyeriss.cgra(), banks));
    Simulation sim = new Simulation(hw);
    Dataflow rs = Dataflows.of(DataflowKind.RS);
    var mapped = sim.map(layer, batch, rs);
    if (!mapped.fits()) {
      return new int[5];
    }
    LayerMapping m = mapped.value();
    LayerResult e = sim.run(0, layer, rs, m);
    FoldDurations d = m.durations();
    FoldTraffic t = m.traffic();
    DramStepper.PassArray array =
        new DramStepper.PassArray() {
          private long left;

          @Override
          public void begin(int k) {
            left = d.cycles(k);
          }

          @Override
          public boolean step() {
            return --left == 0;
          }
        };
    DramStepper.Words words =
        new DramStepper.Words() {
          @Override
          public long ifmap(int k) {
            return t.ifmapFillWords(k);
          }

          @Override
          public long filter(int k) {
            return t.filterFillWords(k);
          }

          @Override
          public long ofmap(int k) {
            return t.ofmapDrainWords(k);
          }
        };
    DramStepper.Memory mem =
        SystolicStepper.memory(hw).withDepth(m.bufferDepths()).withPrefetch(m.prefetchWords());
    DramStepper.Timing s = DramStepper.run(array, words, mem, Math.toIntExact(m.passes()));
    String what = "seed=" + seed + " " + layer + " batch=" + batch + " " + hw.dram();
    assertEquals(s.cycles(), e.cycles(), () -> "cycles, " + what);
    assertEquals(s.stallCycles(), e.stallCycles(), () -> "stalls, " + what);
    int[] depth = m.bufferDepths();
    long[] prefetch = m.prefetchWords();
    return new int[] {
      1,
      m.passes() > 1 ? 1 : 0,
      s.stallCycles() > s.firstPassStart() + (s.cycles() - s.lastPassEnd()) ? 1 : 0,
      depth[0] == 1 || depth[1] == 1 || depth[2] == 1 ? 1 : 0,
      prefetch[0] > 0 || prefetch[1] > 0 ? 1 : 0
    };
  }

  /**
   * The cases are not vacuous: in most sequences a transfer waits for the link while another
   * stream's transfer holds it (contention), and the array stalls.
   */
  @Test
  void randomCases_contend() {
    int runs = 0;
    int contended = 0;
    int stalled = 0;
    int shallow = 0;
    for (long seed : seeds().limit(200).toArray()) {
      Passes p = Passes.random(new SplittableRandom(seed), 12);
      DramStepper.Timing t = p.step(p.linkBytes());
      runs++;
      contended += waited(t) ? 1 : 0;
      stalled += t.stallCycles() > t.firstPassStart() ? 1 : 0;
      shallow += p.depth()[0] == 1 || p.depth()[1] == 1 || p.depth()[2] == 1 ? 1 : 0;
    }
    String counts =
        "of " + runs + ": contended=" + contended + " stalled=" + stalled + " shallow=" + shallow;
    assertTrue(contended > runs / 2, counts);
    assertTrue(stalled > runs / 2, counts);
    assertTrue(shallow > runs / 4, counts);
  }

  /**
   * A hand-worked timeline: 3 bytes per 2 cycles (budget per cycle 1, 2, 1, 2, ... bytes), 1-byte
   * words, two passes of 2 cycles, ifmap fills of 3 and 2 words, filter fills of 1 and 1,
   * write-backs of 2 and 2.
   *
   * <pre>
   * boundary 0: ifmap 0 and filter 0 wait since 0; tie, ifmap first: cycles 0-1 (1 + 2), done 2
   * boundary 2: ifmap 1 waits since 2; filter 0 (since 0) goes: cycle 2 (1), done 3
   * boundary 3: pass 0 starts (cycles 3-4); filter 1 waits since 3; ifmap 1 (since 2) goes:
   *             cycle 3 (2), done 4
   * boundary 4: filter 1 goes: cycle 4 (1), done 5
   * boundary 5: pass 0 ends, pass 1 starts (cycles 5-6); write-back 0: cycle 5 (2), done 6
   * boundary 7: pass 1 ends; write-back 1: cycle 7 (2), done 8
   * </pre>
   *
   * 8 cycles, 4 of them stalls (0-2 and 7); ifmap busy 0-3, filter 2-4, ofmap 5-7.
   */
  @Test
  void handTimeline() {
    Passes p =
        new Passes(
            new long[] {2, 2},
            new long[] {3, 2},
            new long[] {1, 1},
            new long[] {2, 2},
            new int[] {2, 2, 2},
            new long[2],
            3,
            2,
            1);
    DramStepper.Timing t = p.step(3);
    LayerTiming e = p.runEngine(3);
    assertEquals(List.of(8L, 4L, 0L, 3L, 2L, 4L, 5L, 7L), summary(t));
    assertEquals(8, e.cycles());
    assertEquals(4, e.stallCycles());
    assertEquals(List.of(), compare(p, 3));
  }

  private static List<Long> summary(DramStepper.Timing t) {
    return List.of(
        t.cycles(),
        t.stallCycles(),
        t.firstBusy(0),
        t.lastBusy(0),
        t.firstBusy(1),
        t.lastBusy(1),
        t.firstBusy(2),
        t.lastBusy(2));
  }

  /**
   * The comparison can fail: the engine on a link one byte per period faster differs from the
   * stepper on most sequences, and an engine that loads no part of a fill early (no room beside a
   * single buffer's data) differs on most sequences whose fills the stepper splits.
   */
  @Test
  void mutations_areDetected() {
    int runs = 0;
    int rateCaught = 0;
    int split = 0;
    int prefetchCaught = 0;
    for (long seed : seeds().limit(200).toArray()) {
      Passes p = Passes.random(new SplittableRandom(seed), 12);
      runs++;
      rateCaught += compare(p, p.linkBytes() + 1).isEmpty() ? 0 : 1;
      if (p.splits()) {
        split++;
        prefetchCaught += compare(p, p.linkBytes(), new long[2]).isEmpty() ? 0 : 1;
      }
    }
    assertTrue(rateCaught > runs / 2, "of " + runs + ": rate+1 caught " + rateCaught);
    assertTrue(
        split > runs / 5 && prefetchCaught > split / 2,
        "of " + split + " split fills: no prefetch caught " + prefetchCaught);
  }

  private static boolean waited(DramStepper.Timing t) {
    // a transfer that started later than the boundary at which the previous one on the link ended
    // and later than its own earliest start would show contention; simpler: two streams' windows
    // overlap in time
    for (int a = 0; a < 3; a++) {
      for (int b = a + 1; b < 3; b++) {
        long fa = t.firstBusy(a);
        long fb = t.firstBusy(b);
        if (fa >= 0 && fb >= 0 && fa <= t.lastBusy(b) && fb <= t.lastBusy(a)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The engine (at {@code engineLinkBytes} per period) against the stepper: the differences. */
  static List<String> compare(Passes p, long engineLinkBytes) {
    return compare(p, engineLinkBytes, p.prefetch());
  }

  /** As {@link #compare(Passes, long)}, the engine with {@code enginePrefetch}. */
  static List<String> compare(Passes p, long engineLinkBytes, long[] enginePrefetch) {
    DramStepper.Timing s = p.step(p.linkBytes());
    LayerTiming e = p.runEngine(engineLinkBytes, enginePrefetch);
    List<String> problems = new ArrayList<>();
    diff(problems, "cycles", s.cycles(), e.cycles());
    diff(problems, "computeCycles", s.computeCycles(), e.computeCycles());
    diff(problems, "stallCycles", s.stallCycles(), e.stallCycles());
    diff(problems, "firstPassStart", s.firstPassStart(), e.firstFoldStartCycle());
    diff(problems, "lastPassEnd", s.lastPassEnd(), e.lastFoldEndCycle());
    for (Operand op : Operand.ALL) {
      int i = op.ordinal();
      diff(problems, op.label() + " first busy", s.firstBusy(i), e.port(op).firstCycle());
      diff(problems, op.label() + " last busy", s.lastBusy(i), e.port(op).lastCycle());
    }
    return problems;
  }

  private static void diff(List<String> problems, String what, long s, long e) {
    if (s != e) {
      problems.add(what + ": stepper " + s + ", engine " + e);
    }
  }

  private static void checkLayers(long seed, int maxSide, int scale) {
    SplittableRandom rnd = new SplittableRandom(seed);
    EngineMatchesChunkedStepperTest.Case c =
        EngineMatchesChunkedStepperTest.Case.random(rnd, maxSide, scale);
    SramSpec sram = FitSram.enlarge(c.sram(), c.layers(), c.batch(), c.rows(), c.cols());
    int linkBits = 8 * rnd.nextInt(1, 9);
    double linkMHz = 10 * rnd.nextInt(1, 21);
    double coreMHz = 50 * rnd.nextInt(1, 9);
    for (Dataflow d : SYSTOLIC) {
      HardwareSpec hw =
          new HardwareSpec(
              "link",
              new ArraySpec(c.rows(), c.cols()),
              sram,
              DramSpec.link(BandwidthMode.LINK, 1, linkBits, linkMHz, -1),
              d.kind(),
              coreMHz,
              MemoryModel.TILES);
      List<LayerResult> results =
          Simulation.run(Network.chain("link", c.layers()), hw, c.batch()).layers();
      for (int i = 0; i < c.layers().size(); i++) {
        Layer layer = c.layers().get(i);
        StepperResult s = SystolicStepper.run(layer, c.batch(), hw, seed);
        LayerResult e = results.get(i);
        String what = "seed=" + seed + " " + d + " " + hw + " " + layer + "\n  " + s + "\n  " + e;
        assertEquals(s.cycles(), e.cycles(), () -> "cycles, " + what);
        assertEquals(s.stallCycles(), e.stallCycles(), () -> "stalls, " + what);
        assertEquals(s.computeCycles(), e.computeCycles(), () -> "compute, " + what);
        assertEquals(0, s.outputMismatches(), what);
      }
    }
  }

  /**
   * A random sequence of passes for the runner: durations, words per pass and stream, buffer
   * depths, and the link's rate ({@code linkBytes} per {@code linkCycles}) and word size.
   */
  // a case holder read field by field, never compared
  @SuppressWarnings("ArrayRecordComponent")
  record Passes(
      long[] cycles,
      long[] ifmap,
      long[] filter,
      long[] ofmap,
      int[] depth,
      long[] prefetch,
      long linkBytes,
      long linkCycles,
      int wordBytes) {
    static Passes random(SplittableRandom rnd, int maxPasses) {
      int n = rnd.nextInt(1, maxPasses + 1);
      long[] cycles = new long[n];
      long[] ifmap = new long[n];
      long[] filter = new long[n];
      long[] ofmap = new long[n];
      for (int k = 0; k < n; k++) {
        cycles[k] = rnd.nextLong(1, 40);
        ifmap[k] = rnd.nextInt(4) == 0 ? 0 : rnd.nextLong(1, 30);
        filter[k] = rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(1, 30);
        ofmap[k] = rnd.nextInt(5) == 0 ? 0 : rnd.nextLong(1, 30);
      }
      int[] depth = {rnd.nextInt(1, 3), rnd.nextInt(1, 3), rnd.nextInt(1, 3)};
      // room for part of the next fill beside a single buffer's data: none, part, or all of it
      long[] prefetch = {
        rnd.nextInt(2) == 0 ? 0 : rnd.nextLong(1, 35), rnd.nextInt(2) == 0 ? 0 : rnd.nextLong(1, 35)
      };
      long linkCycles = rnd.nextLong(1, 8);
      long linkBytes = rnd.nextLong(1, 4 * linkCycles + 1);
      int wordBytes = rnd.nextInt(1, 5);
      return new Passes(
          cycles, ifmap, filter, ofmap, depth, prefetch, linkBytes, linkCycles, wordBytes);
    }

    /** Whether a single buffer moves part of its fills early (the fills are two transfers). */
    boolean splits() {
      return (depth[0] == 1 && prefetch[0] > 0) || (depth[1] == 1 && prefetch[1] > 0);
    }

    DramStepper.Timing step(long bytes) {
      DramStepper.PassArray array =
          new DramStepper.PassArray() {
            private long left;
            private int pass;

            @Override
            public void begin(int k) {
              pass = k;
              left = cycles[k];
            }

            @Override
            public boolean step() {
              return --left == 0 && pass >= 0;
            }
          };
      DramStepper.Words words =
          new DramStepper.Words() {
            @Override
            public long ifmap(int k) {
              return ifmap[k];
            }

            @Override
            public long filter(int k) {
              return filter[k];
            }

            @Override
            public long ofmap(int k) {
              return ofmap[k];
            }
          };
      DramStepper.Memory mem =
          DramStepper.Memory.link(bytes, linkCycles, wordBytes)
              .withDepth(depth)
              .withPrefetch(prefetch);
      return DramStepper.run(array, words, mem, cycles.length);
    }

    LayerTiming runEngine(long bytes) {
      return runEngine(bytes, prefetch);
    }

    LayerTiming runEngine(long bytes, long[] enginePrefetch) {
      LayerRunner runner = new LayerRunner();
      runner.setBufferDepths(depth[0], depth[1], depth[2]);
      runner.setPrefetchWords(enginePrefetch[0], enginePrefetch[1]);
      runner.setSharedLink(bytes, linkCycles, wordBytes);
      FoldTraffic traffic =
          new FoldTraffic() {
            @Override
            public long ifmapFillWords(int k) {
              return ifmap[k];
            }

            @Override
            public long filterFillWords(int k) {
              return filter[k];
            }

            @Override
            public long ofmapDrainWords(int k) {
              return ofmap[k];
            }
          };
      return runner.run(cycles.length, FoldDurations.repeating(1, cycles), traffic, 1, null);
    }

    @Override
    public String toString() {
      return "passes="
          + java.util.Arrays.toString(cycles)
          + " ifmap="
          + java.util.Arrays.toString(ifmap)
          + " filter="
          + java.util.Arrays.toString(filter)
          + " ofmap="
          + java.util.Arrays.toString(ofmap)
          + " depth="
          + java.util.Arrays.toString(depth)
          + " prefetch="
          + java.util.Arrays.toString(prefetch)
          + " link="
          + linkBytes
          + "B/"
          + linkCycles
          + "cy word="
          + wordBytes
          + "B";
    }
  }
}
