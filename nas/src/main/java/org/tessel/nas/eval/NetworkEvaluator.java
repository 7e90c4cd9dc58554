package org.tessel.nas.eval;

import org.tessel.sim.workload.Network;

/** Prices networks; thread-safe. */
public interface NetworkEvaluator {
  /** The metrics of {@code network}; a network that cannot run gives {@link Metrics#failed}. */
  Metrics evaluate(Network network);

  /**
   * Everything besides the network that the metrics depend on (hardware, settings, code), as text:
   * part of every cache key.
   */
  String context();
}
