/**
 * One layer as components on the event engine: the PE array working through the passes of a {@link
 * org.tessel.sim.mapping.LayerMapping}, and the DRAM ports that fill and drain the double-buffered
 * SRAMs. {@link org.tessel.sim.layer.LayerRunner} wires them and returns a {@link
 * org.tessel.sim.layer.LayerTiming} with a {@link org.tessel.sim.layer.PortWindow} per port.
 */
@NullMarked
package org.tessel.sim.layer;

import org.jspecify.annotations.NullMarked;
