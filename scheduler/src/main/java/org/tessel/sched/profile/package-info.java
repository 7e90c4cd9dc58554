/**
 * Hardware profiling sweeps: a grid of hardware parameters ({@link org.tessel.sched.profile.Grid},
 * named as in {@code docs/hardware-format.md}), the network scheduled on every point with one
 * shared {@link org.tessel.sched.EvaluationCache} ({@link org.tessel.sched.profile.Profiler}), a
 * crash-safe {@code PROFILE.csv} that an interrupted sweep resumes from, and the Pareto front of
 * latency, energy and on-chip storage ({@link org.tessel.sim.util.Pareto}, {@link
 * org.tessel.sched.profile.ParetoPlot}). Points run in parallel; every output is the same at any
 * thread count.
 */
@NullMarked
package org.tessel.sched.profile;

import org.jspecify.annotations.NullMarked;
