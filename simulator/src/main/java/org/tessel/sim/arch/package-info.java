/**
 * Hardware specifications (immutable records, validated on construction): the PE array, the on-chip
 * SRAMs, the DRAM interface, the CGRA part (network, buffer ports, scratchpads, reconfiguration,
 * energy table), the clock and the {@link org.tessel.sim.arch.DataflowKind} the array is set to;
 * the hardware schema {@link org.tessel.sim.arch.HardwareField} (every field once, read by the YAML
 * and {@code .cfg} readers and the profile grid) and {@link org.tessel.sim.arch.HardwareDraft}, a
 * spec's fields as variables that fields are set on.
 */
@NullMarked
package org.tessel.sim.arch;

import org.jspecify.annotations.NullMarked;
