package org.tessel.sim.dataflow.rs;

import static org.tessel.sim.util.IntMath.ceilDiv;

import org.jspecify.annotations.Nullable;

/** Whether a given mapping is one {@link MappingSearch} could choose, and if not, why. */
final class Legality {
  private Legality() {}

  /** Null when {@code mp} is legal for {@code shape}; otherwise the first rule it breaks. */
  static @Nullable String check(RsShape shape, RsMapping mp, int batch, RsHardware hw) {
    int qs = mp.q() * shape.s();
    if (mp.e() > shape.e()) {
      return "e=" + mp.e() + " exceeds the " + shape.e() + " output rows";
    }
    if (shape.c() % (mp.q() * mp.r()) != 0 || shape.m() % mp.m() != 0 || batch % mp.n() != 0) {
      return "q*r must divide C="
          + shape.c()
          + ", m must divide M="
          + shape.m()
          + " and n the batch "
          + batch;
    }
    if (qs > hw.ifmapSpadWords()) {
      return "q*S = " + qs + " exceeds the " + hw.ifmapSpadWords() + "-word ifmap scratchpad";
    }
    if (mp.p() * qs > hw.filterSpadWords()) {
      return "p*q*S = "
          + mp.p() * qs
          + " exceeds the "
          + hw.filterSpadWords()
          + "-word filter scratchpad";
    }
    if (mp.p() > hw.psumSpadWords()) {
      return "p = " + mp.p() + " exceeds the " + hw.psumSpadWords() + "-word psum scratchpad";
    }
    if (Placement.of(shape, mp.e(), mp.r(), mp.t(), hw.rows(), hw.cols()) == null) {
      return "r x t = "
          + mp.r()
          + " x "
          + mp.t()
          + " copies of a set "
          + mp.e()
          + " wide do not fit the "
          + hw.rows()
          + "x"
          + hw.cols()
          + " array";
    }
    long wb = hw.wordBytes();
    long filterBytes = (long) mp.p() * mp.t() * mp.q() * mp.r() * shape.r() * shape.s() * wb;
    if (filterBytes > hw.filterGlbBytes()) {
      return "filters of a pass take "
          + filterBytes
          + " bytes, the filter buffer has "
          + hw.filterGlbBytes();
    }
    long banks = tileBanks(shape, mp, hw);
    if (banks > hw.glbBanks()) {
      return "ifmap and psum tiles need "
          + banks
          + " banks, the global buffer has "
          + hw.glbBanks();
    }
    return null;
  }

  /**
   * The largest share of any buffer a legal mapping takes: global-buffer banks for the ifmap and
   * psum tiles, the filter region, and the filter, ifmap and psum scratchpads.
   */
  static double occupancy(RsShape shape, RsMapping mp, RsHardware hw) {
    int qs = mp.q() * shape.s();
    long wb = hw.wordBytes();
    long filterBytes = (long) mp.p() * mp.t() * mp.q() * mp.r() * shape.r() * shape.s() * wb;
    long banks = tileBanks(shape, mp, hw);
    double peak = (double) banks / hw.glbBanks();
    peak = Math.max(peak, (double) filterBytes / hw.filterGlbBytes());
    peak = Math.max(peak, (double) qs / hw.ifmapSpadWords());
    peak = Math.max(peak, (double) mp.p() * qs / hw.filterSpadWords());
    return Math.max(peak, (double) mp.p() / hw.psumSpadWords());
  }

  /**
   * Words of the global-buffer banks a legal mapping leaves free beside its ifmap and psum tiles:
   * where a whole input or output tensor may stay on chip between layers.
   */
  static long freeGlbWords(RsShape shape, RsMapping mp, RsHardware hw) {
    long free = Math.max(0, hw.glbBanks() - tileBanks(shape, mp, hw));
    return free * hw.glbBankBytes() / hw.wordBytes();
  }

  /**
   * How many passes' data the buffers hold under a legal mapping (ifmap, filter, ofmap), from the
   * global-buffer allocation of JSSC 2017 Table III.
   *
   * <ul>
   *   <li>Ifmaps: the next channel group's tile is loaded during the current passes only when the
   *       banks the tiles leave free hold a second tile; otherwise it waits for them (and with
   *       {@code dram.ifmapLoadsStall}, as on the Eyeriss chip, it always waits: "the chip does not
   *       perform processing while it is loading ifmap from DRAM", JSSC 2017 Sec. VI-A).
   *   <li>Filters: two passes' worth. A pass's filters leave the filter region for the PEs' filter
   *       scratchpads, which hold them for the whole pass (row stationary), so the region takes the
   *       next pass's filters while the array works ("While the PE array is working on a processing
   *       pass, the GLB preloads the filters used by the next processing pass", JSSC 2017 Sec.
   *       V-A). The engine lets that preload start with the pass, not after the pass's own filters
   *       have left the region (the first {@code Wf / B_f} cycles of the pass).
   *   <li>Ofmaps: finished outputs are written back from the psum tile while the next pass
   *       accumulates other filters' partial sums.
   * </ul>
   */
  static int[] bufferDepths(RsShape shape, RsMapping mp, RsHardware hw) {
    long wb = hw.wordBytes();
    long bank = hw.glbBankBytes();
    long ifmapBanks =
        ceilDiv((long) mp.n() * mp.q() * mp.r() * shape.rowsFor(mp.e()) * shape.w() * wb, bank);
    long free = hw.glbBanks() - tileBanks(shape, mp, hw);
    return new int[] {!hw.ifmapLoadsStall() && free >= ifmapBanks ? 2 : 1, 2, 2};
  }

  /**
   * Words of the next fill a single buffer ({@link #bufferDepths} 1) has room for beside the
   * current passes' data (ifmap, filter; 0 for a double buffer, which holds the whole fill): the
   * banks the ifmap and psum tiles leave free take the first part of the next channel group's ifmap
   * tile (counted in DRAM words: times {@code ifmapDramRatio} when feature maps cross the link
   * coded), unless ifmap loads stall the array. The off-chip link is a separate clock domain behind
   * asynchronous FIFOs (JSSC 2017 Sec. III), so a transfer into free buffer space can run while the
   * array processes; only the part that would overwrite data in use waits for the pass to end.
   */
  static long[] prefetchWords(RsShape shape, RsMapping mp, RsHardware hw) {
    int[] depth = bufferDepths(shape, mp, hw);
    long free = Math.max(0, hw.glbBanks() - tileBanks(shape, mp, hw));
    long freeWords = free * hw.glbBankBytes() / hw.wordBytes();
    long ifmap =
        depth[0] == 1 && !hw.ifmapLoadsStall()
            ? (long) Math.floor(freeWords * hw.ifmapDramRatio())
            : 0;
    return new long[] {ifmap, 0};
  }

  /** Global-buffer banks the ifmap tile and the psum tile of one pass take. */
  private static long tileBanks(RsShape shape, RsMapping mp, RsHardware hw) {
    long wb = hw.wordBytes();
    long bank = hw.glbBankBytes();
    return ceilDiv((long) mp.n() * mp.q() * mp.r() * shape.rowsFor(mp.e()) * shape.w() * wb, bank)
        + ceilDiv((long) mp.n() * mp.m() * mp.e() * shape.f() * wb, bank);
  }
}
