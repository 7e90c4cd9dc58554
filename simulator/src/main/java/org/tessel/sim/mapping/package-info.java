/**
 * The mapping IR between a dataflow and the engine: a {@link org.tessel.sim.mapping.LayerMapping}
 * (passes, their cycles, DRAM traffic per pass, accesses, configuration), the systolic {@link
 * org.tessel.sim.mapping.FoldPlan}, what a dataflow may read while mapping ({@link
 * org.tessel.sim.mapping.MappingContext}), and {@link org.tessel.sim.mapping.Mapped}: a mapping or
 * the {@link org.tessel.sim.mapping.Infeasibility} that prevents it, as a value.
 */
@NullMarked
package org.tessel.sim.mapping;

import org.jspecify.annotations.NullMarked;
