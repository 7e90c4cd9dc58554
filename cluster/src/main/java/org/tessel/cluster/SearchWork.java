package org.tessel.cluster;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.eval.NetworkEvaluator;
import org.tessel.nas.search.Search;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;
import org.tessel.sim.workload.Network;

/**
 * The member side of a search: a unit is a genome's genes, its result the network's content key (as
 * the evaluation log keys it; empty for a network that cannot be built) and its metrics, exactly
 * those {@link Search#price} gives. The member builds the networks and keys them, so the
 * coordinator does neither.
 *
 * <p>Networks are looked up in this member's memory, then in the cluster-wide cache (a Hazelcast
 * map near-cached on every member: a network priced on one member is not priced again on another);
 * the others are priced here. The cluster-wide cache is read once per batch ({@code getAll} of the
 * keys this member does not hold) and written once per batch ({@code setAll} of what it priced), so
 * a batch costs a fixed number of round trips however many candidates it holds.
 */
public final class SearchWork implements Work {
  private final SearchSpace space;
  private final CachedEvaluator memo;
  private final IMap<String, String> shared;

  /** The work of a search of {@code space} priced by {@code evaluator} through {@code shared}. */
  SearchWork(SearchSpace space, NetworkEvaluator evaluator, IMap<String, String> shared) {
    this.space = space;
    this.memo = new CachedEvaluator(evaluator, null);
    this.shared = shared;
  }

  @Override
  public String run(String unit) {
    return runAll(new String[] {unit})[0];
  }

  // Search.price split in two passes (build and key every network; then price what no cache
  // holds), so that the cluster-wide cache is asked once for the whole batch.
  @Override
  public String[] runAll(String[] units) {
    String[] out = new String[units.length];
    Network[] networks = new Network[units.length];
    String[] keys = new String[units.length];
    Set<String> ask = new HashSet<>();
    for (int i = 0; i < units.length; i++) {
      Genome g = ClusterPricer.genome(units[i]);
      try {
        networks[i] = space.network(g);
      } catch (IllegalArgumentException e) {
        out[i] = result("", Search.unbuildable(e));
        continue;
      }
      keys[i] = memo.key(networks[i]);
      if (memo.lookup(keys[i]) == null) {
        ask.add(keys[i]);
      }
    }
    Map<String, String> found = ask.isEmpty() ? Map.of() : shared.getAll(ask);
    Map<String, String> priced = new HashMap<>();
    for (int i = 0; i < units.length; i++) {
      if (keys[i] == null) {
        continue;
      }
      String had = found.get(keys[i]);
      Metrics m;
      if (had != null) {
        m = memo.record(keys[i], MetricsWire.decode(had));
      } else {
        m = memo.evaluate(keys[i], networks[i]);
        if (ask.contains(keys[i])) {
          priced.put(keys[i], MetricsWire.encode(m));
        }
      }
      out[i] = result(keys[i], m);
    }
    if (!priced.isEmpty()) {
      shared.setAll(priced);
    }
    return out;
  }

  /** A unit's result: {@code key}, a line end, the metrics as {@link MetricsWire} writes them. */
  public static String result(String key, Metrics m) {
    return key + "\n" + MetricsWire.encode(m);
  }

  /** The key of a unit's {@code result} (empty for a network that cannot be built). */
  static String key(String result) {
    return result.substring(0, result.indexOf('\n'));
  }

  /** The metrics of a unit's {@code result}. */
  static Metrics metrics(String result) {
    return MetricsWire.decode(result.substring(result.indexOf('\n') + 1));
  }
}
