package org.tessel.sim.memory.scalesim;

import org.tessel.sim.stats.StreamStats;

/**
 * How the read buffers walk an operand's demand: {@link #FAST} ({@link UserReadBuffer}, {@link
 * EstimateReadBuffer}); the tests plug in walks over every demanded address and compare.
 */
interface ReadWalks {
  /** The fast walks. */
  ReadWalks FAST =
      new ReadWalks() {
        @Override
        public UserWalk user(Shape s, OperandStream stream, long sizeWords, int bw) {
          UserReadBuffer b = new UserReadBuffer(sizeWords, bw);
          ReadEvents events = b.walk(s, stream, PrefetchLines.build(stream, b.wordsPerLine()));
          return new UserWalk(
              events, new StreamStats(b.dramStartCycle(), b.dramStopCycle(), b.dramWords()));
        }

        @Override
        public StreamStats calc(
            Shape s, OperandStream stream, long sizeWords, int space, long firstRow, RowLoop loop) {
          EstimateReadBuffer e = new EstimateReadBuffer(sizeWords);
          e.walk(s, stream, space, firstRow, loop);
          return new StreamStats(e.dramStartCycle(), e.dramStopCycle(), e.dramWords());
        }
      };

  /**
   * USER bandwidth: {@code stream}'s demand against a read buffer of {@code sizeWords} fed at
   * {@code bw} words per cycle.
   *
   * @throws IllegalStateException when the window cannot slide but misses
   */
  UserWalk user(Shape s, OperandStream stream, long sizeWords, int bw);

  /**
   * CALC bandwidth: the DRAM column of {@code stream}'s demand ({@code firstRow}: its first row
   * with an address; addresses in {@code [0, space)}) for a read buffer of {@code sizeWords};
   * {@code loop} has run and gives each row's service cycle.
   */
  StreamStats calc(
      Shape s, OperandStream stream, long sizeWords, int space, long firstRow, RowLoop loop);

  /**
   * What a USER walk gives.
   *
   * @param events the rows that prefetched, with the cycles their prefetches completed
   * @param dram the DRAM window and words
   */
  record UserWalk(ReadEvents events, StreamStats dram) {}
}
