/**
 * What a search optimises: {@link org.tessel.nas.objective.Metric}s (accuracy, latency, energy,
 * reconfigurations, maladaptation, MACs, parameters) each with its direction, hard {@link
 * org.tessel.nas.objective.Constraint}s such as a latency budget, and the accuracy oracle, an
 * {@link org.tessel.nas.objective.AccuracyTable} read from a CSV keyed by arch string or index.
 */
@NullMarked
package org.tessel.nas.objective;

import org.jspecify.annotations.NullMarked;
