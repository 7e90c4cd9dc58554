package org.tessel.sim.engine;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongHeapPriorityQueue;

/**
 * Pending events as packed longs in a fastutil min-heap: no objects, no boxing.
 *
 * <p>Key layout: {@code cycle (39 bits) | phase (2 bits) | slot (22 bits)}. The payload (kind,
 * target, argument) lives in struct-of-arrays slots; slots come from a LIFO free list, so the order
 * of events that share a cycle and a phase is fixed by the run's own history: the same run always
 * takes the same order (determinism), and handlers do not rely on any particular order within a
 * phase.
 */
public final class EventQueue {
  static final int SLOT_BITS = 22;
  static final int PHASE_BITS = 2;
  static final int CYCLE_SHIFT = SLOT_BITS + PHASE_BITS;

  /** The largest schedulable cycle (about 5.5e11). */
  public static final long MAX_CYCLE = (1L << (63 - CYCLE_SHIFT)) - 1;

  private static final int MAX_SLOTS = 1 << SLOT_BITS;
  private static final long SLOT_MASK = MAX_SLOTS - 1;

  private final LongHeapPriorityQueue heap = new LongHeapPriorityQueue(1 << 10);
  private int[] kind = new int[1 << 10];
  private int[] target = new int[1 << 10];
  private long[] arg = new long[1 << 10];
  private final IntArrayList free = new IntArrayList();
  private long[] scratch = new long[8];
  private int nextSlot;

  /**
   * Schedules an event for component {@code eventTarget}, in the engine's argument order (cycle,
   * phase, target, kind, argument).
   *
   * @throws SimulationException for a cycle outside [0, {@link #MAX_CYCLE}] or too many pending
   */
  public void schedule(long cycle, Phase phase, int eventTarget, int eventKind, long eventArg) {
    if (cycle < 0 || cycle > MAX_CYCLE) {
      throw new SimulationException(cycle, "event cycle out of range [0, " + MAX_CYCLE + "]");
    }
    int slot = free.isEmpty() ? newSlot(cycle) : free.popInt();
    kind[slot] = eventKind;
    target[slot] = eventTarget;
    arg[slot] = eventArg;
    heap.enqueue((cycle << CYCLE_SHIFT) | ((long) phase.ordinal() << SLOT_BITS) | slot);
  }

  private int newSlot(long cycle) {
    if (nextSlot == MAX_SLOTS) {
      throw new SimulationException(cycle, "more than " + MAX_SLOTS + " pending events");
    }
    if (nextSlot == kind.length) {
      kind = IntArrays.grow(kind, nextSlot + 1);
      target = IntArrays.grow(target, nextSlot + 1);
      arg = LongArrays.grow(arg, nextSlot + 1);
    }
    return nextSlot++;
  }

  /** True when nothing is pending. */
  public boolean isEmpty() {
    return heap.isEmpty();
  }

  /** Number of pending events. */
  public int size() {
    return heap.size();
  }

  /** Cycle of the earliest pending event. */
  public long peekCycle() {
    return heap.firstLong() >>> CYCLE_SHIFT;
  }

  /** Removes the earliest event and returns its packed key. */
  public long pollKey() {
    return heap.dequeueLong();
  }

  /** The cycle of a packed key. */
  public static long cycleOf(long key) {
    return key >>> CYCLE_SHIFT;
  }

  /** The payload slot of a packed key. */
  public static int slotOf(long key) {
    return (int) (key & SLOT_MASK);
  }

  /** Kind of the event in {@code slot}. */
  public int kind(int slot) {
    return kind[slot];
  }

  /** Target component of the event in {@code slot}. */
  public int target(int slot) {
    return target[slot];
  }

  /** Argument of the event in {@code slot}. */
  public long arg(int slot) {
    return arg[slot];
  }

  /** Returns a slot to the pool. */
  public void release(int slot) {
    free.push(slot);
  }

  /**
   * Moves every pending event {@code dtCycles} later and adds {@code argShiftByKind[kind]} to its
   * argument (kinds beyond the array keep theirs). The order of the pending events is unchanged:
   * all move by the same amount. Allocates only when more events are pending than ever before.
   *
   * @throws SimulationException when an event would move past {@link #MAX_CYCLE}
   */
  public void shift(long dtCycles, long[] argShiftByKind) {
    int n = heap.size();
    if (scratch.length < n) {
      scratch = new long[Math.max(n, 2 * scratch.length)];
    }
    for (int i = 0; i < n; i++) {
      scratch[i] = heap.dequeueLong();
    }
    for (int i = 0; i < n; i++) {
      long key = scratch[i];
      long cycle = cycleOf(key) + dtCycles;
      if (dtCycles < 0 || cycle > MAX_CYCLE) {
        throw new SimulationException(cycle, "event cycle out of range [0, " + MAX_CYCLE + "]");
      }
      int slot = slotOf(key);
      if (kind[slot] >= 0 && kind[slot] < argShiftByKind.length) {
        arg[slot] += argShiftByKind[kind[slot]];
      }
      heap.enqueue(key + (dtCycles << CYCLE_SHIFT));
    }
  }

  /** Drops every pending event; keeps the grown pools. */
  public void clear() {
    heap.clear();
    free.clear();
    nextSlot = 0;
  }
}
