/**
 * Writers for results: SCALE-Sim's report CSVs (same columns, same layout), Tessel's JSON summary,
 * the terminal table, and {@link org.tessel.sim.report.AtomicDirectory}, which makes an output
 * directory appear whole or not at all.
 */
package org.tessel.sim.report;
