/**
 * The Eyeriss row-stationary dataflow (Chen, Emer, Sze, ISCA 2016; Chen, Krishna, Emer, Sze, JSSC
 * 2017): the search for a layer's mapping ({@link org.tessel.sim.dataflow.rs.MappingSearch}), where
 * the PE sets sit on the array ({@link org.tessel.sim.dataflow.rs.Placement}), the cycles of one
 * processing pass from the loads it puts on the X/Y-bus network ({@link
 * org.tessel.sim.dataflow.rs.PassTimer}), and the resulting {@link
 * org.tessel.sim.dataflow.rs.RsLayerMapping}. The model is described in {@code
 * docs/models/eyeriss/model.md} (Model A) and validated in {@code docs/validation.md}.
 */
@NullMarked
package org.tessel.sim.dataflow.rs;

import org.jspecify.annotations.NullMarked;
