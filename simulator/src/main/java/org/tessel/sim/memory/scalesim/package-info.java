/**
 * SCALE-Sim v2's memory system, reproduced as a model: read buffers that prefetch fixed-size lines
 * of each operand's address stream into a sliding window, and a write buffer that drains the ofmap.
 * Selected by {@link org.tessel.sim.arch.MemoryModel#SCALESIM} (SCALE-Sim {@code .cfg} inputs).
 */
package org.tessel.sim.memory.scalesim;
