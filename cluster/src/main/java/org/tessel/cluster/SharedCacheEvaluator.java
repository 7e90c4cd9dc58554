package org.tessel.cluster;

import com.hazelcast.map.IMap;
import org.tessel.nas.eval.ContentKey;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.eval.NetworkEvaluator;
import org.tessel.sim.workload.Network;

/**
 * An evaluator that looks a network up in the cluster-wide cache (a Hazelcast map, near-cached on
 * every member) before pricing it, and stores what it prices there: a network priced on one member
 * is not priced again on another. The key is the same content key as the on-disk log's, so it holds
 * the hardware, the scheduler's settings and the code fingerprint.
 */
final class SharedCacheEvaluator implements NetworkEvaluator {
  private final NetworkEvaluator inner;
  private final IMap<String, String> cache;

  SharedCacheEvaluator(NetworkEvaluator inner, IMap<String, String> cache) {
    this.inner = inner;
    this.cache = cache;
  }

  @Override
  public Metrics evaluate(Network network) {
    String key = ContentKey.of(network, inner.context());
    String had = cache.get(key);
    if (had != null) {
      return MetricsWire.decode(had);
    }
    Metrics m = inner.evaluate(network);
    cache.set(key, MetricsWire.encode(m));
    return m;
  }

  @Override
  public String context() {
    return inner.context();
  }
}
