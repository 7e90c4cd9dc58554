package org.tessel.sim.memory.scalesim;

import java.util.Arrays;

/**
 * SCALE-Sim's USER read buffer cuts the valid entries of an operand's prefetch order into
 * <em>lines</em> of {@code wordsPerLine} entries (repeats count towards the length; a line is a
 * set of addresses) and there is always a final, possibly empty, line. This index maps every
 * address to the sorted ids of the lines that hold it (compressed rows: {@code start[a] ..
 * start[a + 1]} of {@code lines}), so that a hit test against a window of lines is one binary
 * search.
 *
 * <p>Built in two passes over the prefetch order (count, then fill): {@code O(prefetch matrix)}
 * time, memory one int per (address, line) pair plus three ints per address; nothing per element.
 */
final class PrefetchLines {
  private final int[] start;
  private final int[] lines;
  /** Number of lines. */
  final int lineCount;

  private PrefetchLines(int[] start, int[] lines, int lineCount) {
    this.start = start;
    this.lines = lines;
    this.lineCount = lineCount;
  }

  /**
   * The lines of {@code stream}'s prefetch order over addresses in {@code [0, space)}.
   *
   * @throws IllegalArgumentException when there are 2^31 or more (address, line) pairs
   */
  static PrefetchLines build(OperandStream stream, int space, long wordsPerLine) {
    Builder b = new Builder(space, wordsPerLine);
    stream.prefetchOrder(b);
    b.startFill();
    stream.prefetchOrder(b);
    return b.finish();
  }

  /**
   * True when a line in the cyclic window {@code [s, e)} holds {@code a} (when {@code s >= e} the
   * window is {@code [s, lineCount) U [0, e)}).
   *
   * @throws IllegalStateException when no line holds {@code a} (the demand asked for an address
   *     the prefetch order never has)
   */
  boolean inWindow(int a, int s, int e) {
    int lo = start[a];
    int hi = start[a + 1];
    if (lo == hi) {
      throw new IllegalStateException("address " + a + " is in no prefetch line");
    }
    if (s >= e) {
      return lines[hi - 1] >= s || lines[lo] < e;
    }
    // first line id >= s
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

  /** Receives the prefetch order twice: once to count, once to fill. */
  static final class Builder {
    private final long wordsPerLine;
    private final int[] lastLine;
    private final int[] start;
    private int[] lines;
    private boolean filling;
    private int lineId;
    private long inLine;
    private long pairs;

    Builder(int space, long wordsPerLine) {
      this.wordsPerLine = wordsPerLine;
      this.lastLine = new int[space];
      this.start = new int[space + 1];
      Arrays.fill(lastLine, -1);
    }

    /** Takes the next valid address of the prefetch order. */
    void accept(int a) {
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

    void startFill() {
      if (pairs > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("SCALE-Sim memory model: " + pairs
            + " prefetch line entries (limit 2^31)");
      }
      for (int a = 1; a < start.length; a++) {
        start[a] += start[a - 1];
      }
      lines = new int[(int) pairs];
      Arrays.fill(lastLine, -1);
      lineId = 0;
      inLine = 0;
      filling = true;
    }

    PrefetchLines finish() {
      // start[a] advanced to the end of a's run, which is the start of a + 1
      System.arraycopy(start, 0, start, 1, start.length - 1);
      start[0] = 0;
      return new PrefetchLines(start, lines, lineId + 1);
    }
  }
}
