package org.tessel.sim.memory.scalesim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The read answer of a row that prefetched, by hand from {@code read_buffer.py} ({@code offset}
 * starts at 1; after each prefetch {@code pot = completion - (cycle + offset)}; v2 adds a positive
 * {@code pot}, v3 adds {@code pot} and then a positive one again).
 */
final class ScaleSimVersionTest {
  @Test
  void v2_waitsForALatePrefetch_neverAnswersBeforeTheHitLatency() {
    assertEquals(20, ScaleSimVersion.V2.readAnswer(10, 20, 1, 4)); // pot 9: 11 + 9
    assertEquals(11, ScaleSimVersion.V2.readAnswer(10, 5, 1, 4)); // pot -6: stays 11
    assertEquals(20, ScaleSimVersion.V2.readAnswer(10, 20, 3, 4)); // 12, 16, 20
  }

  @Test
  void v3_countsALateWaitTwice_andAnEarlyPrefetchMovesTheAnswerBack() {
    assertEquals(29, ScaleSimVersion.V3.readAnswer(10, 20, 1, 4)); // pot 9: 11 + 9 + 9
    assertEquals(5, ScaleSimVersion.V3.readAnswer(10, 5, 1, 4)); // pot -6: 11 - 6
    // completions 16 and 20: pot 5 gives 21; then pot -1 gives 20
    assertEquals(20, ScaleSimVersion.V3.readAnswer(10, 20, 2, 4));
    // completions 12, 16, 20: 11 -> 13 (pot 1) -> 19 (pot 3) -> 21 (pot 1)
    assertEquals(21, ScaleSimVersion.V3.readAnswer(10, 20, 3, 4));
  }
}
