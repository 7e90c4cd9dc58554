package org.tessel.cluster;

import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.eval.MetricsCodec;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.search.Pricer;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;

/**
 * A search's batches priced by the cluster. Every genome goes out as a unit (its genes); the
 * members build and key the networks and price them through the cluster-wide cache ({@link
 * SearchWork}), and each result comes back with its content key into the coordinator's cache and
 * log, which hold it as if priced here (a key the log holds gives the log's metrics), so that a
 * coordinator run again resumes from the log as a single process does. The coordinator neither
 * builds networks nor keys them: what its log held when it opened is put into the cluster-wide
 * cache before the first batch, where the members find it.
 */
public final class ClusterPricer implements Pricer {
  /** Log records put into the cluster-wide cache per call. */
  private static final int PRELOAD_CHUNK = 1024;

  private final JobSpec job;
  private final Dispatcher dispatcher;
  private final CachedEvaluator cached;
  private final Work local;
  private final IMap<String, String> shared;
  private boolean preloaded;

  /**
   * A pricer of {@code job} on {@code dispatcher}'s cluster, whose coordinator caches in {@code
   * cached}; {@code local} is this member's work, {@code shared} the cluster-wide cache.
   */
  public ClusterPricer(
      JobSpec job,
      Dispatcher dispatcher,
      CachedEvaluator cached,
      Work local,
      IMap<String, String> shared) {
    this.job = job;
    this.dispatcher = dispatcher;
    this.cached = cached;
    this.local = local;
    this.shared = shared;
  }

  /**
   * The member-side work of a search: genes in, key and metrics out, priced by {@code evaluator}
   * through {@code node}'s cluster-wide caches (networks, layer options) and a cache in this
   * member's memory.
   */
  public static Work work(SearchSpace space, ScheduleEvaluator evaluator, ClusterNode node) {
    return new SearchWork(space, evaluator, node.cache(), evaluator, node.layerCache());
  }

  @Override
  public Metrics[] price(List<Genome> genomes) {
    if (!preloaded) {
      preload();
      preloaded = true;
    }
    Metrics[] out = new Metrics[genomes.size()];
    List<String> units = new ArrayList<>(genomes.size());
    for (Genome g : genomes) {
      units.add(genes(g));
    }
    if (!units.isEmpty()) {
      dispatcher.run(
          job,
          local,
          units,
          (j, text) -> {
            Metrics m = record(cached, text);
            synchronized (out) {
              out[j] = m;
            }
          });
    }
    synchronized (out) {
      return out.clone();
    }
  }

  /**
   * Puts the log's records into the cluster-wide cache, so that the members answer them instead of
   * pricing them again. Only those the log holds exactly: a failure's text loses its tabs, line
   * ends and semicolons in the log, and the cluster-wide cache serves other runs too.
   */
  private void preload() {
    Map<String, String> chunk = new HashMap<>();
    for (Map.Entry<String, String> e : cached.logged().entrySet()) {
      Metrics m = MetricsCodec.decode(e.getValue());
      if (m != null && m.error().isEmpty()) {
        chunk.put(e.getKey(), MetricsWire.encode(m));
        if (chunk.size() == PRELOAD_CHUNK) {
          shared.setAll(chunk);
          chunk.clear();
        }
      }
    }
    if (!chunk.isEmpty()) {
      shared.setAll(chunk);
    }
  }

  /**
   * Records a unit's {@code result} from a member in the coordinator's {@code cached} and returns
   * the metrics the candidate gets: those the cache held for its key, or the member's.
   */
  public static Metrics record(CachedEvaluator cached, String result) {
    String key = SearchWork.key(result);
    Metrics m = SearchWork.metrics(result);
    return key.isEmpty() ? m : cached.record(key, m);
  }

  /** The unit of {@code g}: its genes, comma-separated. */
  public static String genes(Genome g) {
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
