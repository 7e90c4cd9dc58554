/**
 * Writers for results: SCALE-Sim's report CSVs (same columns, same layout), Tessel's JSON summary,
 * and the terminal table; {@link org.tessel.sim.output} writes them to disk.
 */
@NullMarked
package org.tessel.sim.report;

import org.jspecify.annotations.NullMarked;
