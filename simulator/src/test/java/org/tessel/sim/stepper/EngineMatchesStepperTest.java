package org.tessel.sim.stepper;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * The event-driven layer timing equals a literal cycle-by-cycle stepper ({@link SystolicStepper})
 * on random small layers, arrays, SRAMs and bandwidths, for every dataflow, exactly.
 */
final class EngineMatchesStepperTest {
  private static final int[] WORD_BYTES = {64, 32, 16, 8, 4, 2, 1};

  /** The dataflows timed as GEMM folds (row stationary maps whole layers: see stepper.rs). */
  private static final List<Dataflow> SYSTOLIC =
      Dataflows.all().stream().filter(d -> d instanceof SystolicDataflow).toList();

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 1000).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  static LongStream wideSeeds() {
    return LongStream.rangeClosed(1, 2000).map(i -> i * 0xD1B54A32D192ED03L);
  }

  /** Two random layers on random hardware, every dataflow, CALC and USER: all counters equal. */
  @ParameterizedTest
  @MethodSource("seeds")
  void engine_matchesStepper(long seed) {
    checkAllDataflowsAndModes(seed, Case.random(new SplittableRandom(seed), false));
  }

  /** Larger layers and arrays, 2000 seeds (under a minute): {@code mvn verify -Pslow}. */
  @Tag("slow")
  @ParameterizedTest
  @MethodSource("wideSeeds")
  void engine_matchesStepper_wide(long seed) {
    checkAllDataflowsAndModes(seed, Case.random(new SplittableRandom(seed), true));
  }

  /**
   * The random cases are not vacuous: among the first 200, under USER bandwidth, many stall between
   * folds (not only for the first fill and the last write-back), some are memory-bound, most have
   * several folds, and grouped layers and folds that leave PEs unused all occur.
   */
  @Test
  void randomCases_coverStallsFoldsAndGroups() {
    int runs = 0;
    int stalled = 0;
    int memoryBound = 0;
    int multiFold = 0;
    int grouped = 0;
    int partial = 0;
    for (long seed : seeds().limit(200).toArray()) {
      Case c = Case.random(new SplittableRandom(seed), false);
      Layer layer = c.layers().get(0);
      for (Dataflow d : SYSTOLIC) {
        HardwareSpec hw = c.hardware(d, BandwidthMode.USER);
        StepperResult s = SystolicStepper.run(layer, c.batch(), hw, seed);
        FoldPlan plan = ((SystolicDataflow) d).plan(layer.gemm(c.batch()), hw.array());
        runs++;
        long waitedBetweenFolds =
            s.stallCycles() - s.firstFoldStartCycle() - (s.cycles() - s.lastFoldEndCycle());
        stalled += waitedBetweenFolds > 0 ? 1 : 0;
        memoryBound += s.stallCycles() > s.computeCycles() ? 1 : 0;
        multiFold += s.folds() > 1 ? 1 : 0;
        grouped += layer.groups() > 1 ? 1 : 0;
        partial += plan.rowExtent() % c.rows() != 0 || plan.colExtent() % c.cols() != 0 ? 1 : 0;
      }
    }
    String counts =
        "of "
            + runs
            + ": stalledBetweenFolds="
            + stalled
            + " memoryBound="
            + memoryBound
            + " multiFold="
            + multiFold
            + " grouped="
            + grouped
            + " partial="
            + partial;
    assertTrue(stalled > runs / 5, counts);
    assertTrue(memoryBound > runs / 10, counts);
    assertTrue(multiFold > runs / 2, counts);
    assertTrue(grouped > runs / 20, counts);
    assertTrue(partial > runs / 2, counts);
  }

  /**
   * One fold under unlimited bandwidth: the stepped fold length against a count by hand.
   *
   * <p>OS: the last left-edge token enters row R-1 at cycle (T-1)+(R-1) and reaches column C-1 C-1
   * cycles later, so the last cycle is T+R+C-3. WS/IS: R preload cycles, then stream element L-1
   * enters row 0 at R+L-1, its sum leaves row R-1 of column C-1 in cycle R+(L-1)+(C-1)+(R-1).
   * Partial folds (fewer used rows or columns than the array) take as long as full ones.
   */
  @ParameterizedTest(name = "{0} {1}x{2} sr={3} sc={4} t={5}")
  @CsvSource({
    // dataflow, rows, cols, sr, sc, t, cycles, macs
    "os, 4, 4, 4, 4, 5, 11, 80", // 5 + 4 + 4 - 2
    "os, 4, 4, 2, 3, 5, 11, 30", // partial: bubbles keep the full skew
    "os, 8, 2, 8, 2, 1, 9, 16", // 1 + 8 + 2 - 2
    "os, 1, 1, 1, 1, 1, 1, 1",
    "os, 1, 1, 1, 1, 7, 7, 7",
    "os, 3, 5, 1, 1, 2, 8, 2", // one used PE still waits for the corner: 2 + 3 + 5 - 2
    "ws, 4, 4, 5, 4, 4, 15, 80", // 4 preload + 5 + 4 + 4 - 2
    "ws, 4, 4, 5, 2, 3, 15, 30", // partial: T=3 of 4 rows, Sc=2 of 4 columns
    "ws, 1, 1, 1, 1, 1, 2, 1", // 1 preload + 1
    "ws, 2, 6, 3, 6, 2, 11, 36", // 2 + 3 + 2 + 6 - 2
    "is, 4, 4, 4, 6, 4, 16, 96", // 4 preload + Sc=6 + 4 + 4 - 2
    "is, 3, 5, 3, 1, 2, 10, 6", // partial: 3 + 1 + 3 + 5 - 2
    "is, 5, 1, 1, 3, 5, 12, 15", // 5 + 3 + 5 + 1 - 2
  })
  void singleFold_matchesHandCount(
      String dataflow, int rows, int cols, int sr, int sc, int t, long cycles, long macs) {
    Layer layer = Layer.gemm("g", sr, sc, t);
    HardwareSpec hw = hardware(dataflow, rows, cols, BandwidthMode.CALC, 1, 1, 1);
    StepperResult s = SystolicStepper.run(layer, 1, hw, 7);
    LayerResult e = engine(layer, 1, hw);
    Supplier<String> what = () -> layer + " on " + hw + "; stepper " + s;
    assertAll(
        () -> assertEquals(1, s.folds(), what),
        () -> assertEquals(cycles, s.minFoldCycles(), what),
        () -> assertEquals(cycles, s.cycles(), what),
        () -> assertEquals(macs, s.macs(), what),
        () -> assertEquals(0, s.outputMismatches(), what),
        () -> assertEquals(cycles, e.cycles(), what),
        () -> assertEquals(macs, e.macs(), what));
  }

  /**
   * Several folds with slow DRAM, timelines worked out by hand (1 KiB SRAMs of 64-byte words: 8
   * words per half; ifmap of 12 or 18 words does not fit, the 6-word filter does).
   *
   * <p>OS 2x2, Sr=4, Sc=2, T=3, B=2: 2 folds of 5 cycles; ifmap fills of 6 words (3 cycles), filter
   * 6 then 0, write-backs of 4 words (2 cycles). Fills 0 end at 3; fold 0 runs 3-8; fill 1 runs
   * 3-6; fold 1 runs 8-13; write-back 0 8-10, write-back 1 13-15. Total 15, stall 5.
   *
   * <p>OS 2x2, Sr=6, Sc=2, T=3, B=1: 3 folds. Fills 0 end at 6; fold 0 6-11; ifmap fill 1 6-12;
   * fill 2 waits for the port (12) and fold 0 (11): 12-18; fold 1 12-17; write-back 0 11-15; fold 2
   * waits for fill 2: 18-23; write-back 1 17-21, 2 23-27. Total 27, stall 12.
   *
   * <p>Same with B=8: every transfer takes 1 cycle. Fill 0 0-1; fold 0 1-6; fill 1 1-2; fill 2
   * waits for fold 0: 6-7; fold 1 6-11; write-back 0 6-7; fold 2 11-16; write-back 2 16-17. Total
   * 17, stall 2.
   */
  @ParameterizedTest(name = "{0} {1}x{2} sr={3} sc={4} t={5} B={6}")
  @CsvSource({
    // dataflow, rows, cols, sr, sc, t, bandwidth, cycles, stall
    "os, 2, 2, 4, 2, 3, 2, 15, 5",
    "os, 2, 2, 6, 2, 3, 1, 27, 12",
    "os, 2, 2, 6, 2, 3, 8, 17, 2",
  })
  void multiFold_matchesHandTimeline(
      String dataflow,
      int rows,
      int cols,
      int sr,
      int sc,
      int t,
      int bandwidth,
      long cycles,
      long stall) {
    Layer layer = Layer.gemm("g", sr, sc, t);
    HardwareSpec hw = hardware(dataflow, rows, cols, BandwidthMode.USER, bandwidth, 1, 64);
    StepperResult s = SystolicStepper.run(layer, 1, hw, 7);
    LayerResult e = engine(layer, 1, hw);
    Supplier<String> what = () -> layer + " on " + hw + "; stepper " + s;
    assertAll(
        () -> assertEquals(cycles, s.cycles(), what),
        () -> assertEquals(stall, s.stallCycles(), what),
        () -> assertEquals(cycles, e.cycles(), what),
        () -> assertEquals(stall, e.stallCycles(), what));
  }

  private static void checkAllDataflowsAndModes(long seed, Case c) {
    Network network = Network.chain("stepper", c.layers());
    for (Dataflow d : SYSTOLIC) {
      for (BandwidthMode mode : List.of(BandwidthMode.CALC, BandwidthMode.USER)) {
        HardwareSpec hw = c.hardware(d, mode);
        List<LayerResult> results;
        try {
          results = Simulation.run(network, hw, c.batch()).layers();
        } catch (RuntimeException ex) {
          throw new AssertionError(
              "seed=" + seed + " batch=" + c.batch() + " " + c.layers() + " on " + hw, ex);
        }
        for (int i = 0; i < c.layers().size(); i++) {
          check(seed, c.layers().get(i), c.batch(), hw, results.get(i));
        }
      }
    }
  }

  private static void check(long seed, Layer layer, int batch, HardwareSpec hw, LayerResult e) {
    Supplier<String> what = () -> "seed=" + seed + " batch=" + batch + " " + layer + " on " + hw;
    StepperResult s;
    try {
      s = SystolicStepper.run(layer, batch, hw, seed);
    } catch (RuntimeException ex) {
      throw new AssertionError(what.get(), ex);
    }
    Supplier<String> full = () -> what.get() + "\n  stepper: " + s + "\n  engine:  " + e;
    long macs = layer.macs() * batch;
    assertAll(
        () -> assertEquals(s.cycles(), e.cycles(), () -> "cycles, " + full.get()),
        () ->
            assertEquals(
                s.computeCycles(), e.computeCycles(), () -> "computeCycles, " + full.get()),
        () -> assertEquals(s.stallCycles(), e.stallCycles(), () -> "stallCycles, " + full.get()),
        () -> assertEquals(macs, s.macs(), () -> "stepper MACs, " + full.get()),
        () -> assertEquals(macs, e.macs(), () -> "engine MACs, " + full.get()),
        () -> assertEquals(s.folds(), e.folds(), () -> "folds, " + full.get()),
        () ->
            assertEquals(
                s.minFoldCycles(),
                s.maxFoldCycles(),
                () -> "stepped folds differ in length, " + full.get()),
        () -> assertEquals(s.maxFoldCycles(), e.foldCycles(), () -> "fold, " + full.get()),
        () ->
            assertEquals(
                0,
                s.outputMismatches(),
                () -> "stepped array computed a wrong ofmap, " + full.get()));
  }

  private static LayerResult engine(Layer layer, int batch, HardwareSpec hw) {
    return Simulation.run(Network.chain("stepper", List.of(layer)), hw, batch).layers().get(0);
  }

  private static HardwareSpec hardware(
      String dataflow,
      int rows,
      int cols,
      BandwidthMode mode,
      int bandwidth,
      long sramKiB,
      int wordBytes) {
    return new HardwareSpec(
        "stepper",
        new ArraySpec(rows, cols),
        new SramSpec(sramKiB, sramKiB, sramKiB, wordBytes, 1),
        new DramSpec(mode, bandwidth),
        DataflowKind.find(dataflow).orElseThrow(),
        1000.0,
        MemoryModel.TILES);
  }

  /**
   * Two random layers run back to back (so the engine's reuse between layers is covered too) and
   * random hardware, less the dataflow and the bandwidth mode.
   */
  private record Case(
      List<Layer> layers, int batch, int rows, int cols, SramSpec sram, int bandwidth) {
    static Case random(SplittableRandom rnd, boolean wide) {
      int scale = wide ? 3 : 1;
      List<Layer> layers = List.of(randomLayer(rnd, "l0", scale), randomLayer(rnd, "l1", scale));
      int batch = rnd.nextInt(1, 3);
      int rows = rnd.nextInt(1, 8 * scale + 1);
      int cols = rnd.nextInt(1, 8 * scale + 1);
      // 1-4 KiB of 1-64-byte words: 8 to 2048 words per SRAM half, skewed small so that most
      // operands do not fit and are fetched slice by slice; bandwidth 1-8, skewed low
      int wordBytes = WORD_BYTES[rnd.nextInt(rnd.nextInt(WORD_BYTES.length) + 1)];
      SramSpec sram =
          new SramSpec(rnd.nextInt(1, 5), rnd.nextInt(1, 5), rnd.nextInt(1, 5), wordBytes, 1);
      // at least one fold's slices per SRAM half: the stepper runs whole folds (no chunking)
      sram = FitSram.enlarge(sram, layers, batch, rows, cols);
      int bandwidth = rnd.nextInt(1, rnd.nextInt(1, 9) + 1);
      return new Case(layers, batch, rows, cols, sram, bandwidth);
    }

    HardwareSpec hardware(Dataflow d, BandwidthMode mode) {
      return new HardwareSpec(
          "stepper",
          new ArraySpec(rows, cols),
          sram,
          new DramSpec(mode, bandwidth),
          d.kind(),
          1000.0,
          MemoryModel.TILES);
    }

    private static Layer randomLayer(SplittableRandom rnd, String name, int scale) {
      int pick = rnd.nextInt(10);
      if (pick < 2) {
        return Layer.gemm(
            name,
            rnd.nextInt(1, 20 * scale + 1),
            rnd.nextInt(1, 12 * scale + 1),
            rnd.nextInt(1, 20 * scale + 1));
      }
      if (pick == 2) {
        return Layer.fc(name, rnd.nextInt(1, 30 * scale + 1), rnd.nextInt(1, 12 * scale + 1));
      }
      return RandomLayers.conv(rnd, name, 9 * scale, 6 * scale, 9 * scale);
    }
  }
}
