/**
 * Validation suites: Tessel against external references (SCALE-Sim v2 reports, Eyeriss JSSC 2017
 * measurements), one {@link org.tessel.sim.validate.CaseResult} per compared quantity, gathered
 * in a {@link org.tessel.sim.validate.ValidationReport} that renders as a text table or HTML.
 */
package org.tessel.sim.validate;
