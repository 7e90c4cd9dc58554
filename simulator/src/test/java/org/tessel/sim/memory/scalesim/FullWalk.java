package org.tessel.sim.memory.scalesim;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.stats.StreamStats;
import org.tessel.sim.util.IntMath;

/**
 * The read-buffer walks Tessel's SCALE-Sim model had before the fast ones, kept as the reference
 * they must equal ({@link FastWalkMatchesFullWalkTest}): one step per demanded address, in demand
 * order. USER: every address's prefetch lines in a sorted list (built from the prefetch order entry
 * by entry), a binary search per demanded address against the window. CALC: SCALE-Sim's {@code
 * read_buffer_estimate_bw.py} literally, sets of {@code items} words, an int per address holding
 * the set it was last put in.
 */
final class FullWalk implements ReadWalks {
  private static final FullWalk WALKS = new FullWalk();
  private static final int ACTIVE_SETS = 50;
  private static final int PREFETCH_SETS = 50;
  private static final long DEFAULT_WORDS_PER_CYCLE = 10;

  private FullWalk() {}

  /** {@link ScaleSimMemory#runGemm} with the walks over every address. */
  static GemmRun runGemm(Shape s, Operands ops, HardwareSpec hw) {
    return ScaleSimMemory.runGemm(s, ops, hw, WALKS);
  }

  @Override
  public UserWalk user(Shape s, OperandStream stream, long sizeWords, int bw) {
    long activeWords = (sizeWords + 1) / 2;
    long prefetchWords = sizeWords - activeWords;
    long wordsPerLine = IntMath.ceilDiv(sizeWords, 100);
    Lines lines =
        Lines.build(
            stream,
            stream.ifmapOperand ? stream.ops.ifmapSpace : stream.ops.filterSpace,
            wordsPerLine);
    int n = lines.lineCount;
    int a = (int) Math.min(IntMath.ceilDiv(activeWords, wordsPerLine), n);
    int p = (int) Math.min(IntMath.ceilDiv(prefetchWords, wordsPerLine), n - a);
    long pfRows = IntMath.ceilDiv(prefetchWords, bw);
    long step = pfRows + 1;
    long k0 =
        Math.min(
            IntMath.ceilDiv(activeWords, bw), IntMath.ceilDiv(stream.prefetchMatrixSize(), bw));
    long last = -1;
    long prefetches = 0;
    int ws = 0;
    int we = a;
    ReadEvents events = new ReadEvents(step);
    int[] buf = new int[Math.max(s.rows, s.cols)];
    for (int q = 0; q < s.folds; q++) {
      long base = q * s.foldRows;
      for (int j = stream.firstFoldRow(); j < stream.endFoldRow(q); j++) {
        int cnt = stream.row(q, j, buf);
        long before = prefetches;
        for (int i = 0; i < cnt; i++) {
          int addr = buf[i];
          int slides = 0;
          while (!lines.inWindow(addr, ws, we)) {
            if (p == 0 || ++slides > n + 1) {
              throw new IllegalStateException("address " + addr + " never enters the window");
            }
            ws = (ws + p) % n;
            we = (ws + a) % n;
            last += step;
            prefetches++;
          }
        }
        if (prefetches > before) {
          events.add(base + j, last, prefetches - before);
        }
      }
    }
    return new UserWalk(events, new StreamStats(-k0, last, k0 * bw + prefetches * pfRows * bw));
  }

  @Override
  public StreamStats calc(
      Shape s, OperandStream stream, long sizeWords, int space, long firstRow, RowLoop loop) {
    long items = Math.max(1, sizeWords / 100);
    int[] latest = new int[space];
    Arrays.fill(latest, -1);
    int[] buf = new int[Math.max(s.rows, s.cols)];
    long curId = 0;
    long curCount = 0;
    long rbStart = 0;
    long rbEnd = ACTIVE_SETS - 1;
    long pfStart = -1;
    boolean crossed = false;
    long lastS = -2;
    long lastE = -1;
    long firstCycle = Long.MIN_VALUE;
    boolean haveTrace = false;
    long traceFirst = 0;
    long reads = 0;
    for (int q = 0; q < s.folds; q++) {
      for (int j = stream.firstFoldRow(); j < stream.endFoldRow(q); j++) {
        int cnt = stream.row(q, j, buf);
        if (cnt == 0) {
          continue;
        }
        long row = q * s.foldRows + j;
        if (firstCycle == Long.MIN_VALUE) {
          firstCycle = loop.cycleOf(row);
        }
        for (int i = 0; i < cnt; i++) {
          int addr = buf[i];
          if (latest[addr] >= rbStart) {
            continue;
          }
          latest[addr] = (int) curId;
          if (++curCount < items) {
            continue;
          }
          curCount = 0;
          curId++;
          if (curId != rbEnd + 1) {
            continue;
          }
          if (!crossed) {
            lastE = firstCycle - 2;
            long cn = IntMath.ceilDiv(PREFETCH_SETS * items, DEFAULT_WORDS_PER_CYCLE);
            lastS = lastE - cn + 1;
            reads += ACTIVE_SETS * items;
            pfStart = rbEnd + 1;
            crossed = true;
          } else {
            reads += PREFETCH_SETS * items;
            pfStart += PREFETCH_SETS;
          }
          if (!haveTrace) {
            traceFirst = lastS + 1;
            haveTrace = true;
          }
          rbStart += PREFETCH_SETS;
          rbEnd += PREFETCH_SETS;
          lastS = lastE + 1;
          lastE = loop.cycleOf(row);
        }
      }
    }
    // complete_all_prefetches()
    long pending = curId * items + curCount;
    if (curCount == 0) {
      curId--;
    }
    if (!crossed) {
      lastE = -2;
      long cn = IntMath.ceilDiv((curId + 1) * items, DEFAULT_WORDS_PER_CYCLE);
      lastS = lastE - cn + 1;
      reads += pending;
    } else {
      reads += pending - pfStart * items;
    }
    if (!haveTrace) {
      traceFirst = lastS + 1;
    }
    return new StreamStats(traceFirst, lastE + 1, reads);
  }

  /**
   * The prefetch order's lines: for every address the sorted ids of the lines that hold it
   * (compressed rows), built in two passes over the order (count, then fill).
   */
  private static final class Lines implements IntConsumer {
    private final long wordsPerLine;
    private final int[] lastLine;
    private final int[] start;
    private int[] lines;
    private boolean filling;
    private int lineId;
    private long inLine;
    private int pairs;
    int lineCount;

    private Lines(int space, long wordsPerLine) {
      this.wordsPerLine = wordsPerLine;
      this.lastLine = new int[space];
      this.start = new int[space + 1];
      Arrays.fill(lastLine, -1);
    }

    static Lines build(OperandStream stream, int space, long wordsPerLine) {
      Lines b = new Lines(space, wordsPerLine);
      stream.prefetchOrder(b);
      for (int a = 1; a < b.start.length; a++) {
        b.start[a] += b.start[a - 1];
      }
      b.lines = new int[b.pairs];
      Arrays.fill(b.lastLine, -1);
      b.lineId = 0;
      b.inLine = 0;
      b.filling = true;
      stream.prefetchOrder(b);
      // start[a] advanced to the end of a's run, which is the start of a + 1
      System.arraycopy(b.start, 0, b.start, 1, b.start.length - 1);
      b.start[0] = 0;
      b.lineCount = b.lineId + 1;
      return b;
    }

    @Override
    public void accept(int a) {
      if (lastLine[a] != lineId) {
        lastLine[a] = lineId;
        if (filling) {
          lines[start[a]++] = lineId;
        } else {
          start[a + 1]++;
          pairs++;
        }
      }
      if (++inLine >= wordsPerLine) {
        lineId++;
        inLine = 0;
      }
    }

    /** Whether a line in the cyclic window {@code [s, e)} holds {@code a}. */
    boolean inWindow(int a, int s, int e) {
      int lo = start[a];
      int hi = start[a + 1];
      if (lo == hi) {
        throw new IllegalStateException("address " + a + " is in no prefetch line");
      }
      if (s >= e) {
        return lines[hi - 1] >= s || lines[lo] < e;
      }
      int l = lo;
      int h = hi;
      while (l < h) {
        int mid = (l + h) >>> 1;
        if (lines[mid] < s) {
          l = mid + 1;
        } else {
          h = mid;
        }
      }
      return l < hi && lines[l] < e;
    }
  }
}
