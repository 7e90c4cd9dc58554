/**
 * The memory side of a layer: which words each fold needs from DRAM and writes back, and the SRAM
 * and DRAM access counts that follow.
 */
package org.tessel.sim.memory;
