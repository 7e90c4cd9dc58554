package org.tessel.sim.stats;

/**
 * Word accesses of one layer, and when each stream was active (cycles from the layer's start).
 *
 * @param sramIfmapReads ifmap words the array read from its SRAM
 * @param sramFilterReads filter words the array read from its SRAM
 * @param sramOfmapWrites ofmap words the array wrote to its SRAM
 * @param dramIfmapReads ifmap words fetched from DRAM
 * @param dramFilterReads filter words fetched from DRAM
 * @param dramOfmapWrites ofmap words written to DRAM
 */
public record AccessCounts(
    long sramIfmapReads,
    long sramFilterReads,
    long sramOfmapWrites,
    long dramIfmapReads,
    long dramFilterReads,
    long dramOfmapWrites) {

  /** No accesses. */
  public static final AccessCounts ZERO = new AccessCounts(0, 0, 0, 0, 0, 0);

  /** Element-wise sum. */
  public AccessCounts plus(AccessCounts o) {
    return new AccessCounts(
        sramIfmapReads + o.sramIfmapReads,
        sramFilterReads + o.sramFilterReads,
        sramOfmapWrites + o.sramOfmapWrites,
        dramIfmapReads + o.dramIfmapReads,
        dramFilterReads + o.dramFilterReads,
        dramOfmapWrites + o.dramOfmapWrites);
  }
}
