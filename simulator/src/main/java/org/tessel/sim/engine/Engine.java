package org.tessel.sim.engine;

/**
 * Runs events in (cycle, phase, slot) order, advancing a monotonic clock, and dispatches each to
 * the handler registered for its target id. Single-threaded; reusable after {@link #reset()}.
 */
public final class Engine {
  private final EventQueue queue = new EventQueue();
  private EventHandler[] handlers = new EventHandler[4];
  private int handlerCount;
  private long now;
  private long eventsProcessed;

  /** Registers a component and returns its target id. */
  public int register(EventHandler handler) {
    if (handlerCount == handlers.length) {
      handlers = java.util.Arrays.copyOf(handlers, handlerCount * 2);
    }
    handlers[handlerCount] = handler;
    return handlerCount++;
  }

  /** The current cycle. */
  public long now() {
    return now;
  }

  /** Events processed since construction or the last {@link #reset()}. */
  public long eventsProcessed() {
    return eventsProcessed;
  }

  /**
   * Schedules an event {@code delayCycles} after now.
   *
   * @throws SimulationException for a negative delay
   */
  public void after(long delayCycles, Phase phase, int target, int kind, long arg) {
    if (delayCycles < 0) {
      throw new SimulationException(now, "negative delay " + delayCycles);
    }
    queue.schedule(now + delayCycles, phase, target, kind, arg);
  }

  /**
   * Schedules an event at an absolute cycle.
   *
   * @throws SimulationException for a cycle before now (monotonic-time guard)
   */
  public void at(long cycle, Phase phase, int target, int kind, long arg) {
    if (cycle < now) {
      throw new SimulationException(now, "event at cycle " + cycle + " is before the clock");
    }
    queue.schedule(cycle, phase, target, kind, arg);
  }

  /** Runs until no event is pending; returns the final cycle. */
  public long run() {
    while (!queue.isEmpty()) {
      long key = queue.pollKey();
      long cycle = EventQueue.cycleOf(key);
      if (cycle < now) {
        throw new SimulationException(now, "event at cycle " + cycle + " is before the clock");
      }
      now = cycle;
      int slot = EventQueue.slotOf(key);
      int kind = queue.kind(slot);
      int target = queue.target(slot);
      long arg = queue.arg(slot);
      queue.release(slot);
      eventsProcessed++;
      handlers[target].handle(kind, arg, this);
    }
    return now;
  }

  /**
   * Moves the clock {@code dtCycles} forward with every pending event, whose arguments change by
   * {@code argShiftByKind[kind]} (see {@link EventQueue#shift}): a component that has found its own
   * future to repeat a stretch it has already simulated skips the repetitions (only when it is the
   * engine's only component, so that nothing else is moved with it).
   *
   * @throws SimulationException for a negative step or an event moved past the largest cycle
   */
  public void skip(long dtCycles, long[] argShiftByKind) {
    if (dtCycles < 0) {
      throw new SimulationException(now, "negative skip " + dtCycles);
    }
    queue.shift(dtCycles, argShiftByKind);
    now += dtCycles;
  }

  /** Sets the clock to {@code cycle} with nothing pending (start of a new run segment). */
  public void startAt(long cycle) {
    if (!queue.isEmpty()) {
      throw new SimulationException(now, queue.size() + " events still pending");
    }
    now = cycle;
  }

  /** Forgets handlers, events, time and counts; keeps grown pools. */
  public void reset() {
    queue.clear();
    java.util.Arrays.fill(handlers, null);
    handlerCount = 0;
    now = 0;
    eventsProcessed = 0;
  }
}
