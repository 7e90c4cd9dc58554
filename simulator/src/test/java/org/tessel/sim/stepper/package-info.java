/**
 * A deliberately literal, slow reference for the event-driven layer timing: a systolic array whose
 * PE registers are updated once per cycle, fed by three DRAM ports that move their words a cycle
 * at a time, and the property test that holds {@link org.tessel.sim.Simulation} to it exactly.
 */
package org.tessel.sim.stepper;
