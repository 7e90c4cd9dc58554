package org.tessel.sched;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.workload.Layer;

/**
 * Evaluations memoised by content: the layer's shape (not its name), the batch, the hardware
 * (not its run name) and the candidate. Safe for concurrent use; a value is computed by whoever
 * asks first (two threads asking at once may both compute it, and get equal values).
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

  private final ConcurrentHashMap<Key, Object> map = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** The key of {@code what} (a candidate key, or a layer-level query) on a layer. */
  static Key key(Layer layer, int batch, Hardware hw, String what) {
    Layer shape = new Layer("_", layer.kind(), layer.inH(), layer.inW(), layer.inC(),
        layer.kernelH(), layer.kernelW(), layer.strideH(), layer.strideW(), layer.padH(),
        layer.padW(), layer.outH(), layer.outW(), layer.outC(), layer.groups());
    return new Key(shape, batch, hw, what);
  }

  /** The cached value of {@code key}, computing and storing it on a miss. */
  @SuppressWarnings("unchecked")
  <T> T get(Key key, Supplier<T> compute) {
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
