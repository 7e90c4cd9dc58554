package org.tessel.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tessel.sim.result.SimResult;

/** Simulated cycles and engine events, reported by JMH as rates per second. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Simulated {
  /** Simulated cycles (including reconfiguration). */
  public long cycles;

  /** Engine events processed ({@link SimResult#events()}). */
  public long events;

  /** Resets the counters for each iteration. */
  @Setup(Level.Iteration)
  public void clear() {
    cycles = 0;
    events = 0;
  }

  /** Adds one simulation's figures. */
  void add(SimResult r) {
    cycles += r.cycles();
    events += r.events();
  }
}
