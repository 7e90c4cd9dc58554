/**
 * A deliberately literal, slow reference for the event-driven layer timing: a systolic array whose
 * PE registers are updated once per cycle, whose edge registers are filled word by word by the
 * global buffer's shared read ports (the array holds still while a word it needs is missing), fed
 * by three DRAM ports that move their words a cycle at a time or by one shared off-chip link that
 * grants its bytes cycle by cycle ({@link org.tessel.sim.stepper.DramStepper}), with folds cut into
 * chunks when their slices do not fit the SRAM halves ({@link org.tessel.sim.stepper.Chunking}),
 * and the property tests that hold {@link org.tessel.sim.Simulation} to it exactly.
 */
package org.tessel.sim.stepper;
