package org.tessel.cluster;

import java.util.ArrayList;
import java.util.List;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.eval.NetworkEvaluator;
import org.tessel.nas.search.Pricer;
import org.tessel.nas.search.Search;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;
import org.tessel.sim.workload.Network;

/**
 * A search's batches priced by the cluster. Genomes the coordinator's cache (memory or its
 * crash-safe log) already holds are answered there; the others go out as units (the genes), priced
 * on the members by {@link Search#price} through the cluster-wide cache, and come back into the
 * coordinator's cache and log, so that a coordinator run again resumes from the log as a single
 * process does.
 */
public final class ClusterPricer implements Pricer {
  private final JobSpec job;
  private final Dispatcher dispatcher;
  private final SearchSpace space;
  private final CachedEvaluator cached;
  private final Work local;

  /**
   * A pricer of {@code job} on {@code dispatcher}'s cluster, for a search of {@code space} whose
   * coordinator caches in {@code cached}; {@code local} is this member's work.
   */
  public ClusterPricer(
      JobSpec job, Dispatcher dispatcher, SearchSpace space, CachedEvaluator cached, Work local) {
    this.job = job;
    this.dispatcher = dispatcher;
    this.space = space;
    this.cached = cached;
    this.local = local;
  }

  /**
   * The member-side work of a search: genes in, metrics out, priced by {@code evaluator} through
   * {@code node}'s cluster-wide cache and a cache in this member's memory.
   */
  public static Work work(SearchSpace space, NetworkEvaluator evaluator, ClusterNode node) {
    NetworkEvaluator memo =
        new CachedEvaluator(new SharedCacheEvaluator(evaluator, node.cache()), null);
    return unit -> MetricsWire.encode(Search.price(space, memo, genome(unit)));
  }

  @Override
  public Metrics[] price(List<Genome> genomes) {
    Metrics[] out = new Metrics[genomes.size()];
    List<Integer> remote = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> units = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      Genome g = genomes.get(i);
      Network n;
      try {
        n = space.network(g);
      } catch (IllegalArgumentException e) {
        out[i] = Search.unbuildable(e);
        continue;
      }
      String key = cached.key(n);
      if (cached.lookup(key) != null) {
        out[i] = cached.evaluate(key, n);
      } else {
        remote.add(i);
        keys.add(key);
        units.add(genes(g));
      }
    }
    if (!units.isEmpty()) {
      dispatcher.run(
          job,
          local,
          units,
          (j, text) -> {
            Metrics m = MetricsWire.decode(text);
            cached.put(keys.get(j), m);
            synchronized (out) {
              out[remote.get(j)] = m;
            }
          });
    }
    synchronized (out) {
      return out.clone();
    }
  }

  static String genes(Genome g) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < g.length(); k++) {
      sb.append(k == 0 ? "" : ",").append(g.gene(k));
    }
    return sb.toString();
  }

  static Genome genome(String unit) {
    if (unit.isEmpty()) {
      return Genome.of();
    }
    String[] parts = unit.split(",", -1);
    int[] genes = new int[parts.length];
    for (int k = 0; k < parts.length; k++) {
      genes[k] = Integer.parseInt(parts[k]);
    }
    return Genome.of(genes);
  }
}
