package org.tessel.sim.dataflow.rs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tessel.sim.mapping.FoldDurations;

/** Pass order (m, C, E, M with batch and groups outside) and the repeating pass durations. */
final class RsPassOrderTest {
  @Test
  void passOrder_decodesStripChannelGroupAndFilterGroup() {
    // E = 10 in strips of 4 (4, 4, 2); C = 6 in groups of q r = 2 (3); m / (p t) = 2
    RsShape shape = new RsShape(12, 12, 3, 3, 10, 10, 6, 8, 1, 1, 1);
    RsMapping mp = new RsMapping(4, 1, 4, 2, 1, 2, 1);
    PassOrder o = new PassOrder(shape, mp);
    assertAll(
        () -> assertEquals(6, o.stripRun()),
        () -> assertEquals(0, o.strip(5)),
        () -> assertEquals(1, o.strip(6)),
        () -> assertEquals(2, o.strip(17)),
        () -> assertEquals(0, o.strip(18), "next group of m outputs starts again"),
        () -> assertEquals(true, o.firstFilterGroup(2)),
        () -> assertEquals(false, o.firstFilterGroup(3)),
        () -> assertEquals(false, o.lastChannelGroup(3)),
        () -> assertEquals(true, o.lastChannelGroup(4)),
        () -> assertEquals(true, o.lastChannelGroup(5)),
        () -> assertEquals(false, o.lastChannelGroup(6)),
        () -> assertEquals(36, mp.passesPerGroup(shape, 1)));
  }

  @Test
  void repeatingDurations_followThePattern() {
    FoldDurations d = FoldDurations.repeating(2, new long[] {5, 7, 3});
    assertAll(
        () -> assertEquals(5, d.cycles(0)),
        () -> assertEquals(5, d.cycles(1)),
        () -> assertEquals(7, d.cycles(2)),
        () -> assertEquals(3, d.cycles(5)),
        () -> assertEquals(5, d.cycles(6)),
        () -> assertEquals(5 + 5 + 7 + 7 + 3 + 3 + 5, d.total(7)),
        () ->
            assertThrows(
                IllegalArgumentException.class, () -> FoldDurations.repeating(0, new long[] {1})),
        () ->
            assertThrows(
                IllegalArgumentException.class, () -> FoldDurations.repeating(1, new long[0])),
        () ->
            assertThrows(
                IllegalArgumentException.class,
                () -> FoldDurations.repeating(1, new long[] {4, 0})));
  }

  @Test
  void records_rejectBadParameters() {
    assertAll(
        () ->
            assertThrows(
                IllegalArgumentException.class,
                () -> new RsMapping(10, 1, 4, 4, 1, 1, 1)), // m not a multiple of p t
        () ->
            assertThrows(IllegalArgumentException.class, () -> new RsMapping(4, 0, 4, 4, 1, 1, 1)),
        () ->
            assertThrows(
                IllegalArgumentException.class,
                () -> new RsShape(12, 12, 0, 3, 10, 10, 6, 8, 1, 1, 1)));
  }
}
