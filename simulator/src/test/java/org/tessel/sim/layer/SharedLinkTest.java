package org.tessel.sim.layer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tessel.sim.mapping.FoldTraffic;

/**
 * The shared off-chip link and the buffer depths of {@link LayerRunner}, on two folds timed by
 * hand. The link moves 3 bytes per 2 cycles (0.75 two-byte words per cycle); each fold needs 3
 * ifmap and 2 filter words and writes 1 word back. The link delivers {@code floor(1.5 t)} bytes by
 * cycle {@code t} at most, so a transfer starting at {@code t} with {@code u} bytes already sent
 * ends at {@code ceil((max(u, floor(1.5 t)) + bytes) / 1.5)}.
 */
final class SharedLinkTest {
  private static final FoldTraffic TRAFFIC =
      new FoldTraffic() {
        @Override
        public long ifmapFillWords(int k) {
          return 3;
        }

        @Override
        public long filterFillWords(int k) {
          return 2;
        }

        @Override
        public long ofmapDrainWords(int k) {
          return 1;
        }
      };

  private static LayerTiming run(int ifmapDepth) {
    LayerRunner runner = new LayerRunner();
    runner.setSharedLink(3, 2, 2);
    runner.setBufferDepths(ifmapDepth, 2, 2);
    return runner.run(2, 10, TRAFFIC, 0);
  }

  /**
   * Double buffers: ifmap 0 [0, 4], filter 0 [4, 7] (bytes 6 to 10), ifmap 1 [7, 11], filter 1 [11,
   * 14]; fold 0 [7, 17]; write-back 0 [17, 18] (the link idled: 25 bytes by cycle 17); fold 1 [17,
   * 27]; write-back 1 [27, 28].
   */
  @Test
  void doubleBuffered_transfersTakeTurnsOnTheLink() {
    LayerTiming t = run(2);
    assertAll(
        () -> assertEquals(28, t.cycles()),
        () -> assertEquals(20, t.computeCycles()),
        () -> assertEquals(8, t.stallCycles()),
        () -> assertEquals(7, t.firstFoldStartCycle()),
        () -> assertEquals(27, t.lastFoldEndCycle()),
        () -> assertEquals(28, t.lastDrainEndCycle()));
  }

  /**
   * A one-fold ifmap buffer: ifmap 1 waits for fold 0 to end (cycle 17), ties with write-back 0 and
   * goes first (ifmap before ofmap): ifmap 1 [17, 21], write-back 0 [21, 22], fold 1 [21, 31],
   * write-back 1 [31, 32].
   */
  @Test
  void singleIfmapBuffer_waitsForTheFold() {
    LayerTiming t = run(1);
    assertAll(
        () -> assertEquals(32, t.cycles()),
        () -> assertEquals(12, t.stallCycles()),
        () -> assertEquals(31, t.lastFoldEndCycle()));
  }

  /**
   * A one-fold ifmap buffer with room for 2 of the next fill's 3 words: each ifmap fill is two
   * transfers, 2 words once fold k - 2 has ended and 1 word once fold k - 1 has ended. Ifmap 0 [0,
   * 3] (4 bytes) and filter 0 (waiting since 0) [3, 6]; ifmap 0's last word [6, 8] (bytes 9 to 11);
   * fold 0 [8, 18]; filter 1 (waiting since 6) [8, 11], ifmap 1's first 2 words [11, 14] during
   * fold 0; ifmap 1's last word waits for fold 0: [18, 20], before write-back 0 (a tie, ifmap
   * first); fold 1 [20, 30]; write-back 0 [20, 22], write-back 1 [30, 32].
   */
  @Test
  void singleIfmapBufferWithRoom_loadsPartOfTheNextFillEarly() {
    LayerRunner runner = new LayerRunner();
    runner.setSharedLink(3, 2, 2);
    runner.setBufferDepths(1, 2, 2);
    runner.setPrefetchWords(2, 0);
    LayerTiming t = runner.run(2, 10, TRAFFIC, 0);
    assertAll(
        () -> assertEquals(32, t.cycles()),
        () -> assertEquals(12, t.stallCycles()),
        () -> assertEquals(8, t.firstFoldStartCycle()),
        () -> assertEquals(30, t.lastFoldEndCycle()),
        () -> assertEquals(32, t.lastDrainEndCycle()));
    runner.setPrefetchWords(0, 0);
    assertEquals(31, runner.run(2, 10, TRAFFIC, 0).lastFoldEndCycle(), "no room: as depth 1");
  }

  @Test
  void withoutALink_eachPortHasItsBandwidth() {
    LayerRunner runner = new LayerRunner();
    runner.setSharedLink(3, 2, 2);
    runner.setSharedLink(0, 0, 1);
    // ports of 1 word per cycle in parallel: fills [0, 3] and [0, 2], folds [3, 13] and
    // [13, 23], write-backs [13, 14] and [23, 24]
    LayerTiming t = runner.run(2, 10, TRAFFIC, 1);
    assertEquals(24, t.cycles());
  }

  @Test
  void depthOtherThanOneOrTwo_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LayerRunner().setBufferDepths(3, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> new LayerRunner().setPrefetchWords(-1, 0));
  }
}
