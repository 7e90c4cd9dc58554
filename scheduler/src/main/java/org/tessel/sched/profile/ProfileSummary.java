package org.tessel.sched.profile;

import java.nio.file.Path;
import java.util.List;

/**
 * What a finished sweep did and wrote.
 *
 * @param results every point's result, in grid order
 * @param front indices into {@code results} of the Pareto front, by latency
 * @param reused points whose rows were already in {@code PROFILE.csv}
 * @param computed points scheduled by this run
 * @param infeasible points on which some layer fits no dataflow and tiling
 * @param sharedSchedules computed points that took the schedule of an earlier point whose hardware
 *     was the same but for what cannot change a schedule (the clock; the DRAM bandwidth in calc
 *     mode)
 * @param cacheHits evaluation-cache lookups answered from the cache in this run
 * @param cacheMisses evaluation-cache lookups that simulated
 * @param cacheEntries evaluations held at the end
 * @param csv the {@code PROFILE.csv} written
 * @param html the {@code pareto.html} written
 * @param svg the {@code pareto.svg} written
 */
public record ProfileSummary(
    List<PointResult> results,
    List<Integer> front,
    int reused,
    int computed,
    int infeasible,
    long sharedSchedules,
    long cacheHits,
    long cacheMisses,
    int cacheEntries,
    Path csv,
    Path html,
    Path svg) {
  /** Copies the lists. */
  public ProfileSummary {
    results = List.copyOf(results);
    front = List.copyOf(front);
  }

  /** Cache hits over lookups, 0 to 1 (0 without lookups). */
  public double cacheHitRate() {
    long all = cacheHits + cacheMisses;
    return all == 0 ? 0 : (double) cacheHits / all;
  }
}
