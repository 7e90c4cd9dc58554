package org.tessel.nas.eval;

/**
 * How a {@link CachedEvaluator} answered.
 *
 * @param lookups networks asked for
 * @param memoryHits answered from memory (priced earlier in this run)
 * @param diskHits answered from the log on disk (priced by an earlier run)
 * @param misses priced now
 * @param entries distinct networks held in memory
 * @param logRecords intact records in the log (read at opening plus appended); 0 without a log
 * @param logBytes the log's size on disk; 0 without a log
 * @param logDamaged lines of the log skipped at opening (cut short or garbled)
 */
public record CacheStats(
    long lookups,
    long memoryHits,
    long diskHits,
    long misses,
    int entries,
    int logRecords,
    long logBytes,
    int logDamaged) {

  /** Hits (memory or disk) over lookups, 0 to 1 (0 before any lookup). */
  public double hitRate() {
    return lookups == 0 ? 0 : (double) (memoryHits + diskHits) / lookups;
  }
}
