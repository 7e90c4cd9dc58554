package org.tessel.sim.mapping;

/**
 * DRAM traffic per fold: the words that must arrive before fold {@code k} may start, and the words
 * fold {@code k} leaves to write back. Implementations hold precomputed primitive arrays or closed
 * forms; they are queried from the event loop and must not allocate.
 */
public interface FoldTraffic {
  /** Ifmap words fetched from DRAM before fold {@code k}. */
  long ifmapFillWords(int k);

  /** Filter words fetched from DRAM before fold {@code k}. */
  long filterFillWords(int k);

  /** Ofmap words written to DRAM after fold {@code k}. */
  long ofmapDrainWords(int k);

  /** No DRAM traffic at all (everything on chip). */
  FoldTraffic NONE =
      new FoldTraffic() {
        @Override
        public long ifmapFillWords(int k) {
          return 0;
        }

        @Override
        public long filterFillWords(int k) {
          return 0;
        }

        @Override
        public long ofmapDrainWords(int k) {
          return 0;
        }
      };
}
