/**
 * A deliberately literal, slow reference for the event-driven layer timing: a systolic array whose
 * PE registers are updated once per cycle, whose edge registers are filled word by word by the
 * global buffer's shared read ports (the array holds still while a word it needs is missing), fed
 * by three DRAM ports that move their words a cycle at a time, and the property tests that hold
 * {@link org.tessel.sim.Simulation} to it exactly.
 */
package org.tessel.sim.stepper;
