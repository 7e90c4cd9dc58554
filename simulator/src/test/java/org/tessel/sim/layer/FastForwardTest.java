package org.tessel.sim.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tessel.sim.mapping.FoldDurations;
import org.tessel.sim.mapping.FoldTraffic;

/**
 * {@link LayerRunner}'s skipping of repeated stretches ({@code setFastForward}) against the same
 * runner with every fold and transfer an event: on 3,000 random runs (fold durations in runs and
 * classes, traffic repeating in nested loops as row stationary's does or not at all, buffer depths
 * 1 and 2, partial prefetch, a shared link at fractional rates or separate ports) every timing is
 * identical. A mutation check shows the comparison can fail: traffic that claims to repeat when it
 * does not makes the skipping runner differ.
 */
final class FastForwardTest {
  /**
   * Traffic in the nested loops of row stationary: fold {@code k}'s strip is {@code (k / (f c)) %
   * s}; the first of each {@code f} folds loads ifmap words, the folds of the last of {@code c}
   * groups write back; words per strip. {@code lie}: claims to repeat everywhere.
   */
  static final class LoopTraffic implements FoldTraffic {
    private final int f;
    private final int c;
    private final long[] ifmap;
    private final long filter;
    private final long[] ofmap;
    private final boolean lie;

    LoopTraffic(int f, int c, long[] ifmap, long filter, long[] ofmap, boolean lie) {
      this.f = f;
      this.c = c;
      this.ifmap = ifmap.clone();
      this.filter = filter;
      this.ofmap = ofmap.clone();
      this.lie = lie;
    }

    private int strip(int k) {
      return (int) ((long) k / ((long) f * c) % ifmap.length);
    }

    @Override
    public long ifmapFillWords(int k) {
      return k % f == 0 ? ifmap[strip(k)] : 0;
    }

    @Override
    public long filterFillWords(int k) {
      return filter;
    }

    @Override
    public long ofmapDrainWords(int k) {
      return (k / f) % c == c - 1 ? ofmap[strip(k)] : 0;
    }

    @Override
    public int period() {
      return f;
    }

    @Override
    public int periodicUntil(int from, int period, int limit) {
      return lie ? Math.max(from, limit) : FoldTraffic.super.periodicUntil(from, period, limit);
    }

    @Override
    public String toString() {
      return "loops f="
          + f
          + " c="
          + c
          + " ifmap="
          + Arrays.toString(ifmap)
          + " filter="
          + filter
          + " ofmap="
          + Arrays.toString(ofmap);
    }
  }

  /** Words drawn afresh for every fold (the default, fold-by-fold {@code periodicUntil}). */
  static final class RandomTraffic implements FoldTraffic {
    private final long[][] words;

    RandomTraffic(long[][] words) {
      this.words = words;
    }

    @Override
    public long ifmapFillWords(int k) {
      return words[0][k];
    }

    @Override
    public long filterFillWords(int k) {
      return words[1][k];
    }

    @Override
    public long ofmapDrainWords(int k) {
      return words[2][k];
    }

    @Override
    public String toString() {
      return "random words per fold";
    }
  }

  private static long[] words(Random rnd, int n, int max) {
    long[] w = new long[n];
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextLong(max + 1L);
    }
    return w;
  }

  private static FoldDurations durations(Random rnd) {
    if (rnd.nextBoolean()) {
      long[] pattern = new long[1 + rnd.nextInt(3)];
      for (int i = 0; i < pattern.length; i++) {
        pattern[i] = 1 + rnd.nextLong(rnd.nextBoolean() ? 8 : 120);
      }
      return FoldDurations.repeating(1 + rnd.nextInt(60), pattern);
    }
    long[] classes = new long[4];
    for (int i = 0; i < 4; i++) {
      classes[i] = 1 + rnd.nextLong(40);
    }
    return new FoldDurations(1 + rnd.nextInt(5), 1 + rnd.nextInt(5), classes);
  }

  private static FoldTraffic traffic(Random rnd, int folds, boolean lie) {
    if (!lie && rnd.nextInt(6) == 0) {
      return new RandomTraffic(
          new long[][] {words(rnd, folds, 30), words(rnd, folds, 30), words(rnd, folds, 30)});
    }
    int strips = 1 + rnd.nextInt(3);
    return new LoopTraffic(
        1 + rnd.nextInt(6),
        1 + rnd.nextInt(8),
        words(rnd, strips, 60),
        rnd.nextInt(25),
        words(rnd, strips, 40),
        lie);
  }

  /** Configures {@code runners} alike at random; returns the per-port bandwidth (0: unlimited). */
  private static long configure(Random rnd, LayerRunner... runners) {
    int[] depth = {1 + rnd.nextInt(2), 1 + rnd.nextInt(2), 1 + rnd.nextInt(2)};
    long ifmapEarly = rnd.nextBoolean() ? rnd.nextInt(20) : 0;
    long filterEarly = rnd.nextBoolean() ? rnd.nextInt(20) : 0;
    boolean link = rnd.nextInt(4) != 0;
    long bytes = 1 + rnd.nextLong(20);
    long cycles = 1 + rnd.nextLong(7);
    for (LayerRunner r : runners) {
      r.setBufferDepths(depth[0], depth[1], depth[2]);
      r.setPrefetchWords(ifmapEarly, filterEarly);
      r.setSharedLink(link ? bytes : 0, link ? cycles : 0, 2);
    }
    return link ? 0 : rnd.nextInt(4);
  }

  private static void assertSameTiming(LayerTiming want, LayerTiming got, String what) {
    assertEquals(
        want,
        new LayerTiming(
            got.cycles(),
            got.computeCycles(),
            got.stallCycles(),
            got.folds(),
            got.firstFoldStartCycle(),
            got.lastFoldEndCycle(),
            got.lastDrainEndCycle(),
            want.events(),
            got.ifmapPort(),
            got.filterPort(),
            got.ofmapPort()),
        what);
  }

  @Test
  void randomRuns_skippingGivesExactlyTheTimingOfEveryFoldAsAnEvent() {
    Random rnd = new Random(2026);
    LayerRunner skipping = new LayerRunner();
    LayerRunner stepping = new LayerRunner();
    stepping.setFastForward(false);
    for (int i = 0; i < 3000; i++) {
      int folds = 1 + rnd.nextInt(i % 20 == 0 ? 5000 : 800);
      FoldDurations d = durations(rnd);
      FoldTraffic t = traffic(rnd, folds, false);
      long bandwidth = configure(rnd, skipping, stepping);
      LayerTiming want = stepping.run(folds, d, t, bandwidth, null);
      LayerTiming got = skipping.run(folds, d, t, bandwidth, null);
      assertSameTiming(want, got, "case " + i + ": " + t);
    }
  }

  /**
   * Row stationary's loops with long channel sweeps (3 filter groups, 400 channel groups, 2 strips
   * of different traffic, 3 groups of outputs: 7,200 folds) on a link of 2.4 bytes per cycle with
   * depth-1 buffers and partial prefetch: the same timing from a small share of the events, since a
   * sweep's repeated folds are skipped once their pattern (and the link's byte phase) recurs.
   */
  @Test
  void longSweeps_costEventsPerStretchNotPerFold() {
    FoldTraffic t = new LoopTraffic(3, 400, new long[] {50, 30}, 40, new long[] {20, 12}, false);
    FoldDurations d = FoldDurations.repeating(1200, new long[] {37, 23});
    LayerRunner skipping = new LayerRunner();
    LayerRunner stepping = new LayerRunner();
    stepping.setFastForward(false);
    for (LayerRunner r : new LayerRunner[] {skipping, stepping}) {
      r.setBufferDepths(1, 1, 2);
      r.setPrefetchWords(20, 10);
      r.setSharedLink(12, 5, 2);
    }
    LayerTiming want = stepping.run(7200, d, t, 0, null);
    LayerTiming got = skipping.run(7200, d, t, 0, null);
    assertSameTiming(want, got, "long sweeps");
    assertTrue(want.events() > 20_000, want.events() + " events stepping");
    assertTrue(got.events() * 20 < want.events(), got.events() + " of " + want.events());
  }

  @Test
  void mutation_trafficThatClaimsToRepeatWhenItDoesNot_isCaught() {
    Random rnd = new Random(7);
    LayerRunner skipping = new LayerRunner();
    LayerRunner stepping = new LayerRunner();
    stepping.setFastForward(false);
    int differ = 0;
    for (int i = 0; i < 400; i++) {
      int folds = 1 + rnd.nextInt(1500);
      FoldDurations d = durations(rnd);
      FoldTraffic lying = traffic(rnd, folds, true);
      long bandwidth = configure(rnd, skipping, stepping);
      LayerTiming want = stepping.run(folds, d, lying, bandwidth, null);
      LayerTiming got = skipping.run(folds, d, lying, bandwidth, null);
      if (want.cycles() != got.cycles() || want.lastDrainEndCycle() != got.lastDrainEndCycle()) {
        differ++;
      }
    }
    assertTrue(differ >= 20, differ + " of 400 lying runs differ");
  }

  @Test
  void durations_totalInClosedForm_andPeriodicUntilNeverLate() {
    Random rnd = new Random(3);
    for (int i = 0; i < 2000; i++) {
      FoldDurations d = durations(rnd);
      long folds = rnd.nextInt(5000);
      long sum = 0;
      for (long k = 0; k < folds; k++) {
        sum += d.cycles(k);
      }
      assertEquals(sum, d.total(folds), "case " + i);
      long period = 1 + rnd.nextLong(200);
      long from = period + rnd.nextInt(3000);
      long limit = from + rnd.nextInt(3000);
      long until = d.periodicUntil(from, period, limit);
      assertTrue(until >= from && until <= Math.max(from, limit), "case " + i);
      for (long k = from; k < until; k++) {
        assertEquals(d.cycles(k - period), d.cycles(k), "case " + i + " fold " + k);
      }
    }
  }
}
