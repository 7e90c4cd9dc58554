/**
 * SCALE-Sim v2's and v3's memory systems, reproduced as a model: read buffers that prefetch
 * fixed-size lines of each operand's address stream into a sliding window, and a write buffer that
 * drains the ofmap. Selected by {@link org.tessel.sim.arch.MemoryModel#SCALESIM} and {@link
 * org.tessel.sim.arch.MemoryModel#SCALESIM_V3} (SCALE-Sim {@code .cfg} inputs); where the two
 * versions differ is in {@code ScaleSimVersion}.
 *
 * <p>{@link org.tessel.sim.memory.scalesim.ScaleSimMemory} is the entry point. Inside: the fold
 * geometry ({@code Shape}, {@code Flow}), operand addresses ({@code Operands}) and their demand and
 * prefetch orders ({@code OperandStream}, {@code PrefetchLines}), the three buffers ({@code
 * UserReadBuffer}, {@code EstimateReadBuffer}, {@code WriteBuffer}; the read buffers' walks behind
 * {@code ReadWalks}) and the event-jumping row loop that combines them ({@code RowLoop}, {@code
 * OfmapRows}, {@code ReadEvents}). The model and how exactly it matches SCALE-Sim's reports are in
 * docs/validation.md.
 */
@NullMarked
package org.tessel.sim.memory.scalesim;

import org.jspecify.annotations.NullMarked;
