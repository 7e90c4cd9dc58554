package org.tessel.sim.memory.scalesim;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.util.IntMath;

/**
 * SCALE-Sim's {@code read_buffer_estimate_bw.py} (CALC bandwidth): never stalls; it only yields the
 * DRAM columns, the words it would have fetched and over which window.
 *
 * <p>Distinct new addresses fill sets of {@code items = floor(size / 100)} words (at least 1 here;
 * SCALE-Sim divides by zero below 100 words); 50 sets are active. When the set after the active
 * ones fills, the window moves by 50 sets and a prefetch of {@code 50 * items} words is booked: the
 * first one over the {@code ceil(50 * items / 10)} cycles before the first demand, each later one
 * from the end of the previous one to the cycle of the demand that filled the set. An address
 * already in the window or in the set being filled is a hit. At the end the words of the sets not
 * yet booked are added.
 *
 * <p>Since the window moves by as many sets as it holds, it only ever holds the sets filled since
 * its last move: the demand is cut into <em>epochs</em>, each ending at the demand whose address is
 * the {@code E = 50 * items}-th distinct one of the epoch, and an address is a hit when it was
 * demanded earlier in the same epoch. Every number reported follows from {@code N}, the number of
 * misses ({@code E} per completed epoch plus the last epoch's), the number of completed epochs and
 * the row of the last one's end: {@code N} words; with no epoch completed the window is {@code
 * -ceil(items * sets) .. -1}; otherwise it starts {@code ceil(E / 10)} cycles before the first
 * demand and stops one cycle after the last epoch's end.
 *
 * <p>The walk never visits every demanded address one by one:
 *
 * <ul>
 *   <li>Filter folds whose addresses come back only after {@code E} or more reads ({@link
 *       OperandStream#filterReuseDistance}) miss on every read (an epoch ends within {@code E}
 *       reads of any read, so before the address comes back): counted, not walked.
 *   <li>The os and ws ifmap repeat one pass over the row folds per column fold. When no address
 *       comes back within fewer than {@code E} reads, in a pass or from one pass into the next
 *       (checked over one pass, stopping at the first short reuse), every read misses: counted.
 *   <li>Otherwise an epoch stamp per address, fold by fold. A fold whose pattern (its address rows,
 *       {@link OperandStream#patternOf}) was stamped whole in the current epoch adds nothing. A
 *       fold in which the epoch cannot end (fewer new addresses than are left) is stamped in
 *       storage order: along channel runs, and for the os ifmap as the merged runs of its pixels'
 *       windows, each address once. A fold in which it may end is tried the same way (the new
 *       addresses logged, undone when the epoch would end), then taken in bands of rows, and only
 *       the band in which the epoch ends is walked in demand order.
 * </ul>
 *
 * <p>Cost: {@code O(distinct fold patterns * distinct addresses per fold + epochs * E / 16)} stamp
 * tests for the stamped streams, {@code O(one pass)} for the counted ifmap, {@code O(folds)} for
 * counted filters; an int per address.
 */
final class EstimateReadBuffer {
  private static final int ACTIVE_SETS = 50;
  private static final int PREFETCH_SETS = 50;
  private static final long DEFAULT_WORDS_PER_CYCLE = 10;
  private static final int[] EMPTY = {};

  private final long items;
  private long startCycle;
  private long stopCycle;
  private long words;

  // walk state (empty between walks)
  private int[] stamp = EMPTY;
  private int[] row = EMPTY;

  /** The walk's address space: {@link #stamps} allocates it on first use. */
  private int space;

  /** Largest read number the reuse check stamped (plus one is the largest stamp). */
  private long stamped;

  private int epoch;
  private long inEpoch;
  private long misses;
  private long epochs;
  private long lastEndRow;
  private int lastEndFold;
  private long lastEndIndex;

  EstimateReadBuffer(long sizeWords) {
    this.items = Math.max(1, sizeWords / 100);
  }

  /**
   * Walks {@code stream}'s demand ({@code firstRow}: its first row with an address); {@code loop}
   * gives each row's service cycle.
   */
  void walk(Shape s, OperandStream stream, int space, long firstRow, RowLoop loop) {
    // the epoch view needs the window to move by exactly the sets it holds
    assert ACTIVE_SETS == PREFETCH_SETS;
    long e = ACTIVE_SETS * items;
    this.space = space;
    stamp = EMPTY; // allocated by the first stamp: many walks only count misses
    epoch = 1;
    stamped = 0;
    inEpoch = 0;
    misses = 0;
    epochs = 0;
    lastEndRow = -1;
    lastEndFold = -1;
    if (stream.ifmapOperand
        && stream.skewed
        && stream.laneIsRow
        && s.colFolds > 1
        && allMissPasses(s, stream, e)) {
      finishWalk(s, stream, firstRow, loop);
      return;
    }
    int[] patternEpoch = new int[stream.patterns()];
    int @Nullable [] log = null;
    long @Nullable [] runs =
        stream.skewed && stream.ifmapOperand && stream.aIsPixel
            ? new long[stream.laneMax * stream.ops.kernelHeight()]
            : null;
    for (int q = 0; q < s.folds; q++) {
      if (stream.filterReuseDistance(q) >= e) {
        allMiss(q, stream.entriesOfFold(q), e);
        continue;
      }
      int pattern = stream.patternOf(q);
      if (patternEpoch[pattern] == epoch) {
        continue;
      }
      long entries = stream.entriesOfFold(q);
      int nRuns = -1;
      if (runs != null) {
        // os ifmap: the fold's addresses as merged runs, each address once
        nRuns = foldRuns(stream, q, 0, foldRowCount(stream, q), runs);
        entries = runsSize(runs, nRuns);
      }
      if (inEpoch + entries < e) {
        long fresh =
            runs != null // nRuns >= 0 exactly when there are runs
                ? stampRuns(runs, nRuns, null, Long.MAX_VALUE)
                : stampRows(stream, q, 0, foldRowCount(stream, q), null, Long.MAX_VALUE);
        inEpoch += fresh;
        misses += fresh;
        patternEpoch[pattern] = epoch;
        continue;
      }
      if (entries < 4 * e) {
        long room = e - inEpoch;
        log = logFor(log, Math.min(room, entries));
        long fresh =
            runs != null // nRuns >= 0 exactly when there are runs
                ? stampRuns(runs, nRuns, log, room)
                : stampRows(stream, q, 0, foldRowCount(stream, q), log, room);
        if (fresh < room) {
          inEpoch += fresh;
          misses += fresh;
          patternEpoch[pattern] = epoch;
          continue;
        }
        undo(log, room); // the epoch ends in this fold
      }
      // in bands of rows, each stamped in storage order unless the epoch ends in it
      int rowCount = foldRowCount(stream, q);
      long perRow = stream.skewed ? stream.usedLanes(q) : s.usedCols(q / s.rowFolds);
      int band = (int) Math.max(1, Math.min(rowCount, e / 16 / perRow));
      boolean ended = false;
      for (int r0 = 0; r0 < rowCount; r0 += band) {
        int r1 = Math.min(rowCount, r0 + band);
        long bound = (r1 - r0) * perRow;
        int bandRuns = -1;
        if (runs != null) {
          bandRuns = foldRuns(stream, q, r0, r1, runs);
          bound = runsSize(runs, bandRuns);
        }
        if (inEpoch + bound < e) {
          long fresh =
              runs != null // bandRuns >= 0 exactly when there are runs
                  ? stampRuns(runs, bandRuns, null, Long.MAX_VALUE)
                  : stampRows(stream, q, r0, r1, null, Long.MAX_VALUE);
          inEpoch += fresh;
          misses += fresh;
          continue;
        }
        long room = e - inEpoch;
        log = logFor(log, Math.min(room, bound));
        long fresh =
            runs != null // bandRuns >= 0 exactly when there are runs
                ? stampRuns(runs, bandRuns, log, room)
                : stampRows(stream, q, r0, r1, log, room);
        if (fresh < room) {
          inEpoch += fresh;
          misses += fresh;
          continue;
        }
        undo(log, room);
        ended |= walkRows(s, stream, q, r0, r1, e);
      }
      if (!ended) {
        patternEpoch[pattern] = epoch;
      }
    }
    finishWalk(s, stream, firstRow, loop);
  }

  private void finishWalk(Shape s, OperandStream stream, long firstRow, RowLoop loop) {
    stamp = EMPTY; // the walk's stamps are garbage now
    if (lastEndFold >= 0) {
      lastEndRow = rowOfEntry(s, stream, lastEndFold, lastEndIndex);
    }
    finish(
        epochs,
        firstRow >= 0 && epochs > 0 ? loop.cycleOf(firstRow) : 0,
        epochs > 0 ? loop.cycleOf(lastEndRow) : 0);
  }

  /**
   * An ifmap stream whose column folds repeat one pass over the row folds (os and ws): when no
   * address comes back within fewer than {@code e} reads, in the pass or from one pass into the
   * next, every read misses (each epoch ends within {@code e} reads of any read, so before the
   * address comes back) and the epochs end every {@code e} reads: counted, not walked. Checks the
   * reuse distances over one pass and the first {@code e} reads of the next, in demand order,
   * stopping at the first short one; returns false (stamps cleared) when there is one.
   */
  private boolean allMissPasses(Shape s, OperandStream st, long e) {
    int passFolds = s.rowFolds;
    long[] foldStart = new long[passFolds + 1];
    long pos = 0;
    long cap = Integer.MAX_VALUE - e; // read numbers are stamped as ints
    for (int q = 0; q < passFolds && pos >= 0; q++) {
      foldStart[q] = pos;
      pos = checkReuse(s, st, q, pos, cap, e);
      if (pos >= cap) {
        stamped = cap;
        pos = -1;
      }
    }
    long pass = pos;
    foldStart[passFolds] = pass;
    for (int q = 0; q < passFolds && pos >= 0 && pos < pass + e; q++) {
      pos = checkReuse(s, st, q, pos, pass + e, e);
    }
    if (pos < 0) {
      // the stamps hold read numbers up to stamped + 1: number the epochs above them
      if (stamped < Integer.MAX_VALUE / 2) {
        epoch = (int) stamped + 2;
      } else {
        Arrays.fill(stamps(), 0);
      }
      return false;
    }
    misses = pass * s.colFolds;
    epochs = misses / e;
    if (epochs > 0) {
      long g = epochs * e - 1; // the last epoch ends at this read
      long inPass = g % pass;
      int fr = 0;
      while (foldStart[fr + 1] <= inPass) {
        fr++;
      }
      lastEndFold = (int) (g / pass) * passFolds + fr;
      lastEndIndex = inPass - foldStart[fr];
    }
    return true;
  }

  /**
   * Walks fold {@code q} in demand order from read number {@code pos}, stamping each address with
   * its read number (plus one); returns the next read number, or -1 when an address comes back
   * within fewer than {@code e} reads. Stops at read number {@code limit}.
   */
  private long checkReuse(Shape s, OperandStream st, int q, long pos, long limit, long e) {
    int[] last = stamps();
    int[] aBase = st.aBase;
    int[] bBase = st.bBase;
    int lanes0 = st.laneFold(q) * st.laneMax;
    int used = st.usedLanes(q);
    int t = s.t;
    // inline rather than through OperandStream.row: this loop is the whole cost of a counted pass
    for (int u0 = 0; u0 < t + used - 1; u0++) {
      int x = Math.max(0, u0 - t + 1);
      int hi = Math.min(used - 1, u0);
      for (int a = lanes0 + x, b = u0 - x; x <= hi; x++, a++, b--) {
        if (st.holes && !st.valid(a, b)) {
          continue;
        }
        int addr = aBase[a] + bBase[b];
        if (last[addr] != 0 && pos - (last[addr] - 1) < e) {
          stamped = pos;
          return -1;
        }
        if (pos >= limit) {
          return pos;
        }
        last[addr] = (int) (pos + 1);
        pos++;
      }
    }
    return pos;
  }

  /** Fold {@code q}'s {@code entries} reads all miss (no holes): count the epochs they end. */
  private void allMiss(int q, long entries, long e) {
    misses += entries;
    if (inEpoch + entries < e) {
      inEpoch += entries;
      return;
    }
    long first = e - inEpoch - 1;
    long more = (entries - 1 - first) / e;
    lastEndFold = q;
    lastEndIndex = first + more * e;
    epochs += more + 1;
    epoch += (int) (more + 1);
    inEpoch = entries - 1 - lastEndIndex;
  }

  /** The stamp per address of this walk, zero (no epoch) when first asked for. */
  private int[] stamps() {
    if (stamp.length != space) {
      stamp = new int[space];
    }
    return stamp;
  }

  private static int[] logFor(int @Nullable [] log, long need) {
    return log != null && log.length >= need ? log : new int[(int) need];
  }

  private void undo(int[] log, long n) {
    for (int i = 0; i < n; i++) {
      stamp[log[i]] = 0; // any epoch but the current one
    }
  }

  /**
   * Demand rows of fold {@code q} that can hold entries, numbered from 0: skewed streams {@code u0
   * = j - off < t + used - 1}, stationary loads {@code j < rows}.
   */
  private static int foldRowCount(OperandStream st, int q) {
    return st.skewed ? st.s.t + st.usedLanes(q) - 1 : st.s.rows;
  }

  /**
   * Stamps the addresses of fold {@code q}'s rows {@code [r0, r1)} (see {@link #foldRowCount}) with
   * the current epoch, in storage order (along the window offset, whose addresses run up by one
   * along each channel run); returns how many were not stamped yet. With a {@code log}, records
   * them and stops at {@code room} of them.
   */
  private long stampRows(OperandStream st, int q, int r0, int r1, int @Nullable [] log, long room) {
    Shape s = st.s;
    // entries at(.., ..) = oBase[o] + kBase[k], o outer, k (the window offset) inner: o over
    // [o0, o1), k over [k0, k0 + kN); for a skewed stream (row = lane + time step) only the k
    // with r0 <= (o - oShift) + (k - k0) < r1
    int[] oBase;
    int[] kBase;
    int o0;
    int o1;
    int k0;
    int kN;
    boolean diagonal = st.skewed;
    int oShift = 0;
    if (st.skewed) {
      int lanes0 = st.laneFold(q) * st.laneMax;
      int used = st.usedLanes(q);
      if (st.kOnA) {
        kBase = st.aBase;
        oBase = st.bBase;
        k0 = lanes0;
        kN = used;
        o0 = Math.max(0, r0 - used + 1);
        o1 = Math.min(s.t, r1);
      } else {
        oBase = st.aBase;
        kBase = st.bBase;
        k0 = 0;
        kN = s.t;
        o0 = lanes0 + Math.max(0, r0 - s.t + 1);
        o1 = lanes0 + Math.min(used, r1);
        oShift = lanes0;
      }
    } else {
      int fr = q % s.rowFolds;
      int fc = q / s.rowFolds;
      int ru = s.usedRows(fr);
      kBase = st.aBase;
      oBase = st.bBase;
      // row j loads k = fr * rows + rows - 1 - j
      int kTop = fr * s.rows + s.rows - 1;
      k0 = Math.max(fr * s.rows, kTop - r1 + 1);
      kN = Math.min(fr * s.rows + ru, kTop - r0 + 1) - k0;
      o0 = fc * s.cols;
      o1 = o0 + s.usedCols(fc);
    }
    int[] stp = stamps();
    int ep = epoch;
    long fresh = 0;
    boolean[] interior = st.holes ? st.ops.interior : null;
    for (int o = o0; o < o1; o++) {
      int ob = oBase[o];
      int ka = k0;
      int kb = k0 + kN;
      if (diagonal) {
        ka = k0 + Math.max(0, r0 - (o - oShift));
        kb = k0 + Math.min(kN, r1 - (o - oShift));
      }
      boolean check = interior != null && !interior[o]; // o is the pixel for the ifmap
      for (int k = ka; k < kb; k++) {
        if (check && !st.ops.inside(o, k)) {
          continue;
        }
        int a = ob + kBase[k];
        if (stp[a] != ep) {
          stp[a] = ep;
          if (log != null) {
            log[(int) fresh] = a;
            if (++fresh == room) {
              return fresh;
            }
          } else {
            fresh++;
          }
        }
      }
    }
    return fresh;
  }

  /**
   * The addresses of os ifmap fold {@code q}'s rows {@code [r0, r1)} (pixel {@code lanes0 + x}
   * demands window offsets {@code r0 - x .. r1 - x - 1} there) as disjoint runs, sorted and merged,
   * in {@code runs}; returns how many.
   */
  private static int foldRuns(OperandStream st, int q, int r0, int r1, long[] runs) {
    int lanes0 = st.laneFold(q) * st.laneMax;
    int used = st.usedLanes(q);
    int t = st.s.t;
    int n = 0;
    for (int x = Math.max(0, r0 - t + 1); x < Math.min(used, r1); x++) {
      n = st.ops.windowRuns(lanes0 + x, Math.max(0, r0 - x), Math.min(t, r1 - x), runs, n);
    }
    Arrays.sort(runs, 0, n);
    int m = 0;
    for (int i = 0; i < n; i++) {
      long end = runs[i] & 0xffffffffL;
      if (m > 0 && runs[i] >>> 32 <= (runs[m - 1] & 0xffffffffL)) {
        if (end > (runs[m - 1] & 0xffffffffL)) {
          runs[m - 1] = (runs[m - 1] >>> 32) << 32 | end;
        }
      } else {
        runs[m++] = runs[i];
      }
    }
    return m;
  }

  private static long runsSize(long[] runs, int n) {
    long size = 0;
    for (int i = 0; i < n; i++) {
      size += (runs[i] & 0xffffffffL) - (runs[i] >>> 32);
    }
    return size;
  }

  /** As {@link #stampRows}, over the address runs of {@link #foldRuns}. */
  private long stampRuns(long[] runs, int n, int @Nullable [] log, long room) {
    int[] stp = stamps();
    int ep = epoch;
    long fresh = 0;
    for (int i = 0; i < n; i++) {
      int start = (int) (runs[i] >>> 32);
      int end = (int) runs[i];
      if (log == null) {
        for (int a = start; a < end; a++) {
          if (stp[a] != ep) {
            stp[a] = ep;
            fresh++;
          }
        }
      } else {
        for (int a = start; a < end; a++) {
          if (stp[a] != ep) {
            stp[a] = ep;
            log[(int) fresh] = a;
            if (++fresh == room) {
              return fresh;
            }
          }
        }
      }
    }
    return fresh;
  }

  /**
   * Walks fold {@code q}'s rows {@code [r0, r1)} (see {@link #foldRowCount}) in demand order;
   * returns whether an epoch ended in them.
   */
  private boolean walkRows(Shape s, OperandStream st, int q, int r0, int r1, long e) {
    int[] stp = stamps();
    int[] buf = rowBuffer(s);
    long base = q * s.foldRows + st.firstFoldRow();
    int ep = epoch;
    long left = e - inEpoch; // misses until the epoch ends
    long fresh = 0;
    long ended = 0;
    for (int r = r0; r < r1; r++) {
      int cnt = st.row(q, st.firstFoldRow() + r, buf);
      for (int i = 0; i < cnt; i++) {
        int addr = buf[i];
        if (stp[addr] != ep) {
          stp[addr] = ep;
          fresh++;
          if (--left == 0) {
            ep++;
            ended++;
            left = e;
            lastEndRow = base + r;
          }
        }
      }
    }
    misses += fresh;
    inEpoch = e - left;
    if (ended > 0) {
      epoch = ep;
      epochs += ended;
      lastEndFold = -1;
    }
    return ended > 0;
  }

  private int[] rowBuffer(Shape s) {
    if (row.length == 0) {
      row = new int[Math.max(s.rows, s.cols)];
    }
    return row;
  }

  /** The demand row of fold {@code q}'s {@code index}-th entry (0-based, holes skipped). */
  private static long rowOfEntry(Shape s, OperandStream st, int q, long index) {
    int[] buf = new int[Math.max(s.rows, s.cols)];
    long seen = 0;
    for (int j = st.firstFoldRow(); j < st.endFoldRow(q); j++) {
      seen += st.row(q, j, buf);
      if (seen > index) {
        return q * s.foldRows + j;
      }
    }
    throw new IllegalStateException("entry " + index + " past fold " + q);
  }

  /** SCALE-Sim's bookkeeping of sets and prefetches, from the walk's totals. */
  private void finish(long completed, long firstCycle, long lastEndCycle) {
    long curId = misses / items;
    long curCount = misses % items;
    long reads;
    long traceFirst;
    long traceLast;
    // complete_all_prefetches()
    if (completed == 0) {
      if (curCount == 0) {
        curId--;
      }
      long cn = IntMath.ceilDiv((curId + 1) * items, DEFAULT_WORDS_PER_CYCLE);
      long lastE = -2;
      traceFirst = lastE - cn + 2;
      traceLast = lastE + 1;
      reads = misses;
    } else {
      long cn = IntMath.ceilDiv(PREFETCH_SETS * items, DEFAULT_WORDS_PER_CYCLE);
      traceFirst = firstCycle - 2 - cn + 2;
      traceLast = lastEndCycle + 1;
      // ACTIVE_SETS * items for the first prefetch, PREFETCH_SETS * items for each later one,
      // then the sets not booked yet: the misses, in total
      reads = misses;
    }
    startCycle = traceFirst;
    stopCycle = traceLast;
    words = reads;
  }

  long dramStartCycle() {
    return startCycle;
  }

  long dramStopCycle() {
    return stopCycle;
  }

  long dramWords() {
    return words;
  }
}
