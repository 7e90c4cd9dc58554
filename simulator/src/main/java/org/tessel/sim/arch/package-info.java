/**
 * Hardware specifications (immutable records, validated on construction): the PE array, the
 * on-chip SRAMs, the DRAM interface and the clock, and the built-in presets.
 */
package org.tessel.sim.arch;
