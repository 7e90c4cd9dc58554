package org.tessel.sim.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.GemmDim;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;
import org.tessel.sim.workload.Network;

/**
 * Folds cut into chunks under USER bandwidth: the engine (FoldChunks on LayerRunner) equals the
 * literal stepper whose array holds still between the chunks of a fold ({@link SystolicStepper},
 * {@link Chunking}) on random small layers with SRAMs between the smallest that runs and one that
 * needs no cut ({@link ChunkSram}), every systolic dataflow, exactly: cycles, compute and stall
 * cycles, folds, MACs and the computed ofmap.
 */
final class EngineMatchesChunkedStepperTest {
  private static final List<Dataflow> SYSTOLIC =
      Dataflows.all().stream().filter(d -> d instanceof SystolicDataflow).toList();

  private static final int[] WORD_BYTES = {64, 32, 16, 8};

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 300).map(i -> i * 0x9E3779B97F4A7C15L + 0xC4L);
  }

  static LongStream wideSeeds() {
    return LongStream.rangeClosed(1, 3000).map(i -> i * 0xD1B54A32D192ED03L + 0xC4L);
  }

  /** 300 random cases x 3 dataflows (the default suite). */
  @ParameterizedTest
  @MethodSource("seeds")
  void engine_matchesChunkedStepper(long seed) {
    Case c = Case.random(new SplittableRandom(seed), 6, 1);
    for (Dataflow d : SYSTOLIC) {
      List<String> problems = compare(seed, c, c.hardware(d), c.hardware(d));
      assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }
  }

  /** 3000 cases on arrays up to 10 x 10 with larger layers: {@code mvn verify -Pslow}. */
  @Tag("slow")
  @ParameterizedTest
  @MethodSource("wideSeeds")
  void engine_matchesChunkedStepper_wide(long seed) {
    Case c = Case.random(new SplittableRandom(seed), 10, 2);
    for (Dataflow d : SYSTOLIC) {
      List<String> problems = compare(seed, c, c.hardware(d), c.hardware(d));
      assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }
  }

  /**
   * The cases are not vacuous: among the first 200 seeds over a third of the runs cut some fold
   * into chunks, many of them stall between the chunks of a fold (the next chunk's words are late),
   * and some cut streamed ofmaps (weight and input stationary).
   */
  @Test
  void randomCases_cutFoldsAndStallBetweenChunks() {
    int runs = 0;
    int cut = 0;
    int stalledInsideFold = 0;
    int ofmapCut = 0;
    for (long seed : seeds().limit(200).toArray()) {
      Case c = Case.random(new SplittableRandom(seed), 6, 1);
      for (Dataflow d : SYSTOLIC) {
        HardwareSpec hw = c.hardware(d);
        for (Layer layer : c.layers()) {
          StepperResult s = SystolicStepper.run(layer, c.batch(), hw, seed);
          long passes = passes(layer, c.batch(), hw);
          runs++;
          boolean chunked = passes > s.folds();
          cut += chunked ? 1 : 0;
          // a fold's stepped cycles exclude the stalls between its chunks; the stall inside
          // folds is the stall that is neither before the first fold nor after the last
          long outside = s.firstFoldStartCycle() + (s.cycles() - s.lastFoldEndCycle());
          stalledInsideFold += chunked && s.stallCycles() > outside ? 1 : 0;
          ofmapCut += chunked && ofmapChunked(layer, c.batch(), hw) ? 1 : 0;
        }
      }
    }
    String counts =
        "of "
            + runs
            + ": cut="
            + cut
            + " stalledBetweenPasses="
            + stalledInsideFold
            + " ofmapCut="
            + ofmapCut;
    assertTrue(cut > runs / 3, counts);
    assertTrue(stalledInsideFold > runs / 5, counts);
    assertTrue(ofmapCut > runs / 20, counts);
  }

  /**
   * The comparison can fail: the same cases with the engine given one more word per cycle of DRAM
   * bandwidth, or one more KiB of ifmap SRAM (other chunks), differ from the stepper in many of
   * them.
   */
  @Test
  void mutatedEngineInput_isDetected() {
    int runs = 0;
    int bandwidthCaught = 0;
    int sramCaught = 0;
    for (long seed : seeds().limit(100).toArray()) {
      Case c = Case.random(new SplittableRandom(seed), 6, 1);
      for (Dataflow d : SYSTOLIC) {
        HardwareSpec hw = c.hardware(d);
        HardwareSpec faster = hw.withDram(new DramSpec(BandwidthMode.USER, c.bandwidth() + 1));
        SramSpec s = c.sram();
        HardwareSpec larger =
            c.hardware(
                d,
                new SramSpec(
                    s.ifmapKiB() + 1, s.filterKiB(), s.ofmapKiB(), s.wordBytes(), s.banks()));
        runs++;
        bandwidthCaught += compare(seed, c, hw, faster).isEmpty() ? 0 : 1;
        sramCaught += compare(seed, c, hw, larger).isEmpty() ? 0 : 1;
      }
    }
    String counts =
        "of " + runs + ": bandwidth+1 caught " + bandwidthCaught + ", sram caught " + sramCaught;
    assertTrue(bandwidthCaught > runs / 2, counts);
    assertTrue(sramCaught > runs / 10, counts);
  }

  /**
   * The same on contended buffer ports (1 to 3 read ports of 1 or 2 words for all the edge
   * registers), where the array also holds inside the chunks while a port lags: 300 cases x 3
   * dataflows (the default suite).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void engine_matchesChunkedStepper_contendedPorts(long seed) {
    checkContended(seed, 6, 1);
  }

  /** 3000 contended cases on arrays up to 10 x 10: {@code mvn verify -Pslow}. */
  @Tag("slow")
  @ParameterizedTest
  @MethodSource("wideSeeds")
  void engine_matchesChunkedStepper_contendedPorts_wide(long seed) {
    checkContended(seed, 10, 2);
  }

  private static void checkContended(long seed, int maxSide, int scale) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x9047L);
    Case c = Case.random(rnd, maxSide, scale);
    GlbSpec glb = new GlbSpec(1, rnd.nextInt(1, 4), c.sram().wordBytes() * rnd.nextInt(1, 3));
    for (Dataflow d : SYSTOLIC) {
      HardwareSpec hw =
          c.hardware(d).withCgra(EngineMatchesPortStepperTest.cgra(glb, c.sram().wordBytes()));
      List<String> problems = compare(seed, c, hw, hw);
      assertTrue(problems.isEmpty(), () -> glb + "\n" + String.join("\n", problems));
    }
  }

  /**
   * Two contended cases, stepped, where a fold's network cycles must be spread over its chunks (the
   * engine once added them all to the last chunk and took 32 and 140 cycles): a 1 x 7 by 7 x 5
   * GEMM, output stationary on a 1 x 5 array, 1/2/1 KiB SRAMs of 32-byte words, 2 DRAM words per
   * cycle, 2 read ports of 2 words: 30 cycles; a grouped convolution (1 x 8 input, 6 channels, 1 x
   * 2 kernel, 8 filters in 2 groups), weight stationary on 4 x 4, 1 KiB SRAMs of 32-byte words, 1
   * DRAM word per cycle, 2 read ports of 1 word: 148 cycles.
   */
  @Test
  void chunksOnContendedPorts_pinned() {
    Layer gemm = Layer.gemm("g", 1, 5, 7);
    HardwareSpec os =
        contended(1, 5, new SramSpec(1, 2, 1, 32, 1), 2, new GlbSpec(1, 2, 64), DataflowKind.OS);
    Layer grouped = new Layer("c", LayerKind.CONV, 1, 8, 6, 1, 2, 2, 1, 0, 0, 1, 7, 8, 2);
    HardwareSpec ws =
        contended(4, 4, new SramSpec(1, 1, 1, 32, 1), 1, new GlbSpec(1, 2, 32), DataflowKind.WS);
    long[][] got = new long[2][];
    int i = 0;
    for (Object[] c : new Object[][] {{gemm, os}, {grouped, ws}}) {
      Layer layer = (Layer) c[0];
      HardwareSpec hw = (HardwareSpec) c[1];
      StepperResult s = SystolicStepper.run(layer, 1, hw, 7);
      LayerResult e = Simulation.run(Network.chain("ports", List.of(layer)), hw, 1).layers().get(0);
      assertEquals(s.computeCycles(), e.computeCycles(), "fold cycles");
      assertEquals(0, s.outputMismatches());
      got[i++] = new long[] {s.cycles(), e.cycles()};
    }
    assertEquals("[30, 30] [148, 148]", Arrays.toString(got[0]) + " " + Arrays.toString(got[1]));
  }

  private static HardwareSpec contended(
      int rows, int cols, SramSpec sram, int dram, GlbSpec glb, DataflowKind dataflow) {
    return new HardwareSpec(
            "ports",
            new ArraySpec(rows, cols),
            sram,
            new DramSpec(BandwidthMode.USER, dram),
            dataflow,
            1000.0,
            MemoryModel.TILES)
        .withCgra(EngineMatchesPortStepperTest.cgra(glb, sram.wordBytes()));
  }

  /** Passes the engine runs for {@code layer} (chunks of folds). */
  private static long passes(Layer layer, int batch, HardwareSpec hw) {
    return new Simulation(hw).map(layer, batch, Dataflows.of(hw.dataflow())).orElseThrow().passes();
  }

  /** Whether the ofmap (Sr x Sc) is streamed and its first fold's slice is larger than half. */
  private static boolean ofmapChunked(Layer layer, int batch, HardwareSpec hw) {
    SystolicDataflow d = (SystolicDataflow) Dataflows.of(hw.dataflow());
    FoldPlan plan = d.plan(layer.gemm(batch), hw.array());
    if (plan.streamDim() == GemmDim.T) {
      return false;
    }
    GemmDim other = plan.streamDim() == GemmDim.SR ? GemmDim.SC : GemmDim.SR;
    long step = other == plan.rowDim() ? plan.usedRows(0) : plan.usedCols(0);
    return step * plan.streamLength() > hw.sram().ofmapWords() / 2;
  }

  /**
   * The stepper on {@code stepped} against the engine on {@code engine} (the same hardware, or a
   * mutated one): the differences, none when they agree.
   */
  static List<String> compare(long seed, Case c, HardwareSpec stepped, HardwareSpec engine) {
    Supplier<String> where = () -> "seed=" + seed + " " + stepped.dataflow() + " " + c;
    List<LayerResult> results;
    try {
      results = Simulation.run(Network.chain("chunks", c.layers()), engine, c.batch()).layers();
    } catch (RuntimeException ex) {
      throw new AssertionError(where.get(), ex);
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < c.layers().size(); i++) {
      Layer layer = c.layers().get(i);
      LayerResult e = results.get(i);
      StepperResult s;
      try {
        s = SystolicStepper.run(layer, c.batch(), stepped, seed);
      } catch (RuntimeException ex) {
        throw new AssertionError(where.get() + " layer " + layer, ex);
      }
      String full = where.get() + "\n  layer " + layer + "\n  stepper: " + s + "\n  engine:  " + e;
      long macs = layer.macs() * c.batch();
      check(problems, "cycles", s.cycles(), e.cycles(), full);
      check(problems, "computeCycles", s.computeCycles(), e.computeCycles(), full);
      check(problems, "stallCycles", s.stallCycles(), e.stallCycles(), full);
      check(problems, "folds", s.folds(), e.folds(), full);
      check(problems, "fold cycles", s.maxFoldCycles(), e.foldCycles(), full);
      check(problems, "stepper MACs", s.macs(), macs, full);
      check(problems, "ofmap mismatches", s.outputMismatches(), 0, full);
    }
    return problems;
  }

  private static void check(List<String> problems, String what, long s, long e, String full) {
    if (s != e) {
      problems.add(what + ": stepper " + s + ", engine " + e + ", " + full);
    }
  }

  /** Random layers and hardware whose SRAMs cut folds, less the dataflow. */
  record Case(List<Layer> layers, int batch, int rows, int cols, SramSpec sram, int bandwidth) {
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
      SramSpec sram = ChunkSram.random(rnd, layers, batch, rows, cols, wordBytes);
      int bandwidth = rnd.nextInt(1, rnd.nextInt(1, 9) + 1);
      return new Case(List.copyOf(layers), batch, rows, cols, sram, bandwidth);
    }

    HardwareSpec hardware(Dataflow d) {
      return hardware(d, sram);
    }

    HardwareSpec hardware(Dataflow d, SramSpec other) {
      return new HardwareSpec(
          "chunks",
          new ArraySpec(rows, cols),
          other,
          new DramSpec(BandwidthMode.USER, bandwidth),
          d.kind(),
          1000.0,
          MemoryModel.TILES);
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
            rnd.nextInt(1, 24 * scale + 1),
            rnd.nextInt(1, 14 * scale + 1),
            rnd.nextInt(1, 24 * scale + 1));
      }
      if (pick == 3) {
        return Layer.fc(name, rnd.nextInt(1, 30 * scale + 1), rnd.nextInt(1, 10 * scale + 1));
      }
      return RandomLayers.conv(rnd, name, 9 * scale, 6 * scale, 8 * scale);
    }
  }
}
