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
}
