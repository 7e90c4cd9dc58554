package org.tessel.sim.stepper;

/**
 * The layer's memory system stepped a cycle at a time: three DRAM transfer streams (ifmap fills,
 * filter fills, ofmap write-backs), each on its own port of {@code B} words per cycle or all on one
 * shared off-chip link, buffers of depth 1 or 2, and a PE array that works through the passes in
 * order ({@link PassArray}), the reference for {@link org.tessel.sim.layer.LayerRunner}.
 *
 * <p>Time is cut into cycles {@code 0, 1, 2, ...}; "boundary c" is the start of cycle c. At each
 * boundary, repeatedly until nothing more can start:
 *
 * <ul>
 *   <li>the fill of pass {@code k} (ifmap or filter, in pass order, one at a time per stream) may
 *       start once pass {@code k - depth} has ended (its buffer is free); the write-back of pass
 *       {@code k} once pass {@code k} has ended. A depth-1 stream with room for {@code P > 0} words
 *       beside the current pass's data moves each fill as two transfers: the first {@code min(w,
 *       P)} words once pass {@code k - 2} has ended, the rest once pass {@code k - 1} has ended;
 *   <li>with ports: each stream's next transfer starts on its own port when the port is idle; with
 *       the shared link: each stream whose next transfer may start is waiting from the first
 *       boundary it could have started; when the link is idle the one waiting since the earliest
 *       boundary takes it (ties: ifmap, filter, ofmap);
 *   <li>pass {@code k} starts once the array is idle, both its fills are complete and the
 *       write-back of pass {@code k - depth} is complete.
 * </ul>
 *
 * A transfer of no words, or any transfer on unlimited ports, completes at the boundary it starts
 * at. Then cycle {@code c} runs: a port moves up to {@code B} words of its transfer (a transfer
 * never shares a cycle with the next one); the link moves up to {@code floor((c + 1) b / n) -
 * floor(c b / n)} bytes in cycle {@code c} for a rate of {@code b} bytes per {@code n} cycles, the
 * bytes of a cycle that the current transfer does not need are lost (an idle link banks nothing),
 * and the array steps its pass. What completes in cycle {@code c} is complete at boundary {@code c
 * + 1}.
 */
final class DramStepper {
  /** Stands for unlimited port bandwidth. */
  static final long UNLIMITED = 0;

  private static final int IFMAP = 0;
  private static final int FILTER = 1;
  private static final int OFMAP = 2;

  /** The PE array, seen pass by pass. */
  interface PassArray {
    /** Pass {@code k} starts at the current boundary. */
    void begin(int k);

    /** Runs one cycle of the current pass; true when the pass ended with this cycle. */
    boolean step();
  }

  /** Words each pass moves: ifmap and filter fills before it, ofmap write-back after it. */
  interface Words {
    long ifmap(int k);

    long filter(int k);

    long ofmap(int k);
  }

  /**
   * What the memory system is.
   *
   * @param portWordsPerCycle words per cycle of each port, {@link #UNLIMITED} for no limit (ignored
   *     on a link)
   * @param linkBytes bytes the shared link moves in {@code linkCycles} cycles; 0: no link, ports
   * @param linkCycles the cycles of {@code linkBytes}
   * @param wordBytes bytes per word on the link
   * @param depth passes each buffer holds: ifmap, filter, ofmap (1 or 2)
   * @param prefetch words of a fill a depth-1 ifmap or filter buffer has room for beside the
   *     current pass's data (0: none)
   */
  // a spec read field by field, never compared or hashed; copied on the way in (withDepth)
  @SuppressWarnings("ArrayRecordComponent")
  record Memory(
      long portWordsPerCycle,
      long linkBytes,
      long linkCycles,
      int wordBytes,
      int[] depth,
      long[] prefetch) {
    static Memory ports(long wordsPerCycle) {
      return new Memory(wordsPerCycle, 0, 1, 1, new int[] {2, 2, 2}, new long[2]);
    }

    static Memory link(long bytes, long cycles, int wordBytes) {
      return new Memory(UNLIMITED, bytes, cycles, wordBytes, new int[] {2, 2, 2}, new long[2]);
    }

    Memory withDepth(int[] d) {
      return new Memory(portWordsPerCycle, linkBytes, linkCycles, wordBytes, d.clone(), prefetch);
    }

    Memory withPrefetch(long[] words) {
      return new Memory(portWordsPerCycle, linkBytes, linkCycles, wordBytes, depth, words.clone());
    }

    /** Whether stream {@code s}'s fills are two transfers. */
    boolean split(int s) {
      return s != 2 && depth[s] == 1 && prefetch[s] > 0;
    }

    boolean shared() {
      return linkBytes > 0;
    }
  }

  /**
   * What the stepper counted.
   *
   * @param cycles cycles until the last pass ended and the last write-back completed
   * @param computeCycles cycles in which the array stepped a pass
   * @param stallCycles cycles in which the array had no pass
   * @param firstPassStart boundary at which pass 0 started
   * @param lastPassEnd boundary at which the last pass ended
   * @param transferStarts boundary at which each transfer started: {@code [stream][pass]}
   * @param transferEnds boundary at which each transfer completed: {@code [stream][pass]}
   * @param transferWords words of each transfer: {@code [stream][pass]}
   */
  // a result holder read field by field in tests, never compared
  @SuppressWarnings("ArrayRecordComponent")
  record Timing(
      long cycles,
      long computeCycles,
      long stallCycles,
      long firstPassStart,
      long lastPassEnd,
      long[][] transferStarts,
      long[][] transferEnds,
      long[][] transferWords) {

    /** First boundary at which stream {@code s} started a transfer of some words; -1: none. */
    long firstBusy(int s) {
      for (int k = 0; k < transferWords[s].length; k++) {
        if (transferWords[s][k] > 0) {
          return transferStarts[s][k];
        }
      }
      return -1;
    }

    /** Last cycle in which stream {@code s} moved words; -1: none. */
    long lastBusy(int s) {
      for (int k = transferWords[s].length - 1; k >= 0; k--) {
        if (transferWords[s][k] > 0) {
          return transferEnds[s][k] - 1;
        }
      }
      return -1;
    }
  }

  private final PassArray array;
  private final Words words;
  private final Memory mem;
  private final int passes;
  private final int[] started = new int[3];
  private final int[] done = new int[3];
  private final boolean[] busy = new boolean[3];
  private final long[] remaining = new long[3];
  private final long[] remainingWords = new long[3]; // words of the transfer under way
  private final int[] part = new int[2]; // the part of a split fill to start next
  private final boolean[] lastPart = new boolean[3]; // the transfer under way ends its pass's fill
  private final long[] waitingSince = {-1, -1, -1};
  private final long[][] ends;
  private final long[][] starts;
  private final long[][] sizes;
  private int linkOwner = -1;
  private int passesStarted;
  private int passesEnded;
  private boolean arrayBusy;

  private DramStepper(PassArray array, Words words, Memory mem, int passes) {
    this.array = array;
    this.words = words;
    this.mem = mem;
    this.passes = passes;
    this.ends = new long[3][passes];
    this.starts = new long[3][passes];
    this.sizes = new long[3][passes];
  }

  /**
   * Steps {@code passes} passes of {@code array} with the transfers {@code words} on {@code mem}.
   */
  static Timing run(PassArray array, Words words, Memory mem, int passes) {
    return new DramStepper(array, words, mem, passes).go();
  }

  private Timing go() {
    long compute = 0;
    long stall = 0;
    long firstStart = -1;
    long lastEnd = 0;
    for (long c = 0; ; c++) {
      boolean progress = true;
      while (progress) {
        progress = startTransfers(c);
        int k = passesStarted;
        if (!arrayBusy
            && k < passes
            && done[IFMAP] > k
            && done[FILTER] > k
            && done[OFMAP] >= k - (mem.depth()[OFMAP] - 1)) {
          arrayBusy = true;
          passesStarted++;
          if (k == 0) {
            firstStart = c;
          }
          array.begin(k);
          progress = true;
        }
      }
      if (passesEnded == passes && done[OFMAP] == passes) {
        return new Timing(c, compute, stall, firstStart, lastEnd, starts, ends, sizes);
      }
      boolean anyBusy = arrayBusy || busy[IFMAP] || busy[FILTER] || busy[OFMAP];
      if (!anyBusy) {
        throw new IllegalStateException(
            "dram stepper deadlock at cycle " + c + ": " + passesEnded + " of " + passes);
      }
      // cycle c
      if (mem.shared()) {
        if (linkOwner >= 0) {
          long budget =
              Math.floorDiv((c + 1) * mem.linkBytes(), mem.linkCycles())
                  - Math.floorDiv(c * mem.linkBytes(), mem.linkCycles());
          move(linkOwner, budget, c);
        }
      } else {
        for (int s = 0; s < 3; s++) {
          if (busy[s]) {
            move(s, mem.portWordsPerCycle(), c);
          }
        }
      }
      if (arrayBusy) {
        compute++;
        if (array.step()) {
          arrayBusy = false;
          passesEnded++;
          lastEnd = c + 1;
        }
      } else {
        stall++;
      }
    }
  }

  /** Moves up to {@code units} (words on a port, bytes on the link) of stream {@code s}. */
  private void move(int s, long units, long c) {
    remaining[s] -= Math.min(units, remaining[s]);
    if (remaining[s] == 0) {
      complete(s, c + 1);
    }
  }

  private void complete(int s, long boundary) {
    busy[s] = false;
    if (!mem.split(s) || remainingWords[s] > 0) {
      ends[s][done[s]] = boundary; // a split fill ends with its last part that moved words
    }
    if (lastPart[s]) {
      done[s]++;
    }
    if (linkOwner == s) {
      linkOwner = -1;
    }
  }

  /** Whether stream {@code s}'s next transfer may start (its buffer and its order allow it). */
  private boolean mayStart(int s) {
    int k = started[s];
    if (busy[s] || k >= passes) {
      return false;
    }
    if (s == OFMAP) {
      return k < passesEnded;
    }
    int depth = mem.split(s) && part[s] == 0 ? 2 : mem.depth()[s];
    return passesEnded >= k - (depth - 1);
  }

  private boolean startTransfers(long c) {
    boolean any = false;
    if (!mem.shared()) {
      for (int s = 0; s < 3; s++) {
        if (mayStart(s)) {
          start(s, c);
          any = true;
        }
      }
      return any;
    }
    for (int s = 0; s < 3; s++) {
      if (mayStart(s) && waitingSince[s] < 0) {
        waitingSince[s] = c;
      }
    }
    if (linkOwner >= 0) {
      return false;
    }
    int pick = -1;
    for (int s = 0; s < 3; s++) {
      if (waitingSince[s] >= 0 && (pick < 0 || waitingSince[s] < waitingSince[pick])) {
        pick = s;
      }
    }
    if (pick < 0) {
      return false;
    }
    waitingSince[pick] = -1;
    linkOwner = pick;
    start(pick, c);
    return true;
  }

  private void start(int s, long c) {
    int k = started[s];
    long all = s == IFMAP ? words.ifmap(k) : s == FILTER ? words.filter(k) : words.ofmap(k);
    long w = all;
    lastPart[s] = true;
    if (mem.split(s)) {
      long early = Math.min(all, mem.prefetch()[s]);
      if (part[s] == 0) {
        w = early;
        lastPart[s] = false;
        part[s] = 1;
      } else {
        w = all - early;
        part[s] = 0;
      }
    }
    if (lastPart[s]) {
      started[s]++;
    }
    if (!mem.split(s) || !lastPart[s]) {
      starts[s][k] = c; // a split fill's first part has words whenever the fill has
    }
    sizes[s][k] = all;
    remainingWords[s] = w;
    if (w == 0 || (!mem.shared() && mem.portWordsPerCycle() == UNLIMITED)) {
      busy[s] = true;
      complete(s, c);
      return;
    }
    busy[s] = true;
    remaining[s] = mem.shared() ? w * mem.wordBytes() : w;
  }
}
