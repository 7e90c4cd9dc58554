package org.tessel.sim.memory.scalesim;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.tessel.sim.util.IntMath;

/**
 * SCALE-Sim's {@code write_buffer.py} (the variant whose drains do not stall the row that issues
 * them, which is what every reference case shows), counting words instead of keeping addresses.
 *
 * <p>Writes fill trace lines of {@code bw} words. Outside a drain, when free space falls below the
 * active half, the partial line is closed (padded) and a drain of up to {@code ceil(drainHalf /
 * bw)} pending lines starts at the current cycle, one line per cycle; it frees {@code lines * bw}
 * words minus only the last line's padding (padding inside earlier partial lines counts as data, as
 * in SCALE-Sim). While a drain runs, a write that leaves no free space waits for the drain's last
 * cycle: the only stall the ofmap causes.
 *
 * <p>Lines are not stored: a count of lines, plus the (rare) partial lines as (index, words).
 */
final class WriteBuffer {
  private final long activeWords;
  private final int bw;
  private final long linesPerDrain;
  private long free;
  private long lines;
  private long lineFill;
  private long drainStartLine;
  private long drainEndCycle;
  private long words;
  private boolean drained;
  private long firstDrainCycle;
  private long lastDrainCycle;
  private long latestDrainCycle;
  private final LongArrayList partialLine = new LongArrayList();
  private final IntArrayList partialWords = new IntArrayList();
  private int partialCursor;

  WriteBuffer(long sizeWords, int bandwidthWordsPerCycle) {
    this.activeWords = (sizeWords + 1) / 2;
    this.bw = bandwidthWordsPerCycle;
    this.linesPerDrain = IntMath.ceilDiv(sizeWords - activeWords, bw);
    this.free = sizeWords;
  }

  long free() {
    return free;
  }

  long activeWords() {
    return activeWords;
  }

  long drainEndCycle() {
    return drainEndCycle;
  }

  /** Stores {@code k} words with no other effect (rows between events). */
  void store(long k) {
    free -= k;
    lineFill += k;
    if (lineFill >= bw) {
      lines += lineFill / bw;
      lineFill %= bw;
    }
  }

  private void flush() {
    if (lineFill > 0) {
      partialLine.add(lines);
      partialWords.add((int) lineFill);
      lines++;
      lineFill = 0;
    }
  }

  private int wordsOfLine(long line) {
    while (partialCursor < partialLine.size() && partialLine.getLong(partialCursor) < line) {
      partialCursor++;
    }
    return partialCursor < partialLine.size() && partialLine.getLong(partialCursor) == line
        ? partialWords.getInt(partialCursor)
        : bw;
  }

  private long drain(long startCycle) {
    long end = Math.min(drainStartLine + linesPerDrain, lines);
    long num = end - drainStartLine;
    long data = num * bw - (bw - wordsOfLine(end - 1));
    words += data;
    if (!drained) {
      drained = true;
      firstDrainCycle = startCycle;
    }
    lastDrainCycle = startCycle + num - 1;
    latestDrainCycle =
        drained && lastDrainCycle < latestDrainCycle ? latestDrainCycle : lastDrainCycle;
    free += data;
    drainStartLine = end;
    return startCycle + num - 1;
  }

  /**
   * Services one demand row that writes {@code k > 0} words at {@code cycle}; returns the cycle at
   * which the row is done ({@code cycle} unless it waited for a drain).
   */
  long write(long k, long cycle) {
    long cur = cycle;
    while (k > 0) {
      if (cur < drainEndCycle) {
        long m = Math.min(k, free > 0 ? free : 1);
        store(m);
        k -= m;
        if (free <= 0) {
          cur = drainEndCycle;
        }
      } else {
        long m = Math.max(1, free - activeWords + 1);
        if (k < m) {
          store(k);
          k = 0;
        } else {
          store(m);
          k -= m;
          flush();
          drainEndCycle = drain(cur);
        }
      }
    }
    return cur;
  }

  /** Drains everything left, back to back from {@code cycle} (end of the layer). */
  void emptyAll(long cycle) {
    flush();
    long c = cycle;
    while (drainStartLine < lines) {
      drainEndCycle = drain(c);
      c = drainEndCycle + 1;
    }
  }

  /** First drain's first cycle (0 when nothing was written). */
  long dramStartCycle() {
    return drained ? firstDrainCycle : 0;
  }

  /** Last drain's last cycle (0 when nothing was written). */
  long dramStopCycle() {
    return drained ? lastDrainCycle : 0;
  }

  /**
   * The latest cycle of any drain (0 when nothing was written): the last drain's, unless the final
   * drains, which start at the last row's answer, end before a drain still running then.
   */
  long dramLatestCycle() {
    return drained ? latestDrainCycle : 0;
  }

  /** Words drained to DRAM. */
  long dramWords() {
    return words;
  }
}
