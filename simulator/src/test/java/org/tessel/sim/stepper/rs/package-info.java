/**
 * A literal, slow reference for row-stationary processing passes: PE sets, scratchpads, the
 * multicast X/Y buses of every data type at their widths and partial sums accumulated up the
 * columns, stepped a cycle at a time ({@link org.tessel.sim.stepper.rs.RsPassStepper}), and the
 * tests that compare it with the engine's closed-form pass timing.
 */
package org.tessel.sim.stepper.rs;
