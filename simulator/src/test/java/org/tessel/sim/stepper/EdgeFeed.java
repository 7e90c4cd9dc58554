package org.tessel.sim.stepper;

import java.util.Arrays;

/**
 * The global buffer's read ports filling the array's edge registers, one word at a time. This is
 * the literal counterpart of {@link org.tessel.sim.dataflow.systolic.SystolicTiming}'s per-phase
 * link bound.
 *
 * <p><b>Streams.</b> Every edge register is a small FIFO fed by one read port: the left edge of PE
 * row {@code r} by port {@code r mod P}, the top edge of PE column {@code c} by port {@code (R + c)
 * mod P} ({@code P} ports, {@code R x C} array, as in {@link
 * org.tessel.sim.noc.NocGraphs#systolicMesh}). In one fold only the edges of used rows and used
 * columns receive words from the buffer:
 *
 * <ul>
 *   <li>weight / input stationary: each used column's top edge receives {@code R} stationary words,
 *       one per PE row of the column (under {@link Padding#FETCHED}, rows beyond the operand are
 *       padding words read like the others: the preload always shifts {@code R} rows), then each
 *       used row's left edge receives {@code T} stream words (the top edges only inject locally
 *       generated zero partial sums then);
 *   <li>output stationary: each used row's left edge and each used column's top edge receive the
 *       {@code T} window elements.
 * </ul>
 *
 * Unused rows and columns of a partial fold carry bubbles that nobody reads from the buffer.
 *
 * <p><b>A cycle of the ports.</b> Each read port delivers up to {@code W = max(1,
 * bytesPerPortPerCycle / wordBytes)} words per cycle in {@code W} turns. A port keeps its streams
 * in a fixed ring (its rows in ascending order, then its columns); each turn goes to the first
 * eligible stream at or after the ring pointer, which then moves just past that stream, and it
 * moves one word to that stream's FIFO. A stream is eligible when it still has words to receive,
 * when its FIFO holds fewer than {@code depth} unconsumed words (words delivered earlier in the
 * same cycle count), and, under {@link Prefetch#PHASED}, when its phase is the current one (a
 * left-edge stream of a stationary dataflow becomes eligible in the cycle after the last preload
 * step). Under {@link Prefetch#SPARE_TURNS} a stream of the next phase may take a turn that no
 * stream of the current phase is eligible for. A turn with no eligible stream is lost. At each fold
 * the FIFOs start empty and every ring pointer at its port's first stream.
 *
 * <p><b>Consumption.</b> The array advances in lockstep (see {@link PortGatedArray}): in each cycle
 * in which it advances it executes at most one step, and a step takes exactly one word from the
 * head of each FIFO it needs: preload step {@code i} (PE-row shift {@code i}) one word from every
 * used column; stream step {@code j} (window element {@code j}) one word from every used row and,
 * for output stationary, every used column. A word delivered in a cycle may be consumed in that
 * same cycle: the edge register is the port's output latch (with one port per edge register of one
 * word this gives exactly SCALE-Sim's fold length). So an edge register consumes at most one word
 * per cycle, and a FIFO of depth {@code d} lets its port run at most {@code d} words ahead of the
 * array on that edge.
 */
final class EdgeFeed {
  /** Whether ports may fetch the next phase's words before the current phase is over. */
  enum Prefetch {
    /** Stream words are requested only once the preload has completed (phase by phase). */
    PHASED,
    /** Stream words may take turns the preload's streams cannot use (during the preload). */
    SPARE_TURNS
  }

  /** Where the padding rows of a partial fold's preload come from. */
  enum Padding {
    /** Read from the buffer like any stationary word: every used column receives R words. */
    FETCHED,
    /**
     * Injected by the top edge itself (a bubble needs no buffer word): a used column receives only
     * the {@code usedRows} mapped words, and the preload steps of padding rows (which come first:
     * the row for PE row R-1 enters first) wait for nothing.
     */
    LOCAL
  }

  /**
   * The rules of the edge registers.
   *
   * @param depth FIFO depth of each edge register, in words ({@code >= 1})
   * @param prefetch what a port may fetch ahead of the current phase
   * @param padding where the preload's padding rows come from
   */
  record Rules(int depth, Prefetch prefetch, Padding padding) {
    /**
     * Double-buffered edge registers, phase by phase, padding read from the buffer: the rules under
     * which the stepper equals the engine.
     */
    static final Rules DEFAULT = new Rules(2, Prefetch.PHASED, Padding.FETCHED);

    Rules {
      if (depth < 1) {
        throw new IllegalArgumentException("FIFO depth must be >= 1, was " + depth);
      }
      if (prefetch == null || padding == null) {
        throw new IllegalArgumentException("prefetch and padding are required");
      }
    }
  }

  private final int rows;
  private final int cols;
  private final int width;
  private final Rules rules;

  /** Streams of each port: 0..R-1 are left edges of rows, R..R+C-1 top edges of columns. */
  private final int[][] ring;

  private final int[] pointer;
  private final long[] length;
  private final long[] delivered;
  private final long[] consumed;
  private final boolean[] preloadStream;

  private int usedRows;
  private int usedCols;
  private long preloadSteps;
  private long paddingSteps;
  private long streamSteps;
  private boolean os;
  private long stepsDone;
  private long undelivered;
  private long wordsDelivered;
  private long turnsLost;

  /**
   * The feed of an {@code rows x cols} array from {@code ports} read ports of {@code width} words
   * per cycle.
   */
  EdgeFeed(int rows, int cols, int ports, int width, Rules rules) {
    if (ports < 1 || width < 1) {
      throw new IllegalArgumentException("ports and width must be >= 1");
    }
    this.rows = rows;
    this.cols = cols;
    this.width = width;
    this.rules = rules;
    int n = rows + cols;
    int[] count = new int[ports];
    for (int s = 0; s < n; s++) {
      count[port(s, ports)]++;
    }
    ring = new int[ports][];
    for (int p = 0; p < ports; p++) {
      ring[p] = new int[count[p]];
    }
    Arrays.fill(count, 0);
    for (int s = 0; s < n; s++) {
      int p = port(s, ports);
      ring[p][count[p]++] = s;
    }
    pointer = new int[ports];
    length = new long[n];
    delivered = new long[n];
    consumed = new long[n];
    preloadStream = new boolean[n];
  }

  /** The port of stream {@code s}: row {@code r} on {@code r mod P}, column c on (R + c) mod P. */
  private int port(int s, int ports) {
    return s % ports;
  }

  /**
   * Starts a fold: {@code usedRows x usedCols} PEs mapped, {@code preloadSteps} preload steps (0
   * for output stationary, else R), {@code streamSteps} stream steps.
   */
  void begin(int usedRows, int usedCols, long preloadSteps, long streamSteps, boolean os) {
    this.usedRows = usedRows;
    this.usedCols = usedCols;
    this.preloadSteps = preloadSteps;
    this.paddingSteps =
        preloadSteps > 0 && rules.padding() == Padding.LOCAL ? preloadSteps - usedRows : 0;
    this.streamSteps = streamSteps;
    this.os = os;
    stepsDone = 0;
    Arrays.fill(pointer, 0);
    Arrays.fill(delivered, 0);
    Arrays.fill(consumed, 0);
    Arrays.fill(length, 0);
    Arrays.fill(preloadStream, false);
    for (int r = 0; r < usedRows; r++) {
      length[r] = streamSteps;
    }
    for (int c = 0; c < usedCols; c++) {
      if (preloadSteps > 0) {
        length[rows + c] = preloadSteps - paddingSteps;
        preloadStream[rows + c] = true;
      } else if (os) {
        length[rows + c] = streamSteps;
      }
    }
    undelivered = 0;
    for (long l : length) {
      undelivered += l;
    }
  }

  /** One cycle of every port: up to {@code W} turns each. */
  void deliver() {
    if (undelivered == 0) {
      return; // every word of the fold is in (the drain, or a fold that reads nothing)
    }
    boolean preloading = stepsDone < preloadSteps;
    for (int p = 0; p < ring.length; p++) {
      int[] streams = ring[p];
      for (int turn = 0; turn < width; turn++) {
        int at = pick(streams, pointer[p], preloading, false);
        if (at < 0 && preloading && rules.prefetch() == Prefetch.SPARE_TURNS) {
          at = pick(streams, pointer[p], preloading, true);
        }
        if (at < 0) {
          turnsLost += width - turn;
          break;
        }
        delivered[streams[at]]++;
        wordsDelivered++;
        undelivered--;
        pointer[p] = (at + 1) % streams.length;
      }
    }
  }

  /**
   * The ring index of the first eligible stream at or after {@code from}, or -1; {@code ahead}
   * picks among next-phase streams instead of current-phase ones.
   */
  private int pick(int[] streams, int from, boolean preloading, boolean ahead) {
    for (int k = 0; k < streams.length; k++) {
      int at = (from + k) % streams.length;
      int s = streams[at];
      boolean current = !preloading || preloadStream[s];
      if (current == ahead) {
        continue;
      }
      if (delivered[s] < length[s] && delivered[s] - consumed[s] < rules.depth()) {
        return at;
      }
    }
    return -1;
  }

  /** Whether every FIFO the next step needs holds its word (no words needed once streamed). */
  boolean ready() {
    if (stepsDone < preloadSteps) {
      long i = stepsDone - paddingSteps; // word of each column this step needs, if any
      for (int c = 0; c < usedCols && i >= 0; c++) {
        if (delivered[rows + c] <= i) {
          return false;
        }
      }
      return true;
    }
    long j = stepsDone - preloadSteps;
    if (j >= streamSteps) {
      return true;
    }
    for (int r = 0; r < usedRows; r++) {
      if (delivered[r] <= j) {
        return false;
      }
    }
    if (os) {
      for (int c = 0; c < usedCols; c++) {
        if (delivered[rows + c] <= j) {
          return false;
        }
      }
    }
    return true;
  }

  /** The array advances: the next step (if any words remain) takes one word from each FIFO. */
  void advance() {
    if (!ready()) {
      throw new IllegalStateException("stepper bug: advancing without the step's words");
    }
    if (stepsDone < preloadSteps + streamSteps) {
      boolean preload = stepsDone < preloadSteps;
      boolean padding = stepsDone < paddingSteps;
      for (int r = 0; r < usedRows && !preload; r++) {
        consumed[r]++;
      }
      for (int c = 0; c < usedCols && (preload || os) && !padding; c++) {
        consumed[rows + c]++;
      }
      stepsDone++;
    }
  }

  /** Whether every stream has received and handed over all its words. */
  boolean drained() {
    for (int s = 0; s < length.length; s++) {
      if (consumed[s] != length[s] || delivered[s] != length[s]) {
        return false;
      }
    }
    return true;
  }

  /** Words stream {@code s} has received in this fold (rows 0..R-1, then columns R..R+C-1). */
  long delivered(int s) {
    return delivered[s];
  }

  /** Words the ports delivered since construction. */
  long wordsDelivered() {
    return wordsDelivered;
  }

  /** Port turns that found no eligible stream, since construction. */
  long turnsLost() {
    return turnsLost;
  }

  int rows() {
    return rows;
  }

  int cols() {
    return cols;
  }
}
