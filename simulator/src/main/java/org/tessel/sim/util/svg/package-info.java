/**
 * The one SVG/HTML writer: escaping ({@link org.tessel.sim.util.svg.Html}), page and SVG elements
 * ({@link org.tessel.sim.util.svg.Svg}), axes ({@link org.tessel.sim.util.svg.PlotAxis}) and the
 * scatter plot of a Pareto front ({@link org.tessel.sim.util.svg.ScatterPlot}) that the profile
 * sweep and the NAS search both draw. Self-contained output: no scripts, no external resources; the
 * same input gives the same bytes.
 */
@NullMarked
package org.tessel.sim.util.svg;

import org.jspecify.annotations.NullMarked;
