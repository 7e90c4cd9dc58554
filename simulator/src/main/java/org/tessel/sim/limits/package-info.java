/**
 * The documented limits of every input ({@link org.tessel.sim.limits.Limits}), in one place so that
 * readers, specs and the simulation refuse the same values (docs/inputs.md#limits).
 */
@NullMarked
package org.tessel.sim.limits;

import org.jspecify.annotations.NullMarked;
