/**
 * Tessel's simulator: the facade {@link org.tessel.sim.Simulation} runs a {@link
 * org.tessel.sim.workload.Network} on a {@link org.tessel.sim.arch.HardwareSpec} and returns a
 * {@link org.tessel.sim.result.SimResult} with exact per-layer cycle and access counts.
 */
@NullMarked
package org.tessel.sim;

import org.jspecify.annotations.NullMarked;
