package org.tessel.cluster;

import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.ContentKey;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.eval.NetworkEvaluator;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.search.Search;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;
import org.tessel.sched.LayerOptions;
import org.tessel.sched.LayerOptionsCodec;
import org.tessel.sched.LayerScheduler;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * The member side of a search: a unit is a genome's genes, its result the network's content key (as
 * the evaluation log keys it; empty for a network that cannot be built) and its metrics, exactly
 * those {@link Search#price} gives. The member builds the networks and keys them, so the
 * coordinator does neither.
 *
 * <p>Networks are looked up in this member's memory, then in the cluster-wide cache (a Hazelcast
 * map near-cached on every member: a network priced on one member is not priced again on another);
 * the others are priced here. Before pricing them, the scheduler's options of their array-layer
 * shapes that this member lacks are looked up in the cluster-wide layer cache (another map), so a
 * layer shape scheduled on one member is not scheduled again on another. Each cluster-wide cache is
 * read once per batch ({@code getAll} of the keys this member does not hold) and written once per
 * batch ({@code setAll} of what it computed), so a batch costs a fixed number of round trips
 * however many candidates it holds.
 */
public final class SearchWork implements Work {
  private final SearchSpace space;
  private final CachedEvaluator memo;
  private final IMap<String, String> shared;
  private final ScheduleEvaluator scheduler;
  private final IMap<String, String> sharedLayers;

  /**
   * The work of a search of {@code space} priced by {@code evaluator} through {@code shared};
   * {@code scheduler} is the schedule evaluator {@code evaluator} prices with, whose layer options
   * are shared through {@code sharedLayers} (both null: layers not shared).
   */
  SearchWork(
      SearchSpace space,
      NetworkEvaluator evaluator,
      IMap<String, String> shared,
      ScheduleEvaluator scheduler,
      IMap<String, String> sharedLayers) {
    this.space = space;
    this.memo = new CachedEvaluator(evaluator, null);
    this.shared = shared;
    this.scheduler = scheduler;
    this.sharedLayers = sharedLayers;
  }

  @Override
  public String run(String unit) {
    return runAll(new String[] {unit})[0];
  }

  // Search.price split in passes (build and key every network; fetch what the caches hold; price
  // the rest), so that each cluster-wide cache is asked once for the whole batch.
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
    prepareLayers(networks, keys, ask, found);
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

  /**
   * Makes the scheduler hold the options of every array-layer shape of the networks about to be
   * priced here: those it lacks are fetched from the cluster-wide layer cache (one {@code getAll});
   * those no member has stored yet are scheduled here and stored one by one, starting at a random
   * one and looking the rest up again after each, so that members that meet the same new shapes at
   * once (a job's first batches) mostly schedule different ones.
   */
  private void prepareLayers(
      Network[] networks, String[] keys, Set<String> ask, Map<String, String> found) {
    if (scheduler == null) {
      return;
    }
    LayerScheduler layers = scheduler.layers();
    int batch = scheduler.batch();
    Map<String, Layer> wanted = new LinkedHashMap<>();
    for (int i = 0; i < networks.length; i++) {
      if (keys[i] == null || !ask.contains(keys[i]) || found.containsKey(keys[i])) {
        continue;
      }
      for (Layer l : networks[i].layers()) {
        if (l.kind().usesArray() && layers.heldOptions(l, batch) == null) {
          wanted.putIfAbsent(ContentKey.ofLayer(l, batch, scheduler.context()), l);
        }
      }
    }
    List<String> todo = new ArrayList<>(wanted.keySet());
    if (!todo.isEmpty()) {
      Collections.rotate(todo, ThreadLocalRandom.current().nextInt(todo.size()));
    }
    while (!todo.isEmpty()) {
      Map<String, String> had = sharedLayers.getAll(new HashSet<>(todo));
      for (Map.Entry<String, String> e : had.entrySet()) {
        // the map answers only keys asked for, all of them in wanted
        Layer asked = Objects.requireNonNull(wanted.get(e.getKey()));
        layers.giveOptions(asked, batch, LayerOptionsCodec.decode(e.getValue()));
      }
      todo.removeAll(had.keySet());
      if (todo.isEmpty()) {
        break;
      }
      String key = todo.remove(0);
      Layer l = Objects.requireNonNull(wanted.get(key));
      if (layers.heldOptions(l, batch) == null) {
        LayerOptions o;
        try {
          o = layers.options(l, batch);
        } catch (RuntimeException e) {
          continue; // pricing the network meets it again and answers as a single process does
        }
        sharedLayers.set(key, LayerOptionsCodec.encode(o));
      }
    }
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
