package org.tessel.sim.layer;

import org.jspecify.annotations.Nullable;
import org.tessel.sim.engine.Engine;
import org.tessel.sim.engine.EventHandler;
import org.tessel.sim.engine.Phase;
import org.tessel.sim.engine.SimulationException;
import org.tessel.sim.mapping.FoldDurations;
import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.trace.TraceRecorder;
import org.tessel.sim.trace.Track;
import org.tessel.sim.util.IntMath;
import org.tessel.sim.workload.Operand;
import org.tessel.sim.workload.OperandWords;

/**
 * Runs the folds of one layer on the event engine.
 *
 * <p>The model: three DRAM ports (ifmap read, filter read, ofmap write), each moving up to {@code
 * bandwidthWordsPerCycle} words per cycle, or any amount in no time when the bandwidth is
 * unlimited. Each SRAM is double-buffered: fold {@code k} works from half {@code k % 2}, so the
 * fill for fold {@code k} may start once fold {@code k - 2} has finished with that half, and runs
 * while fold {@code k - 1} computes. A fold starts when the previous fold has ended, its ifmap and
 * filter fills are complete and its ofmap half has been written back (drain of fold {@code k - 2}).
 * A fold's write-back starts when the fold ends and the write port is free.
 *
 * <p>Three settings change this model for the runs that follow them. {@link #setBufferDepths}: a
 * buffer of depth 1 holds one fold's data, so fold {@code k}'s fill waits for fold {@code k - 1} to
 * end and fold {@code k} waits for the write-back of fold {@code k - 1} (depth 2 is the double
 * buffering above). {@link #setPrefetchWords}: a buffer of depth 1 with room beside the current
 * fold's data for part of the next fill loads that part as if double-buffered (once fold {@code k -
 * 2} has finished) and only the rest once fold {@code k - 1} has ended: fill {@code k} is then two
 * transfers, in order. {@link #setSharedLink}: one off-chip link of a given rate (bytes per so many
 * cycles, not necessarily a whole number of words per cycle) carries all three ports' transfers,
 * one at a time; when it frees, the transfer waiting longest goes next (ties: ifmap, filter,
 * ofmap). The link delivers {@code floor(t * bytes / cycles)} bytes by cycle {@code t} of the layer
 * at most, and time it stands idle is not banked.
 *
 * <p>Events: {@code TRANSFER_DONE(port, k)} and {@code FOLD_DONE(k)}; after each, the runner starts
 * whatever has become possible. A runner is reusable and allocates nothing per event.
 *
 * <p>Repeated stretches are skipped, exactly ({@link #skipRepeats}): when a fold ends in the state
 * an earlier fold ended in, relative to its fold number and cycle, and the folds ahead repeat the
 * durations and traffic of the folds in between, the runner moves forward by whole repetitions
 * without simulating them. A layer of many alike passes (a row-stationary channel sweep, a fully
 * connected layer on a slow link) then costs events per distinct stretch, not per pass. {@link
 * #setFastForward} turns it off; with a trace recorder every fold is simulated.
 */
public final class LayerRunner implements EventHandler {
  /** Port indices of the per-port arrays: {@link Operand#ordinal()}, as ints for the loop. */
  private static final int IFMAP = Operand.IFMAP.ordinal();

  private static final int FILTER = Operand.FILTER.ordinal();
  private static final int OFMAP = Operand.OFMAP.ordinal();

  private static final int KIND_FOLD_DONE = 0;
  private static final int KIND_FILL_IFMAP_DONE = 1;
  private static final int KIND_FILL_FILTER_DONE = 2;
  private static final int KIND_DRAIN_DONE = 3;

  /** Folds past the counts whose inputs a repetition must also repeat ({@link #skipRepeats}). */
  private static final int MARGIN = 2;

  private final Engine engine = new Engine();
  private final int id;

  // per-run state (set by each run)
  private FoldTraffic traffic = FoldTraffic.NONE;
  private FoldDurations durations = FoldDurations.constant(1);
  private long foldStart;
  private int folds;
  private long bandwidth; // words per cycle; <= 0 means unlimited
  private int ifmapFillsStarted;
  private int ifmapFillsDone;
  private int filterFillsStarted;
  private int filterFillsDone;
  // the part of the next fill to start on a split fill (0: the part that may load early, 1: rest)
  private final int[] fillPart = new int[2];
  // per fill stream: words of a fill that may load while the previous fold holds the buffer, for
  // depth-1 buffers (0: none; then the fill is one transfer)
  private final long[] prefetchWords = new long[2];
  private int foldsStarted;
  private int foldsDone;
  private int drainsStarted;
  private int drainsDone;
  private boolean arrayBusy;
  private boolean ifmapPortBusy;
  private boolean filterPortBusy;
  private boolean ofmapPortBusy;
  private long firstFoldStart;
  private long lastFoldEnd;
  private long lastDrainEnd;
  private @Nullable TraceRecorder trace;
  private final long[] halfCapacity = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
  private long lastArrayFree;
  private final long[] portFirst = new long[3];
  private final long[] portLast = new long[3];
  private final int[] depth = {2, 2, 2};
  private long linkBytes; // the shared link moves linkBytes per linkCycles; 0: no shared link
  private long linkCycles;
  private int wordBytes = 1;
  private long linkUsedBytes;
  private boolean linkBusy;
  private final long[] readySince = new long[3];
  // when the pending fold and each port's pending transfer end (valid while busy)
  private long foldDueAt;
  private final long[] portDueAt = new long[3];
  // positive-word transfers started per port (tells whether a port's window moved in a period)
  private final long[] portStarts = new long[3];
  private boolean fastForward = true;
  // the runner's state at the end of a fold, relative to the fold and the cycle (skipRepeats)
  private final long[] state = new long[Repeats.STATE];
  // earlier fold ends by state: the latest one, and the latest a whole input period back
  private final Repeats repeats = new Repeats();
  private final Repeats aligned = new Repeats();
  private final long[] argShift = new long[4];

  /** A runner with its own engine. */
  public LayerRunner() {
    id = engine.register(this);
  }

  /**
   * Runs {@code folds} folds of {@code foldCycles} each.
   *
   * @param folds number of folds (at most {@link Integer#MAX_VALUE})
   * @param foldCycles cycles per fold
   * @param traffic DRAM words per fold
   * @param bandwidthWordsPerCycle words per cycle per port; 0 or less for unlimited
   * @return when everything happened
   */
  public LayerTiming run(
      long folds, long foldCycles, FoldTraffic traffic, long bandwidthWordsPerCycle) {
    return run(folds, foldCycles, traffic, bandwidthWordsPerCycle, null);
  }

  /**
   * As {@link #run(long, long, FoldTraffic, long)}, recording folds, transfers and stalls in {@code
   * recorder} (null: no recording).
   */
  public LayerTiming run(
      long folds,
      long foldCycles,
      FoldTraffic traffic,
      long bandwidthWordsPerCycle,
      @Nullable TraceRecorder recorder) {
    if (foldCycles <= 0) {
      throw new IllegalArgumentException("foldCycles must be > 0, was " + foldCycles);
    }
    return run(
        folds, FoldDurations.constant(foldCycles), traffic, bandwidthWordsPerCycle, recorder);
  }

  /**
   * Runs {@code folds} folds whose cycles come from {@code durations}, recording in {@code
   * recorder} (null: no recording).
   */
  public LayerTiming run(
      long folds,
      FoldDurations durations,
      FoldTraffic traffic,
      long bandwidthWordsPerCycle,
      @Nullable TraceRecorder recorder) {
    this.trace = recorder;
    this.lastArrayFree = 0;
    if (folds <= 0 || folds > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("folds must be in [1, 2^31), was " + folds);
    }
    this.folds = (int) folds;
    this.durations = durations;
    this.traffic = traffic;
    this.bandwidth = bandwidthWordsPerCycle;
    ifmapFillsStarted = ifmapFillsDone = filterFillsStarted = filterFillsDone = 0;
    fillPart[0] = fillPart[1] = 0;
    foldsStarted = foldsDone = drainsStarted = drainsDone = 0;
    arrayBusy = ifmapPortBusy = filterPortBusy = ofmapPortBusy = false;
    firstFoldStart = -1;
    lastFoldEnd = 0;
    lastDrainEnd = 0;
    java.util.Arrays.fill(portFirst, -1);
    java.util.Arrays.fill(portLast, -1);
    java.util.Arrays.fill(readySince, -1);
    java.util.Arrays.fill(portStarts, 0);
    repeats.clear();
    aligned.clear();
    linkUsedBytes = 0;
    linkBusy = false;
    engine.startAt(0);
    long eventsBefore = engine.eventsProcessed();
    advance();
    long end = engine.run();
    if (foldsDone != this.folds || drainsDone != this.folds) {
      throw new SimulationException(
          end,
          "layer stopped after "
              + foldsDone
              + " of "
              + this.folds
              + " folds and "
              + drainsDone
              + " write-backs: no event left to make progress");
    }
    long cycles = Math.max(lastFoldEnd, lastDrainEnd);
    long compute = durations.total(folds);
    if (trace != null) {
      trace.span(Track.STALL, lastFoldEnd, cycles, this.folds);
    }
    return new LayerTiming(
        cycles,
        compute,
        cycles - compute,
        folds,
        firstFoldStart,
        lastFoldEnd,
        lastDrainEnd,
        engine.eventsProcessed() - eventsBefore,
        window(IFMAP),
        window(FILTER),
        window(OFMAP));
  }

  private PortWindow window(int port) {
    return portFirst[port] < 0 ? PortWindow.IDLE : new PortWindow(portFirst[port], portLast[port]);
  }

  @Override
  public void handle(int kind, long arg, Engine e) {
    switch (kind) {
      case KIND_FOLD_DONE -> {
        arrayBusy = false;
        foldsDone++;
        lastFoldEnd = e.now();
        if (trace != null) {
          trace.span(Track.ARRAY, foldStart, e.now(), arg);
        }
        advance();
        if (fastForward && trace == null) {
          skipRepeats();
        }
        return;
      }
      case KIND_FILL_IFMAP_DONE -> {
        ifmapPortBusy = false;
        linkBusy = false;
        ifmapFillsDone += (int) (arg & 1);
      }
      case KIND_FILL_FILTER_DONE -> {
        filterPortBusy = false;
        linkBusy = false;
        filterFillsDone += (int) (arg & 1);
      }
      case KIND_DRAIN_DONE -> {
        ofmapPortBusy = false;
        linkBusy = false;
        drainsDone++;
        lastDrainEnd = e.now();
      }
      default -> throw new SimulationException(e.now(), "unknown event kind " + kind);
    }
    advance();
  }

  /** Starts every transfer and fold whose conditions now hold. */
  private void advance() {
    // fills: fold k's buffer is free once fold k - depth is done (a split fill's first part: once
    // fold k - 2 is done)
    boolean ifmapReady =
        !ifmapPortBusy
            && ifmapFillsStarted < folds
            && foldsDone >= ifmapFillsStarted - (fillDepth(0) - 1);
    boolean filterReady =
        !filterPortBusy
            && filterFillsStarted < folds
            && foldsDone >= filterFillsStarted - (fillDepth(1) - 1);
    // write-back of a finished fold
    boolean drainReady = !ofmapPortBusy && drainsStarted < foldsDone;
    if (linkBytes > 0) {
      startOnLink(ifmapReady, filterReady, drainReady);
    } else {
      if (ifmapReady) {
        startFill(0);
      }
      if (filterReady) {
        startFill(1);
      }
      if (drainReady) {
        startDrain();
      }
    }
    // next fold
    int k = foldsStarted;
    if (!arrayBusy
        && k < folds
        && ifmapFillsDone > k
        && filterFillsDone > k
        && drainsDone >= k - (depth[2] - 1)) {
      arrayBusy = true;
      foldsStarted++;
      if (k == 0) {
        firstFoldStart = engine.now();
      }
      long cycles = durations.cycles(k);
      foldStart = engine.now();
      if (trace != null) {
        trace.span(Track.STALL, lastArrayFree, engine.now(), k);
        lastArrayFree = engine.now() + cycles;
      }
      foldDueAt = engine.now() + cycles;
      engine.after(cycles, Phase.COMPUTE_DONE, id, KIND_FOLD_DONE, k);
    }
  }

  /** The depth the next part of stream {@code port}'s next fill waits on. */
  private int fillDepth(int port) {
    return split(port) && fillPart[port] == 0 ? 2 : depth[port];
  }

  /** Whether stream {@code port}'s fills are two transfers (depth 1 with room for part of one). */
  private boolean split(int port) {
    return depth[port] == 1 && prefetchWords[port] > 0;
  }

  /**
   * Words the next part of a fill of {@code words} on stream {@code port} moves (all of them when
   * the fill is one transfer); advances the part ({@code fillPart} back at 0: that was the last).
   */
  private long nextPartWords(int port, long words) {
    if (!split(port)) {
      return words;
    }
    long early = Math.min(words, prefetchWords[port]);
    if (fillPart[port] == 0) {
      fillPart[port] = 1;
      return early;
    }
    fillPart[port] = 0;
    return words - early;
  }

  /** On the shared link: the ready transfer that has waited longest, when the link is free. */
  private void startOnLink(boolean ifmapReady, boolean filterReady, boolean drainReady) {
    long now = engine.now();
    boolean[] ready = {ifmapReady, filterReady, drainReady};
    int pick = -1;
    for (int p = 0; p < 3; p++) {
      if (!ready[p]) {
        continue;
      }
      if (readySince[p] < 0) {
        readySince[p] = now;
      }
      if (pick < 0 || readySince[p] < readySince[pick]) {
        pick = p;
      }
    }
    if (linkBusy || pick < 0) {
      return;
    }
    readySince[pick] = -1;
    linkBusy = true;
    if (pick == 2) {
      startDrain();
    } else {
      startFill(pick);
    }
  }

  private void startFill(int port) {
    if (port == 0) {
      ifmapPortBusy = true;
      int k = ifmapFillsStarted;
      long words = nextPartWords(0, traffic.ifmapFillWords(k));
      long last = fillPart[0] == 0 ? 1 : 0;
      ifmapFillsStarted += (int) last;
      engine.after(
          transfer(IFMAP, words, k), Phase.TRANSFER_DONE, id, KIND_FILL_IFMAP_DONE, 2L * k + last);
    } else {
      filterPortBusy = true;
      int k = filterFillsStarted;
      long words = nextPartWords(1, traffic.filterFillWords(k));
      long last = fillPart[1] == 0 ? 1 : 0;
      filterFillsStarted += (int) last;
      engine.after(
          transfer(FILTER, words, k),
          Phase.TRANSFER_DONE,
          id,
          KIND_FILL_FILTER_DONE,
          2L * k + last);
    }
  }

  private void startDrain() {
    ofmapPortBusy = true;
    int k = drainsStarted++;
    engine.after(
        transfer(OFMAP, traffic.ofmapDrainWords(k), k),
        Phase.TRANSFER_DONE,
        id,
        KIND_DRAIN_DONE,
        k);
  }

  /**
   * How many folds each buffer holds (ifmap, filter, ofmap; 1 or 2) for the following runs.
   *
   * @throws IllegalArgumentException for a depth other than 1 or 2
   */
  public void setBufferDepths(int ifmap, int filter, int ofmap) {
    int[] d = {ifmap, filter, ofmap};
    for (int v : d) {
      if (v != 1 && v != 2) {
        throw new IllegalArgumentException("buffer depth must be 1 or 2, was " + v);
      }
    }
    System.arraycopy(d, 0, depth, 0, 3);
  }

  /**
   * For the following runs, the words of each fill that a depth-1 buffer ({@link #setBufferDepths})
   * has room for beside the previous fold's data (ifmap, filter): up to that many words of fill
   * {@code k} load once fold {@code k - 2} has finished, the rest once fold {@code k - 1} has
   * ended; 0 (the default): the whole fill waits for fold {@code k - 1}. Ignored for depth 2.
   *
   * @throws IllegalArgumentException for a negative count
   */
  public void setPrefetchWords(long ifmap, long filter) {
    if (ifmap < 0 || filter < 0) {
      throw new IllegalArgumentException("prefetch words must be >= 0");
    }
    prefetchWords[0] = ifmap;
    prefetchWords[1] = filter;
  }

  /**
   * One off-chip link moving {@code bytes} per {@code cycles} core cycles, shared by all three
   * ports, for the following runs (words of {@code wordBytes}); {@code bytes = 0}: each port has
   * its own bandwidth, as given to {@code run}.
   */
  public void setSharedLink(long bytes, long cycles, int wordBytes) {
    if (bytes < 0 || (bytes > 0 && (cycles <= 0 || wordBytes <= 0))) {
      throw new IllegalArgumentException("link: bytes >= 0, cycles and wordBytes > 0");
    }
    long g = bytes > 0 ? IntMath.gcd(bytes, cycles) : 1;
    this.linkBytes = bytes / g;
    this.linkCycles = bytes > 0 ? cycles / g : cycles;
    this.wordBytes = wordBytes;
  }

  /**
   * Whether the following runs skip repeated stretches of folds ({@link #skipRepeats}; on by
   * default). Off, every fold and transfer is an event: the reference the skipping is tested
   * against.
   */
  public void setFastForward(boolean on) {
    fastForward = on;
  }

  /**
   * After a fold has ended: when the runner's state, seen from the current fold and cycle, is the
   * one it had at the end of an earlier fold, and the folds ahead repeat the durations and traffic
   * of the folds since then, the layer's future repeats that stretch; the runner then moves every
   * count, time and pending event forward by as many whole repetitions as the folds ahead allow,
   * without simulating them. Exact: the state compared is everything the next events depend on (the
   * counts relative to the folds done, the busy flags, when the pending fold and transfers end, how
   * long each waiting transfer has waited, how far the link is booked ahead and the phase of its
   * byte budget), and the repetition is applied only as far as {@link FoldDurations#periodicUntil}
   * and {@link FoldTraffic#periodicUntil} vouch for the inputs. The cost of a layer becomes that of
   * its distinct stretches, not of its folds.
   */
  private void skipRepeats() {
    long now = engine.now();
    long done = foldsDone;
    long[] st = state;
    st[0] = ifmapFillsStarted - done;
    st[1] = ifmapFillsDone - done;
    st[2] = filterFillsStarted - done;
    st[3] = filterFillsDone - done;
    st[4] = foldsStarted - done;
    st[5] = drainsStarted - done;
    st[6] = drainsDone - done;
    st[7] =
        fillPart[0]
            | fillPart[1] << 1
            | (arrayBusy ? 4 : 0)
            | (ifmapPortBusy ? 8 : 0)
            | (filterPortBusy ? 16 : 0)
            | (ofmapPortBusy ? 32 : 0)
            | (linkBusy ? 64 : 0);
    st[8] = arrayBusy ? foldDueAt - now : -1;
    st[9] = ifmapPortBusy ? portDueAt[IFMAP] - now : -1;
    st[10] = filterPortBusy ? portDueAt[FILTER] - now : -1;
    st[11] = ofmapPortBusy ? portDueAt[OFMAP] - now : -1;
    for (int p = 0; p < 3; p++) {
      st[12 + p] = readySince[p] < 0 ? -1 : now - readySince[p];
    }
    if (linkBytes > 0) {
      // bytes the link may have moved by now, and the phase of that budget (now * B mod C)
      long budget = now * linkBytes / linkCycles;
      st[15] = now % linkCycles * linkBytes % linkCycles;
      st[16] = Math.max(0, linkUsedBytes - budget);
    } else {
      st[15] = 0;
      st[16] = 0;
    }
    // the latest earlier fold in this state; failing that (its repetition breaks at the inputs'
    // next boundary), the latest one a whole number of the inputs' periods back
    int slot = repeats.find(st, 0);
    long reps = slot >= 0 ? repetitions(slot, repeats) : 0;
    long np = traffic.period();
    int alignedSlot = np > 1 ? aligned.find(st, 1 + done % np) : -1;
    if (reps == 0 && alignedSlot >= 0) {
      reps = repetitions(alignedSlot, aligned);
      if (reps > 0) {
        jump(reps, alignedSlot, aligned, st[16] > 0);
      }
    } else if (reps > 0) {
      jump(reps, slot, repeats, st[16] > 0);
    }
    repeats.store(st, foldsDone, engine.now(), portStarts);
    if (np > 1) {
      aligned.store(st, foldsDone, engine.now(), portStarts);
    }
  }

  /**
   * How many repetitions of the stretch since the fold in {@code slot} of {@code table} the folds
   * ahead vouch for (0: none).
   */
  private long repetitions(int slot, Repeats table) {
    long period = foldsDone - table.fold(slot);
    long lo = Math.min(Math.min(ifmapFillsStarted, filterFillsStarted), drainsStarted);
    long hi = Math.max(Math.max(ifmapFillsStarted, filterFillsStarted), foldsStarted);
    // a split fill in progress reads the words of the fold after its count: two folds of margin
    long maxReps = (folds - hi - period - MARGIN) / period;
    if (period <= 0 || maxReps < 1) {
      return 0;
    }
    long end = hi + maxReps * period + MARGIN;
    // durations first (closed forms, or short runs): the traffic is then compared fold by fold at
    // most as far as they repeat, so failed attempts do not rescan a long stretch
    long until =
        durations.periodicUntil(foldsStarted, period, end - hi + foldsStarted) - foldsStarted + hi;
    if (until - hi - MARGIN >= period) {
      until = traffic.periodicUntil((int) lo, (int) period, (int) until);
    }
    return Math.max(0, Math.min(maxReps, (until - hi - MARGIN) / period));
  }

  /**
   * Moves the runner {@code reps} repetitions of the stretch since the fold in {@code slot} of
   * {@code table} on.
   */
  private void jump(long reps, int slot, Repeats table, boolean linkAhead) {
    long period = foldsDone - table.fold(slot);
    long dt = engine.now() - table.cycle(slot);
    int dk = (int) (reps * period);
    long dtAll = reps * dt;
    ifmapFillsStarted += dk;
    ifmapFillsDone += dk;
    filterFillsStarted += dk;
    filterFillsDone += dk;
    foldsStarted += dk;
    foldsDone += dk;
    drainsStarted += dk;
    drainsDone += dk;
    lastFoldEnd += dtAll;
    lastDrainEnd += dtAll; // each repetition ends at least one write-back (period >= 1 fold)
    foldDueAt += dtAll;
    for (int p = 0; p < 3; p++) {
      portDueAt[p] += dtAll;
      if (readySince[p] >= 0) {
        readySince[p] += dtAll;
      }
      if (portStarts[p] != table.starts(slot, p)) {
        portLast[p] += dtAll;
        portStarts[p] += reps * (portStarts[p] - table.starts(slot, p));
      }
    }
    if (linkAhead) {
      // the phases are equal, so dt cycles grant a whole number of bytes
      linkUsedBytes += reps * (dt * linkBytes / linkCycles);
    }
    argShift[KIND_FOLD_DONE] = dk;
    argShift[KIND_FILL_IFMAP_DONE] = 2L * dk;
    argShift[KIND_FILL_FILTER_DONE] = 2L * dk;
    argShift[KIND_DRAIN_DONE] = dk;
    engine.skip(dtAll, argShift);
  }

  /**
   * Sets what one SRAM half holds of each operand for the following runs; a transfer larger than
   * its half is an invariant broken (the mapping should have been refused).
   */
  public void setHalfCapacities(OperandWords words) {
    for (Operand op : Operand.ALL) {
      halfCapacity[op.ordinal()] = words.get(op);
    }
  }

  /**
   * Cycles of a transfer for fold {@code k} starting now on {@code port}; records the port's active
   * window.
   */
  private long transfer(int port, long words, int k) {
    if (words > halfCapacity[port]) {
      throw new SimulationException(
          engine.now(),
          Operand.ALL.get(port).label()
              + " SRAM half overflows: "
              + words
              + " words into "
              + halfCapacity[port]);
    }
    long cycles = transferCycles(words);
    if (trace != null) {
      trace.span(
          port == IFMAP ? Track.IFMAP_DRAM : port == FILTER ? Track.FILTER_DRAM : Track.OFMAP_DRAM,
          engine.now(),
          engine.now() + cycles,
          k);
    }
    if (words > 0) {
      if (portFirst[port] < 0) {
        portFirst[port] = engine.now();
      }
      portLast[port] = engine.now() + Math.max(cycles, 1) - 1;
      portStarts[port]++;
    }
    portDueAt[port] = engine.now() + cycles;
    return cycles;
  }

  private long transferCycles(long words) {
    if (linkBytes > 0) {
      if (words <= 0) {
        return 0;
      }
      long now = engine.now();
      long start = Math.max(linkUsedBytes, now * linkBytes / linkCycles);
      linkUsedBytes = start + words * wordBytes;
      long end = (linkUsedBytes * linkCycles + linkBytes - 1) / linkBytes;
      return end - now;
    }
    if (words <= 0 || bandwidth <= 0) {
      return 0;
    }
    return IntMath.ceilDiv(words, bandwidth);
  }
}
