/**
 * Hardware specifications (immutable records, validated on construction): the PE array, the
 * on-chip SRAMs, the DRAM interface, the CGRA part (network, buffer ports, scratchpads,
 * reconfiguration, energy table), the clock and the {@link org.tessel.sim.arch.DataflowKind} the
 * array is set to.
 */
package org.tessel.sim.arch;
