/**
 * Counts a run produces, as values: SRAM and DRAM access counts ({@link
 * org.tessel.sim.stats.AccessCounts}), accesses per energy level ({@link
 * org.tessel.sim.stats.EnergyCounts}) and the start, stop and word counts of one stream ({@link
 * org.tessel.sim.stats.StreamStats}).
 */
@NullMarked
package org.tessel.sim.stats;

import org.jspecify.annotations.NullMarked;
