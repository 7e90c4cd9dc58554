/**
 * The documented limits of every input ({@link org.tessel.sim.limits.Limits}), in one place so that
 * readers, specs and the simulation refuse the same values (docs/inputs.md#limits).
 */
package org.tessel.sim.limits;
