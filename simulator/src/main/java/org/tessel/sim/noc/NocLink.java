package org.tessel.sim.noc;

import org.tessel.sim.util.Checks;

/**
 * One directed link (or bus segment). Its identity is its {@code id}; the endpoints live in the
 * graph (a record with equal fields would otherwise collapse parallel links in jgrapht).
 *
 * @param id unique id, also the index in {@link CompiledNoc}'s arrays
 * @param wordsPerCycle words the link moves per cycle
 * @param latencyCycles cycles for a word to cross it
 * @param multicast whether one transaction delivers a word to every receiver behind it
 * @param label a readable name ("port 0", "row 3 link 4->5")
 */
public record NocLink(
    int id, int wordsPerCycle, int latencyCycles, boolean multicast, String label) {
  /** Validates the figures. */
  public NocLink {
    Checks.nonNegative("link id", id);
    Checks.positive("link wordsPerCycle", wordsPerCycle);
    Checks.nonNegative("link latencyCycles", latencyCycles);
  }
}
