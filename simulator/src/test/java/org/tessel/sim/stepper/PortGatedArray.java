package org.tessel.sim.stepper;

/**
 * A PE array ({@link OutputStationaryArray} or {@link StationaryArray}) whose advance is gated by
 * the buffer's read ports ({@link EdgeFeed}).
 *
 * <p>The inner array keeps its register-by-register stepping; its schedule of advances is
 * unchanged: {@code R} preload advances (stationary dataflows), then stream advances in which
 * window element {@code j} enters the skew at advance {@code preload + j}, then the drain until the
 * last token has left the far corner. Each edge register hands element {@code j} to its row's
 * (column's) skew delay line at advance {@code preload + j}; the delay lines and PEs are part of
 * the lockstep array.
 *
 * <p>Each cycle of a fold: first the ports deliver ({@link EdgeFeed#deliver}); then, if every edge
 * register the next advance reads from holds its word, the whole array advances one cycle (the
 * inner array steps once and the step's words leave their FIFOs); otherwise the whole array holds
 * still for the cycle (a stall inside the fold: every register keeps its value, the skew is
 * preserved). Advances of the drain read nothing and never wait. The fold ends with the cycle in
 * which the inner array's last advance ends it; every counted cycle, stalled or not, is a cycle of
 * the fold.
 */
final class PortGatedArray implements FoldArray {
  private final FoldArray inner;
  private final EdgeFeed feed;
  private final Mapping m;
  private final boolean os;
  private long heldCycles;
  private long advances;

  PortGatedArray(FoldArray inner, EdgeFeed feed, Mapping m, boolean os) {
    this.inner = inner;
    this.feed = feed;
    this.m = m;
    this.os = os;
  }

  @Override
  public void begin(int group, int rowFold, int colFold) {
    inner.begin(group, rowFold, colFold);
    int usedRows = Math.min(m.rows(), m.rowExtent() - rowFold * m.rows());
    int usedCols = Math.min(m.cols(), m.colExtent() - colFold * m.cols());
    feed.begin(usedRows, usedCols, os ? 0 : m.rows(), m.streamLength(), os);
    advances = 0;
  }

  @Override
  public boolean step() {
    feed.deliver();
    if (!feed.ready()) {
      heldCycles++;
      return false;
    }
    feed.advance();
    advances++;
    boolean ended = inner.step();
    if (ended && !feed.drained()) {
      throw new IllegalStateException("stepper bug: fold ended with words undelivered or unread");
    }
    return ended;
  }

  @Override
  public long macs() {
    return inner.macs();
  }

  /**
   * Advances of the array in the current fold: preload step {@code i} is advance {@code i + 1},
   * stream step {@code j} advance {@code preload + j + 1}.
   */
  long advances() {
    return advances;
  }

  /** Cycles inside folds in which the array held still waiting for a port, since construction. */
  long heldCycles() {
    return heldCycles;
  }
}
