package org.tessel.cluster;

/**
 * A job's units of work on one member: a pure function from a unit (text) to its result (text),
 * safe to call from several threads and to call twice for one unit.
 */
public interface Work {
  /** The result of {@code unit}. */
  String run(String unit);
}
