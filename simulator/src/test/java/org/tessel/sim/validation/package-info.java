/**
 * Checks against external references: SCALE-Sim v2's reports and golden tests in {@code
 * ../shared/validation/scalesim}; skipped when that directory is absent.
 */
package org.tessel.sim.validation;
