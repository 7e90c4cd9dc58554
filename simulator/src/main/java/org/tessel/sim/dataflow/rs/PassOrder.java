package org.tessel.sim.dataflow.rs;

/**
 * The order of a layer's passes, outermost loop first: group, group of {@code m} output channels,
 * batch group, strip, channel group, then the {@code m / (p t)} filter groups inside {@code m} (the
 * paper's "m, C, E, M" order with the batch and groups outside). Decodes a pass number into its
 * strip, channel group and filter group with arithmetic only.
 */
final class PassOrder {
  private final long filterGroups;
  private final long channelGroups;
  private final long strips;

  PassOrder(RsShape shape, RsMapping mp) {
    this.filterGroups = mp.filterGroupsPerM();
    this.channelGroups = mp.channelGroups(shape);
    this.strips = mp.strips(shape);
  }

  /** Filter groups per channel group: the passes between two ifmap loads. */
  long filterGroups() {
    return filterGroups;
  }

  /** Passes with the same strip in a row: channel groups times filter groups. */
  long stripRun() {
    return filterGroups * channelGroups;
  }

  /** Strip of pass {@code k}. */
  int strip(long k) {
    return (int) ((k / stripRun()) % strips);
  }

  /** True when pass {@code k} is the first of its channel group (it loads new ifmap rows). */
  boolean firstFilterGroup(long k) {
    return k % filterGroups == 0;
  }

  /** True when pass {@code k} works on the last channel group (its outputs are complete). */
  boolean lastChannelGroup(long k) {
    return (k / filterGroups) % channelGroups == channelGroups - 1;
  }

  /**
   * The first pass {@code i} in {@code [from, limit)} whose strip, first-filter-group flag or
   * last-channel-group flag may differ from those of pass {@code i - period} ({@code limit} when
   * none does); early answers allowed, never late ones. With {@code stripsDiffer} false the strips
   * are taken as alike (their traffic is the same).
   */
  long sameClassUntil(long from, long period, long limit, boolean stripsDiffer) {
    if (from >= limit) {
      return from;
    }
    long run = stripRun();
    long next = limit;
    if (stripsDiffer && strips > 1 && period % (run * strips) != 0) {
      if (period >= run) {
        return from;
      }
      next = Math.min(next, firstWithin(from, run, 0, period));
    }
    long pf = period % filterGroups;
    if (pf != 0) {
      // the flag is set on passes 0 mod filterGroups: i or i - period is one of them
      next = Math.min(next, firstWithin(from, filterGroups, 0, 1));
      next = Math.min(next, firstWithin(from, filterGroups, pf, 1));
    }
    long pc = period % run;
    if (channelGroups > 1 && pc != 0) {
      // the flag turns on at (channelGroups - 1) filterGroups and off at 0, modulo the strip run
      next = Math.min(next, firstWithin(from, run, 0, pc));
      next = Math.min(next, firstWithin(from, run, (channelGroups - 1) * filterGroups, pc));
    }
    return Math.max(from, Math.min(next, limit));
  }

  /** The first {@code i >= from} with {@code (i - offset) mod modulus < width}. */
  private static long firstWithin(long from, long modulus, long offset, long width) {
    long r = Math.floorMod(from - offset, modulus);
    return r < width ? from : from + (modulus - r);
  }
}
