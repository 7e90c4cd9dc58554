package org.tessel.sim.engine;

/** A component that receives events: implemented once per component kind, never as a lambda. */
public interface EventHandler {
  /**
   * Handles one event at the engine's current cycle.
   *
   * @param kind component-defined event kind
   * @param arg component-defined argument (a fold index, a transfer id)
   * @param engine the engine, to read the clock and schedule further events
   */
  void handle(int kind, long arg, Engine engine);
}
