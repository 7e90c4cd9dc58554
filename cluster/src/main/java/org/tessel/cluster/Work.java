package org.tessel.cluster;

/**
 * A job's units of work on one member: a pure function from a unit (text) to its result (text),
 * safe to call from several threads and to call twice for one unit.
 */
public interface Work {
  /** The result of {@code unit}. */
  String run(String unit);

  /**
   * The results of a batch's {@code units}, in order: each one's {@link #run}. A work that talks to
   * the cluster per unit (a shared cache) overrides this to do so once per batch.
   */
  default String[] runAll(String[] units) {
    String[] out = new String[units.length];
    for (int i = 0; i < units.length; i++) {
      out[i] = run(units[i]);
    }
    return out;
  }
}
