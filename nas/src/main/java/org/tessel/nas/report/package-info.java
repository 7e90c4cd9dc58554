/**
 * Search outputs: the ranked and Pareto-front CSVs ({@link org.tessel.nas.report.CandidateCsv}), an
 * SVG scatter of two objectives with the front ({@link org.tessel.nas.report.ParetoSvg}), a
 * candidate's per-layer schedule ({@link org.tessel.nas.report.ScheduleCsv}), a terminal summary
 * ({@link org.tessel.nas.report.Summary}), and a directory holding them, written whole or not at
 * all ({@link org.tessel.nas.report.SearchReport}). Files hold no timing or cache figures, so a
 * seed gives byte-identical files at any thread count and after a resumed run.
 */
@NullMarked
package org.tessel.nas.report;

import org.jspecify.annotations.NullMarked;
