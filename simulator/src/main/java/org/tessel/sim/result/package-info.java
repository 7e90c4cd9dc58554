/**
 * What a simulation returns: one {@link org.tessel.sim.result.LayerResult} per layer (cycles,
 * stalls, MACs, folds, accesses, energy counts, SCALE-Sim report line) and the network's {@link
 * org.tessel.sim.result.SimResult}.
 */
@NullMarked
package org.tessel.sim.result;

import org.jspecify.annotations.NullMarked;
