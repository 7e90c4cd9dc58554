package org.tessel.sim.stepper.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.arch.ReconfigSpec;
import org.tessel.sim.arch.ScratchpadSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.PinnedRowStationary;
import org.tessel.sim.dataflow.rs.RsLayerMapping;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.dataflow.rs.RsShape;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;

/**
 * The engine's row-stationary pass timing (the closed form {@code T_start + T_steady + T_skew +
 * T_drain} of {@code PassTimer}) against the literal pass ({@link RsPassStepper}) on random small
 * legal mappings, per pass and per layer.
 *
 * <p>They are not equal: the closed form is a bound. What holds, and is asserted:
 *
 * <ul>
 *   <li>every stepped pass does the pass's work: {@code R e_s r t} PEs of {@code n F p q S} MACs
 *       each, {@code e_s t} chains writing {@code n F p} sums each, every sum equal to the
 *       convolution computed directly (the PEs compute with the words the networks brought them);
 *   <li>the engine's layer (through {@link Simulation} with the mapping pinned, DRAM unlimited) is
 *       the sum of its passes, and the stepped layer the sum of the stepped passes;
 *   <li>in the <b>bounded regime</b> (one read port per input network, as on Eyeriss; no window
 *       slide or row reload that the ifmap scratchpad cannot absorb, {@code q U_w <= spad - q S}
 *       and, for {@code n > 1}, {@code q S <= spad - q S}; and no ifmap row multicast to PEs at
 *       different heights of their chains, i.e. not {@code e_s >= 2} with {@code U < R}) the
 *       literal pass and layer are never longer than the engine's.
 * </ul>
 *
 * Outside it the literal pass can be longer (pinned cases below): PEs sharing a read port, or
 * sliding at the same moment on a narrow ifmap bus, or a multicast ifmap row waiting for the PE
 * furthest behind in its chain, are bursts the closed form's {@code max(PE bound, busiest link)}
 * assumes FIFOs absorb. Inside and outside, the closed form also counts what the literal pass
 * overlaps: the scratchpad writes of the first window after its delivery ({@code + q S / spad_wr}),
 * the first windows again in the steady bus load, one slide stall per image row that is a row
 * reload, and all {@code p e_s t} last sums in the drain.
 */
final class EngineMatchesRsStepperTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 150).map(i -> i * 0x9E3779B97F4A7C15L + 0x25L);
  }

  static LongStream wideSeeds() {
    return LongStream.rangeClosed(1, 3000).map(i -> i * 0xD1B54A32D192ED03L + 0x25L);
  }

  /** 150 random cases, every strip of each (the default suite). */
  @ParameterizedTest
  @MethodSource("seeds")
  void engine_boundsRsStepper(long seed) {
    RsCase c = RsCase.random(new SplittableRandom(seed), 1);
    if (c != null) {
      List<String> problems = compare(c, c.hw(), new Stats());
      assertTrue(problems.isEmpty(), () -> "seed=" + seed + " " + describe(c) + "\n" + problems);
    }
  }

  /** 3000 cases on arrays up to 12 x 10: {@code mvn verify -Pslow}. */
  @Tag("slow")
  @ParameterizedTest
  @MethodSource("wideSeeds")
  void engine_boundsRsStepper_wide(long seed) {
    RsCase c = RsCase.random(new SplittableRandom(seed), 2);
    if (c != null) {
      List<String> problems = compare(c, c.hw(), new Stats());
      assertTrue(problems.isEmpty(), () -> "seed=" + seed + " " + describe(c) + "\n" + problems);
    }
  }

  /**
   * The figures docs/architecture.md gives ("what is exact"): 3000 random cases at scale 1, their
   * passes, how many lie in the bounded regime, how many of those step to exactly the engine's
   * cycles, how many passes step longer than the engine's (all outside the regime: {@link #compare}
   * fails otherwise), and the literal / engine ratio. About 6 s: {@code mvn verify -Pslow}.
   */
  @Tag("slow")
  @Test
  void documentedFigures() {
    Stats st = new Stats();
    for (long seed : wideSeeds().toArray()) {
      RsCase c = RsCase.random(new SplittableRandom(seed), 1);
      if (c != null) {
        List<String> problems = compare(c, c.hw(), st);
        assertTrue(problems.isEmpty(), () -> "seed=" + seed + " " + problems);
      }
    }
    assertEquals(
        "passes=6115 bounded=1453 equalInBounded=109 literalLonger=124 chained=4590"
            + " literal/engine mean=0.855 min=0.400 max=1.242",
        st.toString());
  }

  /**
   * The cases are not vacuous: among the first 150 seeds most draw a legal mapping, both regimes
   * occur, passes of several strips and of several PEs per chain occur, and in the bounded regime
   * some passes step to exactly the engine's cycles.
   */
  @Test
  void randomCases_coverBothRegimes() {
    Stats st = new Stats();
    int cases = 0;
    for (long seed : seeds().toArray()) {
      RsCase c = RsCase.random(new SplittableRandom(seed), 1);
      if (c != null) {
        cases++;
        compare(c, c.hw(), st);
      }
    }
    String counts = "of " + cases + " cases: " + st;
    assertTrue(cases > 100, counts);
    assertTrue(st.bounded > st.passes / 5, counts);
    assertTrue(st.passes - st.bounded > st.passes / 5, counts);
    assertTrue(st.chained > st.passes / 5, counts);
    assertTrue(st.equal > 0, counts);
  }

  /**
   * The comparison can fail: the engine given every bus and read port one word wider (a faster
   * engine) falls below the literal pass on bounded passes, and so does a test double of the engine
   * that takes one cycle off every pass.
   */
  @Test
  void mutatedEngine_isDetected() {
    int caughtWider = 0;
    int caughtMinusOne = 0;
    for (long seed : seeds().toArray()) {
      RsCase c = RsCase.random(new SplittableRandom(seed), 1);
      if (c == null) {
        continue;
      }
      caughtMinusOne += compare(c, c.hw(), -1, new Stats()).isEmpty() ? 0 : 1;
      HardwareSpec wider = wider(c.hw());
      if (RsCase.estimator(c.layer(), c.batch(), wider).legal().contains(c.mapping())) {
        caughtWider += compare(c, wider, new Stats()).isEmpty() ? 0 : 1;
      }
    }
    assertTrue(caughtWider > 0, "wider buses never caught");
    assertTrue(caughtMinusOne > 0, "one cycle less never caught");
  }

  /**
   * The disagreements, one per way the literal pass can be longer than the closed form, each the
   * pass with the fewest engine cycles of its kind among 3000 random cases: stepped and engine
   * cycles of the pass.
   *
   * <ul>
   *   <li>one read port for the three input networks (r = 2 copies, a 1x1 filter): the first
   *       windows, the filters and the read-back partial sums take turns on the port, which the
   *       closed form charges as one load in {@code T_start} and one in {@code T_steady};
   *   <li>a 3-word ifmap scratchpad holding a 3-word window: each slide of {@code q U_w = 2} words
   *       is written after the pixel, and the five filter copies' PEs slide together on a 2-word
   *       ifmap bus;
   *   <li>an ifmap row multicast to PEs at different heights of their chains ({@code e_s = 2},
   *       {@code U = 2 < R = 3}): the PE ahead in its chain waits for the free slot of the one a
   *       psum step behind.
   * </ul>
   */
  @ParameterizedTest(name = "{0}: literal {17}, engine {18}")
  @CsvSource({
    // case, H, W, C, M, R, S, U, Uw, batch, rows, cols, bus bytes (i f pi po), ports bytes,
    //   spads (f i p), mapping, strip, literal, engine
    "shared port, 7, 5, 2, 1, 1, 1, 2, 1, 2, 6, 5, 6 2 2 4, 1 8, 36 9 2, m=1 n=1 e=1 p=1 q=1 r=2"
        + " t=1, 1, 15, 13",
    "slide stall, 6, 5, 1, 5, 1, 3, 2, 2, 2, 6, 2, 4 6 2 8, 3 6, 35 3 19, m=5 n=1 e=1 p=1 q=1"
        + " r=1 t=5, 1, 20, 19",
    "skewed multicast, 8, 8, 3, 1, 3, 2, 2, 1, 1, 6, 5, 6 6 2 6, 3 8, 54 3 16, m=1 n=1 e=2 p=1"
        + " q=1 r=1 t=1, 1, 35, 31",
  })
  void outsideTheBoundedRegime_literalCanBeLonger(
      String kind,
      int h,
      int w,
      int c,
      int m,
      int r,
      int s,
      int u,
      int uw,
      int batch,
      int rows,
      int cols,
      String bus,
      String port,
      String spads,
      String mapping,
      int strip,
      long literal,
      long engine) {
    int[] b = ints(bus);
    int[] pt = ints(port);
    int[] sp = ints(spads);
    Layer layer =
        new Layer(
            "rs",
            LayerKind.CONV,
            h,
            w,
            c,
            r,
            s,
            u,
            uw,
            0,
            0,
            (h - r) / u + 1,
            (w - s) / uw + 1,
            m,
            1);
    HardwareSpec hw =
        hardware(
            rows, cols, b, new GlbSpec(25, pt[0], pt[1]), new ScratchpadSpec(sp[0], sp[1], sp[2]));
    RsCase rc = new RsCase(layer, batch, hw, RsMapping.parse(mapping));
    int k = strip - 1;
    int es = rc.mapping().stripWidth(rc.shape(), k);
    long e = rc.engine().stripTiming(k).total();
    long lit = RsPassStepper.run(rc.pass(es, RsCase.stepperHardware(hw))).cycles();
    assertEquals(engine, e, "engine");
    assertEquals(literal, lit, "literal");
    assertTrue(!bounded(rc, es), kind + " is outside the bounded regime");
  }

  /** Pass by pass, then the layer: what does not hold, empty when everything does. */
  static List<String> compare(RsCase c, HardwareSpec engineHw, Stats st) {
    return compare(c, engineHw, 0, st);
  }

  /**
   * As {@link #compare(RsCase, HardwareSpec, Stats)}, with every engine pass {@code delta} cycles
   * longer (a test double of the engine for the mutation check).
   */
  static List<String> compare(RsCase c, HardwareSpec engineHw, long delta, Stats st) {
    List<String> problems = new ArrayList<>();
    RsShape sh = c.shape();
    RsMapping mp = c.mapping();
    RsLayerMapping engine = RsCase.estimator(c.layer(), c.batch(), engineHw).mapping(mp);
    RsPassStepper.Hardware h = RsCase.stepperHardware(c.hw());
    long inner =
        (long) mp.batchGroups(c.batch())
            * mp.channelGroups(sh)
            * mp.outputGroups(sh)
            * mp.filterGroupsPerM();
    long literalLayer = 0;
    long engineLayer = 0;
    boolean allBounded = true;
    int qs = mp.q() * sh.s();
    for (int k = 0; k < mp.strips(sh); k++) {
      int es = mp.stripWidth(sh, k);
      RsPassStepper.Result lit = RsPassStepper.run(c.pass(es, h));
      long e = engine.stripTiming(k).total() + delta;
      long pes = (long) sh.r() * es * mp.r() * mp.t();
      long sums = (long) mp.n() * sh.f() * mp.p();
      if (lit.macs() != pes * sums * qs
          || lit.resultsWritten() != (long) es * mp.t() * sums
          || lit.outputMismatches() != 0) {
        problems.add("strip " + k + ": the stepped pass did not do its work: " + lit);
      }
      boolean bounded = bounded(c, es);
      allBounded &= bounded;
      if (bounded && lit.cycles() > e) {
        problems.add("strip " + k + ": literal " + lit.cycles() + " > engine " + e);
      }
      st.passes++;
      st.bounded += bounded ? 1 : 0;
      st.equal += bounded && lit.cycles() == e ? 1 : 0;
      st.longer += lit.cycles() > e ? 1 : 0;
      st.chained += sh.r() * mp.r() > 1 ? 1 : 0;
      st.ratioSum += (double) lit.cycles() / e;
      st.maxRatio = Math.max(st.maxRatio, (double) lit.cycles() / e);
      st.minRatio = Math.min(st.minRatio, (double) lit.cycles() / e);
      literalLayer += inner * lit.cycles();
      engineLayer += inner * e;
    }
    literalLayer *= sh.groups();
    engineLayer *= sh.groups();
    LayerResult layer =
        new Simulation(engineHw)
            .run(
                0,
                c.layer(),
                new PinnedRowStationary(mp),
                new Simulation(engineHw)
                    .map(c.layer(), c.batch(), new PinnedRowStationary(mp))
                    .orElseThrow());
    if (layer.computeCycles() + delta * mp.passesPerGroup(sh, c.batch()) * sh.groups()
        != engineLayer) {
      problems.add(
          "engine layer " + layer.computeCycles() + " is not the sum of its passes " + engineLayer);
    }
    if (allBounded && literalLayer > engineLayer) {
      problems.add("layer: literal " + literalLayer + " > engine " + engineLayer);
    }
    return problems;
  }

  /** The bounded regime (see the class comment). */
  static boolean bounded(RsCase c, int es) {
    RsShape sh = c.shape();
    RsMapping mp = c.mapping();
    int spad = c.hw().cgra().scratchpads().ifmapWords();
    int qs = mp.q() * sh.s();
    boolean slideStall = mp.q() * sh.strideW() > spad - qs || (mp.n() > 1 && qs > spad - qs);
    boolean skewedMulticast = es >= 2 && sh.strideH() < sh.r();
    return c.hw().cgra().glb().ports() >= 3 && !slideStall && !skewedMulticast;
  }

  private static HardwareSpec wider(HardwareSpec hw) {
    NocSpec n = hw.cgra().noc();
    int wb = hw.sram().wordBytes();
    GlbSpec g = hw.cgra().glb();
    return hardware(
        hw.array().rows(),
        hw.array().cols(),
        new int[] {
          n.ifmapBytesPerCycle() + wb,
          n.filterBytesPerCycle() + wb,
          n.psumInBytesPerCycle() + wb,
          n.psumOutBytesPerCycle() + wb
        },
        new GlbSpec(g.banks(), g.ports(), g.bytesPerPortPerCycle() + wb),
        hw.cgra().scratchpads());
  }

  static HardwareSpec hardware(int rows, int cols, int[] bus, GlbSpec glb, ScratchpadSpec spads) {
    CgraSpec eyeriss = HardwareReader.preset("eyeriss").cgra();
    NocSpec noc = new NocSpec(NocTopology.XY_BUS, 8, 0, true, bus[0], bus[1], bus[2], bus[3]);
    return new HardwareSpec(
            "rs-stepper",
            new ArraySpec(rows, cols),
            new SramSpec(100, 8, 100, 2, 25),
            new DramSpec(BandwidthMode.CALC, 1),
            DataflowKind.RS,
            200.0,
            MemoryModel.TILES)
        .withCgra(
            new CgraSpec(noc, glb, spads, ReconfigSpec.FREE, eyeriss.energy(), eyeriss.mapping()));
  }

  private static int[] ints(String text) {
    String[] parts = text.trim().split(" ", -1);
    int[] v = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = Integer.parseInt(parts[i]);
    }
    return v;
  }

  private static String describe(RsCase c) {
    return c.layer()
        + " batch="
        + c.batch()
        + " "
        + c.mapping()
        + " on "
        + c.hw().array()
        + " "
        + c.hw().cgra().noc()
        + " "
        + c.hw().cgra().glb()
        + " "
        + c.hw().cgra().scratchpads();
  }

  /** Counts over the compared passes. */
  static final class Stats {
    int passes;
    int bounded;
    int equal;
    int longer;
    int chained;
    double ratioSum;
    double maxRatio;
    double minRatio = Double.MAX_VALUE;

    @Override
    public String toString() {
      return "passes="
          + passes
          + " bounded="
          + bounded
          + " equalInBounded="
          + equal
          + " literalLonger="
          + longer
          + " chained="
          + chained
          + " literal/engine mean="
          + String.format(java.util.Locale.ROOT, "%.3f", ratioSum / passes)
          + " min="
          + String.format(java.util.Locale.ROOT, "%.3f", minRatio)
          + " max="
          + String.format(java.util.Locale.ROOT, "%.3f", maxRatio);
    }
  }
}
