package org.tessel.sim.dataflow.rs;

import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.util.IntMath;

/**
 * DRAM words of each row-stationary pass ({@link PassOrder}): every pass loads its filters ({@code
 * p t q r R S}); the first pass of a channel group loads the group's ifmap rows ({@code n q r rows
 * W}); a pass of the last channel group writes its finished outputs ({@code n p t eS F}). Summed
 * over a layer these are {@link Accesses}' DRAM counts (when feature maps are run-length coded,
 * each pass's feature-map words are rounded up on their own). Allocates nothing.
 */
final class RsTraffic implements FoldTraffic {
  private final PassOrder order;
  private final long filterWords;
  private final long[] ifmapWords;
  private final long[] ofmapWords;
  // whether strips of different widths move different words (else a strip is like any other)
  private final boolean stripsDiffer;

  RsTraffic(RsShape shape, RsMapping mp) {
    this(shape, mp, 1, 1);
  }

  /**
   * The traffic of {@code mp}, input words times {@code ifmapRatio} and output words times {@code
   * ofmapRatio} (rounded up per pass): run-length-coded ifmaps and ofmaps.
   */
  RsTraffic(RsShape shape, RsMapping mp, double ifmapRatio, double ofmapRatio) {
    this.order = new PassOrder(shape, mp);
    this.filterWords = (long) mp.p() * mp.t() * mp.q() * mp.r() * shape.r() * shape.s();
    int strips = mp.strips(shape);
    ifmapWords = new long[strips];
    ofmapWords = new long[strips];
    for (int k = 0; k < strips; k++) {
      int es = mp.stripWidth(shape, k);
      ifmapWords[k] =
          (long)
              Math.ceil(
                  (long) mp.n() * mp.q() * mp.r() * shape.rowsFor(es) * shape.w() * ifmapRatio);
      ofmapWords[k] =
          (long) Math.ceil((long) mp.n() * mp.p() * mp.t() * es * shape.f() * ofmapRatio);
    }
    stripsDiffer = !IntMath.allEqual(ifmapWords) || !IntMath.allEqual(ofmapWords);
  }

  @Override
  public int period() {
    return (int) Math.min(Integer.MAX_VALUE, order.filterGroups());
  }

  @Override
  public int periodicUntil(int from, int period, int limit) {
    return (int) order.sameClassUntil(from, period, limit, stripsDiffer);
  }

  @Override
  public long ifmapFillWords(int k) {
    return order.firstFilterGroup(k) ? ifmapWords[order.strip(k)] : 0;
  }

  @Override
  public long filterFillWords(int k) {
    return filterWords;
  }

  @Override
  public long ofmapDrainWords(int k) {
    return order.lastChannelGroup(k) ? ofmapWords[order.strip(k)] : 0;
  }
}
