package org.tessel.sim.engine;

/** An invariant broken during a run (an event in the past, a buffer overflow, no progress). */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with the cycle at which the invariant broke. */
  public SimulationException(long cycle, String message) {
    super("cycle " + cycle + ": " + message);
  }
}
