package org.tessel.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class EventQueueTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 48).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  /** Random schedule/poll mixes against java.util.PriorityQueue ordered by (cycle, phase). */
  @ParameterizedTest
  @MethodSource("seeds")
  void queue_matchesReferenceOrderByCycleThenPhase(long seed) {
    var rnd = new SplittableRandom(seed);
    var q = new EventQueue();
    // reference entries: {cycle, phase, arg}; ties in (cycle, phase) may come in any order,
    // so compare the (cycle, phase) sequence and the multiset of args per tie group
    PriorityQueue<long[]> ref =
        new PriorityQueue<>(
            (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long now = 0;
    long nextArg = 0;
    for (int step = 0; step < 5_000; step++) {
      if (ref.isEmpty() || rnd.nextInt(3) > 0) {
        long cycle = now + rnd.nextInt(50);
        Phase phase = Phase.VALUES[rnd.nextInt(Phase.VALUES.length)];
        long arg = nextArg++;
        q.schedule(cycle, phase, 3, 7, arg);
        ref.add(new long[] {cycle, phase.ordinal(), arg});
      } else {
        long[] expected = ref.poll();
        long key = q.pollKey();
        int slot = EventQueue.slotOf(key);
        final int s = step;
        assertEquals(expected[0], EventQueue.cycleOf(key), () -> "seed=" + seed + " step=" + s);
        assertEquals(7, q.kind(slot));
        assertEquals(3, q.target(slot));
        // same (cycle, phase) group: the arg must be one still pending in that group
        long arg = q.arg(slot);
        if (arg != expected[2]) {
          boolean found =
              ref.removeIf(e -> e[2] == arg && e[0] == expected[0] && e[1] == expected[1]);
          assertTrue(
              found,
              () ->
                  "seed="
                      + seed
                      + " step="
                      + s
                      + ": arg "
                      + arg
                      + " not pending at its cycle/phase");
          ref.add(expected);
        }
        q.release(slot);
        now = expected[0];
      }
    }
    assertEquals(ref.size(), q.size(), "seed=" + seed);
  }

  @Test
  void engine_refusesEventsInThePast() {
    var e = new Engine();
    int id = e.register((kind, arg, engine) -> engine.at(engine.now() - 1, Phase.CONTROL, 0, 0, 0));
    e.after(5, Phase.CONTROL, id, 0, 0);
    var ex = assertThrows(SimulationException.class, e::run);
    assertTrue(ex.getMessage().contains("before the clock"), ex.getMessage());
  }

  @Test
  void engine_runsSameCycleEventsInPhaseOrder() {
    var e = new Engine();
    StringBuilder seen = new StringBuilder();
    int id = e.register((kind, arg, engine) -> seen.append(kind));
    e.at(3, Phase.CONTROL, id, 2, 0);
    e.at(3, Phase.TRANSFER_DONE, id, 0, 0);
    e.at(3, Phase.COMPUTE_DONE, id, 1, 0);
    e.at(1, Phase.CONTROL, id, 9, 0);
    assertEquals(3, e.run());
    assertEquals("9012", seen.toString());
  }

  @Test
  void engine_skipMovesTheClockAndEveryPendingEvent() {
    var e = new Engine();
    StringBuilder seen = new StringBuilder();
    int id =
        e.register(
            (kind, arg, engine) -> seen.append(engine.now()).append(':').append(arg).append(' '));
    e.at(4, Phase.COMPUTE_DONE, id, 0, 10);
    e.at(4, Phase.TRANSFER_DONE, id, 1, 20);
    e.at(9, Phase.TRANSFER_DONE, id, 2, 30);
    e.skip(100, new long[] {1, 2});
    assertEquals(100, e.now());
    assertEquals(109, e.run());
    // order kept (phase before phase at cycle 104); kinds 0 and 1 shifted, kind 2 beyond the array
    assertEquals("104:22 104:11 109:30 ", seen.toString());
    assertThrows(SimulationException.class, () -> e.skip(-1, new long[0]));
    e.at(200, Phase.CONTROL, id, 0, 0);
    assertThrows(SimulationException.class, () -> e.skip(EventQueue.MAX_CYCLE, new long[0]));
  }
}
