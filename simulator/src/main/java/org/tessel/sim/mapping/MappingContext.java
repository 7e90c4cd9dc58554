package org.tessel.sim.mapping;

import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.noc.CompiledNoc;

/** What a dataflow may use while mapping a layer: the hardware and its compiled network. */
public interface MappingContext {
  /** The hardware. */
  HardwareSpec hardware();

  /** The hardware's network, compiled once per simulation. */
  CompiledNoc noc();
}
