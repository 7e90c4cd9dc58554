package org.tessel.sched;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.workload.Layer;

/**
 * Evaluations memoised by content: the layer's shape (not its name), the batch, the candidate, and
 * of the hardware only what simulating that candidate reads ({@link SystolicKey}, {@link
 * RowStationaryKey}), so that sweep points differing in anything else (the clock, the energy table,
 * a buffer the candidate's timing does not read) share the simulation. What the cache holds ({@link
 * Simulated}) depends on nothing the key leaves out: energy is kept as access counts and occupancy
 * as words, both turned into the asking hardware's figures on reading. Safe for concurrent use; a
 * value is computed by whoever asks first (two threads asking at once may both compute it, and get
 * equal values).
 */
public final class EvaluationCache {
  /** The content a simulated candidate depends on. */
  record Key(Layer shape, int batch, Hardware hardware, String what) {}

  /**
   * The hardware as a key: the spec without its run name, its (deep, record) hash computed once,
   * since every lookup of a schedule hashes it.
   */
  static final class Hardware {
    private final HardwareSpec spec;
    private final int hash;

    Hardware(HardwareSpec hw) {
      this.spec = hw.withName("_");
      this.hash = spec.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Hardware h && (h == this || (h.hash == hash && h.spec.equals(spec)));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final ConcurrentHashMap<Object, Object> map = new ConcurrentHashMap<>();

  /** Row-stationary pass-timing sums (the pruning's second bound), by their timing key. */
  private final ConcurrentHashMap<RowStationaryKey, Long> passCycles = new ConcurrentHashMap<>();

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** The key of {@code what} (a layer-level query) on a layer and the whole hardware. */
  static Key key(Layer layer, int batch, Hardware hw, String what) {
    return new Key(shape(layer), batch, hw, what);
  }

  /** {@code layer} without its name: what equal shapes have in common. */
  static Layer shape(Layer layer) {
    return new Layer(
        "_",
        layer.kind(),
        layer.inH(),
        layer.inW(),
        layer.inC(),
        layer.kernelH(),
        layer.kernelW(),
        layer.strideH(),
        layer.strideW(),
        layer.padH(),
        layer.padW(),
        layer.outH(),
        layer.outW(),
        layer.outC(),
        layer.groups());
  }

  /** The cached value of {@code key} (a record of content), computing and storing it on a miss. */
  // One map for every kind of value: a key's record type decides what is computed for it, so the
  // value stored under a key is always of the type its callers ask for.
  @SuppressWarnings("unchecked")
  <T> T get(Object key, Supplier<T> compute) {
    Object v = map.get(key);
    if (v != null) {
      hits.increment();
      return (T) v;
    }
    misses.increment();
    T value = compute.get();
    Object prev = map.putIfAbsent(key, value);
    return prev != null ? (T) prev : value;
  }

  /** The value held for {@code key}, or null; computes nothing and counts nothing. */
  @Nullable Object peek(Object key) {
    return map.get(key);
  }

  /** Holds {@code value} for {@code key} unless a value is held already; counts nothing. */
  void offer(Object key, Object value) {
    map.putIfAbsent(key, value);
  }

  /**
   * The pass-timing sum of a row-stationary candidate ({@code RsEstimator#passCycles}), whose
   * {@code key} leaves the DRAM out (the passes' timing does not read it), computing it on a miss.
   * Not counted in {@link #hits()} and {@link #misses()}, which count simulations.
   */
  long passCycles(RowStationaryKey key, java.util.function.LongSupplier compute) {
    Long v = passCycles.get(key);
    if (v == null) {
      v = compute.getAsLong();
      passCycles.putIfAbsent(key, v);
    }
    return v;
  }

  /** Lookups answered from the cache. */
  public long hits() {
    return hits.sum();
  }

  /** Lookups that had to compute. */
  public long misses() {
    return misses.sum();
  }

  /** Entries held. */
  public int size() {
    return map.size();
  }

  /** Hits over lookups, 0 to 1 (0 before any lookup). */
  public double hitRate() {
    long h = hits();
    long all = h + misses();
    return all == 0 ? 0 : (double) h / all;
  }
}
