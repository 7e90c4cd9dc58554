/**
 * Small helpers every layer may use: argument checks for record constructors ({@link
 * org.tessel.sim.util.Checks}), exact integer arithmetic ({@link org.tessel.sim.util.IntMath}, the
 * one {@code ceilDiv}) and Pareto dominance with the one non-dominated sorting ({@link
 * org.tessel.sim.util.Pareto}). The SVG/HTML writer is in {@code org.tessel.sim.util.svg}.
 */
@NullMarked
package org.tessel.sim.util;

import org.jspecify.annotations.NullMarked;
