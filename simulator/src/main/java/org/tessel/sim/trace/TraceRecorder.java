package org.tessel.sim.trace;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.List;

/**
 * Spans recorded during a run, as parallel primitive lists (no object per span). Cycles are
 * absolute: the recorder adds the current layer's start cycle to what components report.
 */
public final class TraceRecorder {
  private final IntArrayList track = new IntArrayList();
  private final LongArrayList start = new LongArrayList();
  private final LongArrayList end = new LongArrayList();
  private final LongArrayList index = new LongArrayList();
  private final LongArrayList lastIndex = new LongArrayList();
  private final int[] open = new int[Track.values().length];
  private final IntArrayList layer = new IntArrayList();
  private final List<String> layerNames = new ArrayList<>();
  private long layerStart;
  private int currentLayer = -1;

  /** Starts a layer at absolute cycle {@code startCycle}; later spans are relative to it. */
  public void beginLayer(String name, long startCycle) {
    java.util.Arrays.fill(open, -1);
    layerNames.add(name);
    currentLayer = layerNames.size() - 1;
    layerStart = startCycle;
  }

  /** Closes the current layer, which took {@code cycles}. */
  public void endLayer(long cycles) {
    span(Track.LAYERS, 0, cycles, currentLayer);
  }

  /**
   * Records a span {@code [startCycle, endCycle)} relative to the current layer's start; empty
   * spans are dropped, and a span that starts where the previous one of its track ended extends it
   * (a run of back-to-back folds becomes one span "folds a-b").
   */
  public void span(Track t, long startCycle, long endCycle, long itemIndex) {
    if (endCycle <= startCycle) {
      return;
    }
    int last = open[t.ordinal()];
    if (last >= 0 && end.getLong(last) == layerStart + startCycle) {
      end.set(last, layerStart + endCycle);
      lastIndex.set(last, itemIndex);
      return;
    }
    open[t.ordinal()] = track.size();
    lastIndex.add(itemIndex);
    track.add(t.ordinal());
    start.add(layerStart + startCycle);
    end.add(layerStart + endCycle);
    index.add(itemIndex);
    layer.add(currentLayer);
  }

  /** Number of spans. */
  public int size() {
    return track.size();
  }

  Track track(int i) {
    return Track.VALUES[track.getInt(i)];
  }

  long start(int i) {
    return start.getLong(i);
  }

  long end(int i) {
    return end.getLong(i);
  }

  long index(int i) {
    return index.getLong(i);
  }

  long lastIndex(int i) {
    return lastIndex.getLong(i);
  }

  String layerName(int i) {
    int l = layer.getInt(i);
    return l < 0 ? "" : layerNames.get(l);
  }
}
