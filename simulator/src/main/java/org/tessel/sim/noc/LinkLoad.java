package org.tessel.sim.noc;

import org.tessel.sim.util.IntMath;

/**
 * Words each link carries during one phase, and the cycles the busiest link needs for them. A
 * multicast stream charges each link of the union of its routes once when the link multicasts, and
 * once per receiver behind it otherwise. Reusable; allocates nothing after construction.
 */
public final class LinkLoad {
  private final CompiledNoc noc;
  private final long[] words;
  private final int[] touched;
  private int touchedCount;
  private final int[] mark;
  private int stamp;

  /** A load accumulator for {@code noc}. */
  public LinkLoad(CompiledNoc noc) {
    this.noc = noc;
    this.words = new long[noc.links()];
    this.touched = new int[noc.links()];
    this.mark = new int[noc.links()];
  }

  /** Forgets every load. */
  public void clear() {
    for (int i = 0; i < touchedCount; i++) {
      words[touched[i]] = 0;
    }
    touchedCount = 0;
  }

  /** Adds a unicast stream of {@code n} words along {@code route}. */
  public void add(int[] route, long n) {
    for (int id : route) {
      charge(id, n);
    }
  }

  /**
   * Adds one stream of {@code n} words delivered to every route's destination: multicast links
   * shared by several routes carry it once.
   */
  public void addMulticast(int[][] routes, int count, long n) {
    stamp++;
    for (int r = 0; r < count; r++) {
      for (int id : routes[r]) {
        if (noc.multicast(id)) {
          if (mark[id] == stamp) {
            continue;
          }
          mark[id] = stamp;
        }
        charge(id, n);
      }
    }
  }

  private void charge(int id, long n) {
    if (words[id] == 0 && n > 0) {
      touched[touchedCount++] = id;
    }
    words[id] += n;
  }

  /** Words on link {@code id}. */
  public long words(int id) {
    return words[id];
  }

  /** Cycles the busiest link needs: max over links of {@code ceil(words / width)}. */
  public long boundCycles() {
    long max = 0;
    for (int i = 0; i < touchedCount; i++) {
      int id = touched[i];
      long w = noc.widthWords(id);
      long c = IntMath.ceilDiv(words[id], w);
      if (c > max) {
        max = c;
      }
    }
    return max;
  }

  /** The id of the busiest link, or -1 when nothing is loaded (for reports). */
  public int busiestLink() {
    long max = -1;
    int best = -1;
    for (int i = 0; i < touchedCount; i++) {
      int id = touched[i];
      long w = noc.widthWords(id);
      long c = IntMath.ceilDiv(words[id], w);
      if (c > max || (c == max && id < best)) {
        max = c;
        best = id;
      }
    }
    return best;
  }
}
