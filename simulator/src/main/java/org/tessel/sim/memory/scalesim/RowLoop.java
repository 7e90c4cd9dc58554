package org.tessel.sim.memory.scalesim;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;

/**
 * SCALE-Sim's {@code double_buffered_scratchpad.service_memory_requests}, jumping from event row to
 * event row instead of visiting all demand rows.
 *
 * <p>SCALE-Sim services demand row {@code i} at cycle {@code i + stall}: the ifmap and filter
 * buffers answer at {@code cycle + 1}, or, when the row triggered prefetches, as {@link
 * ScaleSimVersion#readAnswer} says; the ofmap buffer answers at {@code cycle}, or later when the
 * write waited for a drain; the row's stall is {@code max(ifmap - cycle - 1, filter - cycle - 1,
 * ofmap - cycle)} (the write buffer has no hit latency), never negative. Total Cycles is the last
 * row's ofmap answer; then the write buffer drains what is left.
 *
 * <p>A row is an <em>event</em> when a read buffer prefetched there ({@link ReadEvents}, sorted),
 * when its writes start a drain or wait for one (found by {@link OfmapRows#firstReaching} from the
 * write buffer's free space), or when its answers are reported (first and last row of each operand,
 * the last row). Between events every row adds nothing to the stall and only stores its words, so a
 * whole gap is stored at once. This is an event-jumping loop over primitive arrays rather than the
 * {@link org.tessel.sim.engine.Engine}: the events are rows known in order ahead of time (reads) or
 * found by search (writes), and DRAM cycles go negative, which the engine's clock does not allow.
 * Cost: {@code O(events * log(demand rows))}, no allocation per event.
 */
final class RowLoop {
  private final Shape s;
  private final ScaleSimVersion version;
  private final OfmapRows ofmap;
  private final WriteBuffer wb;
  private final ReadEvents ifmapEvents;
  private final ReadEvents filterEvents;
  private final long[] reported;
  private final long[] answers;
  private final LongArrayList stallRows = new LongArrayList();
  private final LongArrayList stallAfter = new LongArrayList();
  private long stall;
  private long events;

  /**
   * A loop over {@code s}'s demand rows; {@code reportedRows} are the rows whose answers {@link
   * #answer} returns afterwards (a negative row is never reached: its answers stay 0).
   */
  RowLoop(
      Shape s,
      ScaleSimVersion version,
      OfmapRows ofmap,
      WriteBuffer wb,
      ReadEvents ifmapEvents,
      ReadEvents filterEvents,
      long... reportedRows) {
    this.s = s;
    this.version = version;
    this.ofmap = ofmap;
    this.wb = wb;
    this.ifmapEvents = ifmapEvents;
    this.filterEvents = filterEvents;
    this.reported = reportedRows.clone();
    this.answers = new long[3 * reported.length];
  }

  /** Runs all rows; returns SCALE-Sim's Total Cycles (the last row's ofmap answer). */
  long run() {
    long[] stops = Arrays.copyOf(reported, reported.length + 1);
    stops[reported.length] = s.demandRows - 1;
    Arrays.sort(stops);
    int sp = 0;
    int ie = 0;
    int fe = 0;
    long last = s.demandRows - 1;
    long i = 0;
    while (true) {
      while (stops[sp] < i) {
        sp++;
      }
      long stop = stops[sp];
      if (ie < ifmapEvents.size()) {
        stop = Math.min(stop, ifmapEvents.row(ie));
      }
      if (fe < filterEvents.size()) {
        stop = Math.min(stop, filterEvents.row(fe));
      }
      i = storeUntilEvent(i, stop);
      long cycle = i + stall;
      long ifmapAnswer = cycle + 1;
      if (ie < ifmapEvents.size() && ifmapEvents.row(ie) == i) {
        ifmapAnswer = readAnswer(ifmapEvents, ie++, cycle);
      }
      long filterAnswer = cycle + 1;
      if (fe < filterEvents.size() && filterEvents.row(fe) == i) {
        filterAnswer = readAnswer(filterEvents, fe++, cycle);
      }
      long k = ofmap.count(i);
      long ofmapAnswer = k > 0 ? wb.write(k, cycle) : cycle;
      for (int r = 0; r < reported.length; r++) {
        if (reported[r] == i) {
          answers[3 * r] = ifmapAnswer;
          answers[3 * r + 1] = filterAnswer;
          answers[3 * r + 2] = ofmapAnswer;
        }
      }
      long st =
          Math.max(
              ifmapAnswer - cycle - 1, Math.max(filterAnswer - cycle - 1, ofmapAnswer - cycle));
      if (st != 0) {
        stall += st;
        stallRows.add(i);
        stallAfter.add(stall);
      }
      events++;
      if (i == last) {
        return ofmapAnswer;
      }
      i++;
    }
  }

  private long readAnswer(ReadEvents e, int k, long cycle) {
    return version.readAnswer(cycle, e.cycle(k), e.prefetches(k), e.stepCycles());
  }

  /**
   * Stores the words of rows {@code from, from + 1, ...} up to the first row at or before {@code
   * stop} whose write does more than store (starts a drain, or waits for one); returns that row,
   * whose words are not stored yet, or {@code stop}.
   */
  private long storeUntilEvent(long from, long stop) {
    long i = from;
    long cycle = i + stall;
    while (i < stop) {
      long drainEnd = wb.drainEndCycle();
      if (cycle < drainEnd) {
        long boundary = Math.min(stop, i + (drainEnd - cycle));
        long r = ofmap.firstReaching(i, boundary, Math.max(1, wb.free()));
        wb.store(ofmap.before(r) - ofmap.before(i));
        if (r < boundary) {
          return r;
        }
        cycle += boundary - i;
        i = boundary;
      } else {
        long r = ofmap.firstReaching(i, stop, Math.max(1, wb.free() - wb.activeWords() + 1));
        wb.store(ofmap.before(r) - ofmap.before(i));
        return r;
      }
    }
    return i;
  }

  /** Stall cycles summed over all rows, after {@link #run}. */
  long stall() {
    return stall;
  }

  /** Rows the loop processed one by one. */
  long events() {
    return events;
  }

  /** Answer of reported row {@code r} (index into the constructor's rows) for operand 0-2. */
  long answer(int r, int operand) {
    return answers[3 * r + operand];
  }

  /** The cycle at which row {@code row} was serviced ({@code row} plus the stall before it). */
  long cycleOf(long row) {
    int lo = 0;
    int hi = stallRows.size();
    while (lo < hi) { // first change at or after row
      int mid = (lo + hi) >>> 1;
      if (stallRows.getLong(mid) < row) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return row + (lo > 0 ? stallAfter.getLong(lo - 1) : 0);
  }
}
