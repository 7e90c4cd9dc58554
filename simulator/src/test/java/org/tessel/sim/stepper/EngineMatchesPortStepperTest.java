package org.tessel.sim.stepper;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
import org.tessel.sim.arch.CgraSpec;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.EnergyTable;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.ReconfigSpec;
import org.tessel.sim.arch.ScratchpadSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.dataflow.systolic.SystolicTiming;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * The engine's fold timing on the network ({@link SystolicTiming}: per phase, the larger of the
 * compute bound and the busiest link, plus the skew) equals the literal stepper whose edge
 * registers are filled word by word by the global buffer's shared read ports ({@link EdgeFeed},
 * {@link PortGatedArray}) under {@link EdgeFeed.Rules#DEFAULT}: double-buffered edge registers,
 * words of the stream phase requested once the preload is over.
 *
 * <p>Hardware with contention: 1 to {@code rows + cols} read ports of 1 to 4 words per cycle on
 * arrays of 1 to 6 rows and columns, so that several edge registers share a port.
 */
final class EngineMatchesPortStepperTest {
  /** The dataflows timed as GEMM folds (row stationary maps whole layers: see stepper.rs). */
  private static final List<Dataflow> DATAFLOWS =
      Dataflows.all().stream().filter(d -> d instanceof SystolicDataflow).toList();

  private static final int[] WORD_BYTES = {1, 2, 4, 8, 16};

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 500).map(i -> i * 0x9E3779B97F4A7C15L + 0x5EED);
  }

  static LongStream wideSeeds() {
    return LongStream.rangeClosed(1, 3000).map(i -> i * 0xD1B54A32D192ED03L + 0xC0FFEE);
  }

  /** Random layers on random contended hardware, every dataflow, CALC and USER: all equal. */
  @ParameterizedTest
  @MethodSource("seeds")
  void engine_matchesPortStepper(long seed) {
    check(seed, Case.random(new SplittableRandom(seed), 6, 1));
  }

  /** Larger arrays (up to 10 x 10) and layers, 3000 seeds: {@code mvn verify -Pslow}. */
  @Tag("slow")
  @ParameterizedTest
  @MethodSource("wideSeeds")
  void engine_matchesPortStepper_wide(long seed) {
    check(seed, Case.random(new SplittableRandom(seed), 10, 2));
  }

  /**
   * Exhaustively, every single-GEMM case with arrays up to 4 x 4, every port count from 1 to {@code
   * rows + cols}, 1-3 words per port and Sr, Sc, T up to 5, every dataflow: each stepped fold
   * equals the engine's fold class (about 260,000 folds, about a second).
   */
  @Test
  void engine_matchesPortStepper_exhaustiveSmall() {
    long folds = 0;
    for (Dataflow d : DATAFLOWS) {
      for (int rows = 1; rows <= 4; rows++) {
        for (int cols = 1; cols <= 4; cols++) {
          for (int ports = 1; ports <= rows + cols; ports++) {
            for (int words = 1; words <= 3; words++) {
              HardwareSpec hw = hardware(d.shortName(), rows, cols, ports, words);
              SystolicTiming timing = new SystolicTiming(hw);
              for (int sr = 1; sr <= 5; sr++) {
                for (int sc = 1; sc <= 5; sc++) {
                  for (int t = 1; t <= 5; t++) {
                    Layer layer = Layer.gemm("g", sr, sc, t);
                    StepperResult s = SystolicStepper.run(layer, 1, hw, 7);
                    FoldPlan plan = ((SystolicDataflow) d).plan(layer.gemm(1), hw.array());
                    long[] classes = timing.foldClasses(plan);
                    for (int k = 0; k < s.foldCycles().length; k++) {
                      boolean lastRow = k % plan.rowFolds() == plan.rowFolds() - 1;
                      boolean lastCol = k / plan.rowFolds() == plan.colFolds() - 1;
                      long e = classes[(lastRow ? 2 : 0) + (lastCol ? 1 : 0)];
                      long got = s.foldCycles()[k];
                      int fold = k;
                      assertEquals(
                          e,
                          got,
                          () -> d + " " + layer + " on " + hw + " fold " + fold + ": stepper " + s);
                      folds++;
                    }
                    assertEquals(0, s.outputMismatches(), () -> d + " " + layer + " on " + hw);
                  }
                }
              }
            }
          }
        }
      }
    }
    assertTrue(folds > 200_000, "folds " + folds);
  }

  /**
   * The random cases are not vacuous: among the first 200 seeds, ports hold the array back in most
   * runs (often with several ports), partial folds with a different length from full ones occur,
   * and so do ports wider than one word, a single port and one port per edge register.
   */
  @Test
  void randomCases_haveContention() {
    int runs = 0;
    int held = 0;
    int unevenFolds = 0;
    int wide = 0;
    int onePort = 0;
    int edgePorts = 0;
    int heldOnSeveralPorts = 0;
    for (long seed : seeds().limit(200).toArray()) {
      Case c = Case.random(new SplittableRandom(seed), 6, 1);
      for (Dataflow d : DATAFLOWS) {
        HardwareSpec hw = c.hardware(d, BandwidthMode.CALC);
        StepperResult s = SystolicStepper.run(c.layers().get(0), c.batch(), hw, seed);
        runs++;
        held += s.heldCycles() > 0 ? 1 : 0;
        unevenFolds += s.minFoldCycles() != s.maxFoldCycles() ? 1 : 0;
        wide += c.glb().bytesPerPortPerCycle() >= 2 * c.sram().wordBytes() ? 1 : 0;
        onePort += c.glb().ports() == 1 ? 1 : 0;
        edgePorts += c.glb().ports() == c.rows() + c.cols() ? 1 : 0;
        heldOnSeveralPorts += s.heldCycles() > 0 && c.glb().ports() > 1 ? 1 : 0;
      }
    }
    String counts =
        "of "
            + runs
            + ": held="
            + held
            + " unevenFolds="
            + unevenFolds
            + " wide="
            + wide
            + " onePort="
            + onePort
            + " edgePorts="
            + edgePorts
            + " heldOnSeveralPorts="
            + heldOnSeveralPorts;
    assertTrue(held > runs / 2, counts);
    assertTrue(unevenFolds > runs / 10, counts);
    assertTrue(wide > runs / 4, counts);
    assertTrue(heldOnSeveralPorts > runs / 5, counts);
    assertTrue(onePort > runs / 20, counts);
    assertTrue(edgePorts > runs / 40, counts);
  }

  /**
   * One fold, counted by hand. Port {@code p} feeds rows {@code r = p mod P} and columns with
   * {@code (R + c) mod P = p}; a phase takes max(compute, words on the busiest port / W), the skew
   * adds R - 1 + C - 1. The layer is {@code gemm(sr, sc, t)}: OS maps Sr x Sc and streams T; WS
   * preloads T x Sc and streams Sr; IS preloads T x Sr and streams Sc.
   */
  @ParameterizedTest(name = "{0} {1}x{2} sr={3} sc={4} t={5} ports={6}x{7}w -> {8}")
  @CsvSource({
    // dataflow, rows, cols, sr, sc, t, ports, port words, fold cycles
    // port 0 feeds rows 0,2 and columns 0,2: 4 streams of 10 words -> 40, + 6
    "os, 4, 4, 4, 4, 10, 2, 1, 46",
    // the same on 2-word ports: 20 + 6
    "os, 4, 4, 4, 4, 10, 2, 2, 26",
    // one port for all 8 streams: 80 + 6
    "os, 4, 4, 4, 4, 10, 1, 1, 86",
    // SCALE-Sim's edge, one port per row and column: 10 + 6
    "os, 4, 4, 4, 4, 10, 8, 1, 16",
    // 3 ports: {row0,row3,col2} {row1,col0,col3} {row2,col1}: 30 + 6
    "os, 4, 4, 4, 4, 10, 3, 1, 36",
    // same on 2-word ports: ceil(30 / 2) + 6
    "os, 4, 4, 4, 4, 10, 3, 2, 21",
    // 4 streams on a 3-word port: ceil(40 / 3) = 14, + 6
    "os, 4, 4, 4, 4, 10, 2, 3, 20",
    // 5 ports: {row0,col1} {row1,col2} {row2,col3} {row3} {col0}: 20 + 6
    "os, 4, 4, 4, 4, 10, 5, 1, 26",
    // partial fold, rows 0-1 and columns 0-2 used: port 0 {row0,col0,col2} -> 30, + full skew 6
    "os, 4, 4, 2, 3, 10, 2, 1, 36",
    // wide ports no better than one word per cycle per stream: 10 + 6
    "os, 4, 4, 4, 4, 10, 2, 4, 16",
    // 1 x 1 array, one 1-word port for the row and the column: 2T, no skew
    "os, 1, 1, 1, 1, 7, 1, 1, 14",
    // WS preload through shared ports: columns 0,2 on port 0 -> 8; stream rows 0,2 -> 20; + 6
    "ws, 4, 4, 10, 4, 4, 2, 1, 34",
    // 2-word ports: preload max(4, 8/2) = 4, stream max(10, 20/2) = 10, + 6 (SCALE-Sim's 20)
    "ws, 4, 4, 10, 4, 4, 2, 2, 20",
    // one port: preload 16, stream 40, + 6
    "ws, 4, 4, 10, 4, 4, 1, 1, 62",
    // one used column (Sc = 1): preload 4 words (padded to R) -> 4; stream 40; + 6
    "ws, 4, 4, 10, 1, 4, 1, 1, 50",
    // T = 2 of 4 rows used: preload still shifts 4 words per column -> 8; rows 0 only on
    // port 0 (rows 1 on port 1): stream 10; + 6
    "ws, 4, 4, 10, 4, 2, 2, 1, 24",
    // 3 ports of 2 words: preload {col2} {col0,col3} {col1}: max(4, 8 / 2) = 4; stream
    // {row0,row3} {row1} {row2}: max(10, 20 / 2) = 10; + 6
    "ws, 4, 4, 10, 4, 4, 3, 2, 20",
    // IS: preload T x Sr (columns carry Sr), stream Sc; 2 ports: preload 8, stream 2 x 6 = 12
    "is, 4, 4, 4, 6, 4, 2, 1, 26",
    // IS 3 x 5, 1 port: preload 5 columns x 3 = 15, stream 3 rows x 2 = 6, + 2 + 4
    "is, 3, 5, 5, 2, 3, 1, 1, 27",
  })
  void singleFold_matchesHandCount(
      String dataflow,
      int rows,
      int cols,
      int sr,
      int sc,
      int t,
      int ports,
      int portWords,
      long cycles) {
    Layer layer = Layer.gemm("g", sr, sc, t);
    HardwareSpec hw = hardware(dataflow, rows, cols, ports, portWords);
    StepperResult s = SystolicStepper.run(layer, 1, hw, 7);
    LayerResult e = engine(layer, 1, hw);
    Supplier<String> what =
        () -> dataflow + " " + layer + " on " + hw + "\n  stepper " + s + "\n  engine " + e;
    assertAll(
        () -> assertEquals(1, s.folds(), what),
        () -> assertEquals(cycles, s.cycles(), () -> "stepper, " + what.get()),
        () -> assertEquals(cycles, e.cycles(), () -> "engine, " + what.get()),
        () -> assertEquals(0, s.outputMismatches(), what));
  }

  /**
   * The port rules, traced by hand: OS on a 1 x 2 array, T = 3, one 2-word port shared by row 0,
   * column 0 and column 1 (ring order), double-buffered edge registers. Each line: words received
   * by (row 0, column 0, column 1) after the cycle's deliveries, and whether the array advanced.
   *
   * <pre>
   * cycle 0: row0, col0 get word 0           (1,1,0) col1 empty: hold
   * cycle 1: col1 word 0, row0 word 1        (2,1,1) step 0
   * cycle 2: col0 word 1, col1 word 1        (2,2,2) step 1
   * cycle 3: row0 word 2, col0 word 2        (3,3,2) col1 lacks word 2: hold
   * cycle 4: col1 word 2 (the other turn is lost: row0 and col0 are complete) step 2
   * </pre>
   *
   * 9 words on a 2-word port: ceil(9 / 2) = 5 cycles, as the engine's link bound says.
   */
  @Test
  void edgeFeed_roundRobinTrace() {
    EdgeFeed feed = new EdgeFeed(1, 2, 1, 2, EdgeFeed.Rules.DEFAULT);
    feed.begin(1, 2, 0, 3, true);
    StringBuilder trace = new StringBuilder();
    for (int cycle = 0; cycle < 5; cycle++) {
      feed.deliver();
      boolean ready = feed.ready();
      trace
          .append("(")
          .append(feed.delivered(0))
          .append(",")
          .append(feed.delivered(1))
          .append(",")
          .append(feed.delivered(2))
          .append(")")
          .append(ready ? " step" : " hold")
          .append("\n");
      if (ready) {
        feed.advance();
      }
    }
    assertEquals(
        "(1,1,0) hold\n(2,1,1) step\n(2,2,2) step\n(3,3,2) hold\n(3,3,3) step\n", trace.toString());
    assertTrue(feed.drained());
    assertEquals(1, feed.turnsLost());
  }

  /**
   * Other physically sensible rules make the literal model and the engine disagree; the smallest
   * cases of an exhaustive sweep (arrays up to 4 x 4, every port count and 1-3 words per port, Sr,
   * Sc, T up to 5), stepper against engine:
   *
   * <ul>
   *   <li>single-register edges (FIFO depth 1): a stream cannot take a word for the next step
   *       before the array has taken this one, so when {@code k} streams share a {@code W}-word
   *       port with {@code W} not dividing {@code k}, each step costs {@code ceil(k / W)} cycles,
   *       not {@code k / W}: the literal model is slower (here 3 streams on a 2-word port, T = 2: 4
   *       cycles of stream instead of 3). The engine's link bound assumes at least double
   *       buffering.
   *   <li>prefetch of stream words in port turns the preload leaves free: the stream phase starts
   *       with words already in the edge registers, so the literal model is faster. The engine adds
   *       the phases as if no stream word moved before the preload is over.
   *   <li>padding rows of a partial row fold injected at the top edge rather than read from the
   *       buffer: each used column needs only its used rows' words, the literal model is faster.
   *       The engine charges {@code R} words to every used column's preload.
   * </ul>
   */
  @ParameterizedTest(
      name =
          "depth={0} {1} {2}: {3} {4}x{5} sr={6} sc={7} t={8} "
              + "ports={9}x{10}w: literal {11}, engine {12}")
  @CsvSource({
    // depth, prefetch, padding, dataflow, rows, cols, sr, sc, t, ports, words, literal, engine
    // 3 streams on a 2-word port: 2 x 2 = 4 stream cycles, not ceil(6 / 2) = 3; + skew 1
    "1, PHASED, FETCHED, os, 1, 2, 1, 2, 2, 1, 2, 5, 4",
    // preload of 3 words on a 2-word port leaves a turn per cycle: rows 0-2 get their only
    // stream word during the preload; stream 1 cycle, not ceil(3 / 2) = 2; 3 + 1 + 2 = 6
    "2, SPARE_TURNS, FETCHED, ws, 3, 1, 1, 1, 3, 1, 2, 6, 7",
    // T = 1 of 2 rows used: 2 columns x 1 word, 2 cycles, not 2 x 2 words = 4; 2 + 1 + 2 = 5
    "2, PHASED, LOCAL, ws, 2, 2, 1, 2, 1, 1, 1, 5, 7",
  })
  void otherRules_disagree_minimalCases(
      int depth,
      EdgeFeed.Prefetch prefetch,
      EdgeFeed.Padding padding,
      String dataflow,
      int rows,
      int cols,
      int sr,
      int sc,
      int t,
      int ports,
      int portWords,
      long literal,
      long engine) {
    Layer layer = Layer.gemm("g", sr, sc, t);
    HardwareSpec hw = hardware(dataflow, rows, cols, ports, portWords);
    EdgeFeed.Rules rules = new EdgeFeed.Rules(depth, prefetch, padding);
    StepperResult s = SystolicStepper.run(layer, 1, hw, 7, rules);
    StepperResult d = SystolicStepper.run(layer, 1, hw, 7);
    LayerResult e = engine(layer, 1, hw);
    Supplier<String> what =
        () ->
            rules
                + " "
                + dataflow
                + " "
                + layer
                + " on "
                + hw
                + "\n  stepper "
                + s
                + "\n  default rules "
                + d
                + "\n  engine "
                + e;
    assertAll(
        () -> assertEquals(literal, s.cycles(), () -> "stepper, " + what.get()),
        () -> assertEquals(engine, e.cycles(), () -> "engine, " + what.get()),
        () -> assertEquals(engine, d.cycles(), () -> "stepper, default rules, " + what.get()),
        () -> assertEquals(0, s.outputMismatches(), what));
  }

  /**
   * Beyond the smallest cases, the direction holds on the random cases (CALC, every fold against
   * the engine's fold class): with single-register edges the literal model is never faster than the
   * engine; with prefetch into spare turns or locally injected padding (double-buffered edges)
   * never slower, so the engine's bound is then an upper bound.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1, PHASED, FETCHED, slower",
    "2, SPARE_TURNS, FETCHED, faster",
    "2, PHASED, LOCAL, faster",
    "4, SPARE_TURNS, LOCAL, faster",
  })
  void otherRules_boundTheEngineOneWay(
      int depth, EdgeFeed.Prefetch prefetch, EdgeFeed.Padding padding, String direction) {
    EdgeFeed.Rules rules = new EdgeFeed.Rules(depth, prefetch, padding);
    int differ = 0;
    for (long seed : seeds().limit(150).toArray()) {
      Case c = Case.random(new SplittableRandom(seed), 6, 1);
      for (Dataflow d : DATAFLOWS) {
        HardwareSpec hw = c.hardware(d, BandwidthMode.CALC);
        for (Layer layer : c.layers()) {
          StepperResult s = SystolicStepper.run(layer, c.batch(), hw, seed, rules);
          FoldPlan plan = ((SystolicDataflow) d).plan(layer.gemm(c.batch()), hw.array());
          long[] classes = new SystolicTiming(hw).foldClasses(plan);
          for (int k = 0; k < s.foldCycles().length; k++) {
            long inGroup = k % plan.folds();
            boolean lastRow = inGroup % plan.rowFolds() == plan.rowFolds() - 1;
            boolean lastCol = inGroup / plan.rowFolds() == plan.colFolds() - 1;
            long e = classes[(lastRow ? 2 : 0) + (lastCol ? 1 : 0)];
            long got = s.foldCycles()[k];
            int fold = k;
            String what =
                "seed="
                    + seed
                    + " "
                    + rules
                    + " "
                    + d
                    + " "
                    + c
                    + " layer "
                    + layer
                    + " fold "
                    + fold
                    + ": literal "
                    + got
                    + ", engine "
                    + e;
            assertTrue(direction.equals("slower") ? got >= e : got <= e, what);
            differ += got != e ? 1 : 0;
          }
        }
      }
    }
    assertTrue(differ > 0, rules + ": no fold differs from the engine");
  }

  static HardwareSpec hardware(String dataflow, int rows, int cols, int ports, int portWords) {
    int wordBytes = 2;
    return new HardwareSpec(
            "ports",
            new ArraySpec(rows, cols),
            new SramSpec(64, 64, 64, wordBytes, 1),
            new DramSpec(BandwidthMode.CALC, 1),
            dataflowNamed(dataflow).kind(),
            1000.0,
            MemoryModel.TILES)
        .withCgra(cgra(new GlbSpec(1, ports, portWords * wordBytes), wordBytes));
  }

  static CgraSpec cgra(GlbSpec glb, int wordBytes) {
    return new CgraSpec(
        NocSpec.systolic(wordBytes),
        glb,
        ScratchpadSpec.SYSTOLIC,
        ReconfigSpec.FREE,
        EnergyTable.EYERISS_NORMALISED);
  }

  static Dataflow dataflowNamed(String name) {
    for (Dataflow d : DATAFLOWS) {
      if (d.shortName().equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException(name);
  }

  static LayerResult engine(Layer layer, int batch, HardwareSpec hw) {
    return Simulation.run(Network.chain("ports", List.of(layer)), hw, batch).layers().get(0);
  }

  private static void check(long seed, Case c) {
    Network network = Network.chain("ports", c.layers());
    for (Dataflow d : DATAFLOWS) {
      for (BandwidthMode mode : List.of(BandwidthMode.CALC, BandwidthMode.USER)) {
        HardwareSpec hw = c.hardware(d, mode);
        Supplier<String> where = () -> "seed=" + seed + " " + d + " " + mode + " " + c;
        List<LayerResult> results;
        try {
          results = Simulation.run(network, hw, c.batch()).layers();
        } catch (RuntimeException ex) {
          throw new AssertionError(where.get(), ex);
        }
        for (int i = 0; i < c.layers().size(); i++) {
          compare(where, c.layers().get(i), c.batch(), hw, results.get(i), seed);
        }
      }
    }
  }

  /** Every counter of one layer, and every fold's length against the engine's fold classes. */
  static void compare(
      Supplier<String> where, Layer layer, int batch, HardwareSpec hw, LayerResult e, long seed) {
    StepperResult s;
    try {
      s = SystolicStepper.run(layer, batch, hw, seed);
    } catch (RuntimeException ex) {
      throw new AssertionError(where.get() + " layer " + layer, ex);
    }
    FoldPlan plan =
        ((SystolicDataflow) Dataflows.of(hw.dataflow())).plan(layer.gemm(batch), hw.array());
    long[] classes = new SystolicTiming(hw).foldClasses(plan);
    Supplier<String> full =
        () ->
            where.get()
                + "\n  layer "
                + layer
                + "\n  stepper: "
                + s
                + "\n  engine:  "
                + e
                + "\n  engine fold classes: "
                + java.util.Arrays.toString(classes);
    long macs = layer.macs() * batch;
    List<org.junit.jupiter.api.function.Executable> checks =
        new ArrayList<>(
            List.of(
                () -> assertEquals(s.cycles(), e.cycles(), () -> "cycles, " + full.get()),
                () ->
                    assertEquals(
                        s.computeCycles(), e.computeCycles(), () -> "computeCycles, " + full.get()),
                () ->
                    assertEquals(
                        s.stallCycles(), e.stallCycles(), () -> "stallCycles, " + full.get()),
                () -> assertEquals(macs, s.macs(), () -> "stepper MACs, " + full.get()),
                () -> assertEquals(s.folds(), e.folds(), () -> "folds, " + full.get()),
                () ->
                    assertEquals(s.foldCycles()[0], e.foldCycles(), () -> "fold 0, " + full.get()),
                () ->
                    assertEquals(
                        0,
                        s.outputMismatches(),
                        () -> "stepped array computed a wrong ofmap, " + full.get())));
    long rowFolds = plan.rowFolds();
    long perGroup = plan.folds();
    for (int k = 0; k < s.foldCycles().length; k++) {
      long inGroup = k % perGroup;
      boolean lastRow = inGroup % rowFolds == rowFolds - 1;
      boolean lastCol = inGroup / rowFolds == plan.colFolds() - 1;
      long expected = classes[(lastRow ? 2 : 0) + (lastCol ? 1 : 0)];
      long got = s.foldCycles()[k];
      int fold = k;
      if (got != expected) {
        checks.add(
            () ->
                assertEquals(
                    expected,
                    got,
                    () ->
                        "fold "
                            + fold
                            + " (class lastRow="
                            + lastRow
                            + " lastCol="
                            + lastCol
                            + "), "
                            + full.get()));
        break;
      }
    }
    assertAll(checks);
  }

  /** Random layers and hardware with shared buffer ports, less the dataflow and bandwidth mode. */
  record Case(
      List<Layer> layers,
      int batch,
      int rows,
      int cols,
      SramSpec sram,
      int bandwidth,
      GlbSpec glb) {
    /**
     * A random case.
     *
     * @param maxSide largest array side
     * @param scale layer size multiplier
     */
    static Case random(SplittableRandom rnd, int maxSide, int scale) {
      int layerCount = rnd.nextInt(1, 3);
      List<Layer> layers = new ArrayList<>();
      for (int i = 0; i < layerCount; i++) {
        layers.add(randomLayer(rnd, "l" + i, scale));
      }
      int batch = rnd.nextInt(1, 3);
      int rows = rnd.nextInt(1, maxSide + 1);
      int cols = rnd.nextInt(1, maxSide + 1);
      int wordBytes = WORD_BYTES[rnd.nextInt(WORD_BYTES.length)];
      SramSpec sram =
          new SramSpec(rnd.nextInt(1, 5), rnd.nextInt(1, 5), rnd.nextInt(1, 5), wordBytes, 1);
      // at least one fold's slices per SRAM half: the stepper runs whole folds (no chunking)
      sram = FitSram.enlarge(sram, layers, batch, rows, cols);
      int bandwidth = rnd.nextInt(1, rnd.nextInt(1, 9) + 1);
      // ports: skewed towards few (contention), sometimes one per edge register
      int edges = rows + cols;
      int ports =
          rnd.nextInt(8) == 0 ? edges : rnd.nextInt(1, rnd.nextInt(1, (edges + 1) / 2 + 1) + 1);
      // 1-4 words per port, skewed low; sometimes a width that is not a whole number of words
      int words = rnd.nextInt(1, rnd.nextInt(1, 5) + 1);
      int bytes = words * wordBytes;
      int odd = rnd.nextInt(8);
      if (odd == 0 && wordBytes > 1) {
        bytes += rnd.nextInt(1, wordBytes); // rounds down to `words`
      } else if (odd == 1 && wordBytes > 1) {
        bytes = rnd.nextInt(1, wordBytes); // less than a word: still one word per cycle
      }
      GlbSpec glb = new GlbSpec(rnd.nextInt(1, 5), ports, bytes);
      return new Case(List.copyOf(layers), batch, rows, cols, sram, bandwidth, glb);
    }

    HardwareSpec hardware(Dataflow d, BandwidthMode mode) {
      return new HardwareSpec(
              "ports",
              new ArraySpec(rows, cols),
              sram,
              new DramSpec(mode, bandwidth),
              d.kind(),
              1000.0,
              MemoryModel.TILES)
          .withCgra(cgra(glb, sram.wordBytes()));
    }

    @Override
    public String toString() {
      return "batch="
          + batch
          + " array="
          + rows
          + "x"
          + cols
          + " "
          + glb
          + " "
          + sram
          + " dram="
          + bandwidth
          + " layers="
          + layers;
    }

    private static Layer randomLayer(SplittableRandom rnd, String name, int scale) {
      int pick = rnd.nextInt(10);
      if (pick < 3) {
        return Layer.gemm(
            name,
            rnd.nextInt(1, 14 * scale + 1),
            rnd.nextInt(1, 14 * scale + 1),
            rnd.nextInt(1, 16 * scale + 1));
      }
      if (pick == 3) {
        return Layer.fc(name, rnd.nextInt(1, 20 * scale + 1), rnd.nextInt(1, 10 * scale + 1));
      }
      return RandomLayers.conv(rnd, name, 7 * scale, 5 * scale, 8 * scale);
    }
  }
}
