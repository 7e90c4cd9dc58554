package org.tessel.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.map.IMap;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.ContentKey;
import org.tessel.nas.eval.EvaluationLog;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.eval.NetworkEvaluator;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.search.Search;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;
import org.tessel.nas.space.Spaces;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.Objective;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.workload.Network;

/**
 * The member side of a search: per batch one read and at most one write of the cluster-wide cache,
 * a network priced on one member answered on another without pricing, results equal to one
 * process's, and a coordinator's log answered by the members.
 */
final class SearchWorkTest {
  @TempDir Path tmp;

  private static final SearchSpace SPACE = Spaces.of("nasbench201");

  /** A schedule evaluator on the default hardware that counts the networks it prices. */
  private static final class Counting implements NetworkEvaluator {
    final AtomicInteger calls = new AtomicInteger();
    final ScheduleEvaluator inner;

    Counting() {
      HardwareSpec hw = Inputs.hardware("default");
      inner =
          new ScheduleEvaluator(
              hw, Objective.find("cycles").orElseThrow(), CandidateSpace.dataflows(hw), 1);
    }

    @Override
    public Metrics evaluate(Network network) {
      calls.incrementAndGet();
      return inner.evaluate(network);
    }

    @Override
    public String context() {
      return inner.context();
    }
  }

  /** {@code map} with every call counted by method name. */
  @SuppressWarnings("unchecked")
  private static IMap<String, String> counted(
      IMap<String, String> map, Map<String, Integer> calls) {
    return (IMap<String, String>)
        Proxy.newProxyInstance(
            IMap.class.getClassLoader(),
            new Class<?>[] {IMap.class},
            (proxy, method, args) -> {
              synchronized (calls) {
                calls.merge(method.getName(), 1, Integer::sum);
              }
              try {
                return method.invoke(map, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** 40 cells spread over the space, one of them twice, and a genome no network is built from. */
  private static String[] units() {
    List<String> units = new ArrayList<>();
    for (long i = 0; i < 40; i++) {
      units.add(ClusterPricer.genes(SPACE.genome(i * 389 % SPACE.size())));
    }
    units.add(units.get(3));
    units.add("0,0,0,0,0,99");
    return units.toArray(new String[0]);
  }

  @Test
  void batchOnB_ofNetworksPricedOnA_pricesNothing_oneReadPerBatch() throws Exception {
    int pa = Members.freePort();
    try (ClusterNode a =
            ClusterNode.start(
                Members.settings("t-sw", "s", pa, List.of(), Members.FP, "coordinator"), null);
        ClusterNode b =
            ClusterNode.start(
                Members.settings("t-sw", "s", pa + 1, List.of(pa), Members.FP, "worker"), null)) {
      Members.awaitSize(a, 2);
      Members.awaitSize(b, 2);
      String[] units = units();
      // what one process gives, unit by unit
      Counting one = new Counting();
      CachedEvaluator single = new CachedEvaluator(one, null);
      String[] expected = new String[units.length];
      Set<String> keys = new LinkedHashSet<>();
      for (int i = 0; i < units.length; i++) {
        Genome g = ClusterPricer.genome(units[i]);
        Metrics m = Search.price(SPACE, single, g);
        String key = "";
        if (m.error().isEmpty()) {
          key = ContentKey.of(SPACE.network(g), one.context());
          keys.add(key);
        }
        expected[i] = SearchWork.result(key, m);
      }
      // 40 different cells (every op of a cell runs in this space), one of them twice, and one
      // genome that builds no network
      assertEquals(40, keys.size());

      Map<String, Integer> callsA = new TreeMap<>();
      Map<String, Integer> layerCallsA = new TreeMap<>();
      Counting onA = new Counting();
      String[] gotA = work(onA, a, callsA, layerCallsA).runAll(units);
      assertArrayEquals(expected, gotA);
      assertEquals(keys.size(), onA.calls.get(), "each distinct network priced once on A");
      assertEquals(Map.of("getAll", 1, "setAll", 1), callsA, "one read, one write per batch");
      // its 12 new layer shapes: each scheduled, stored, and the rest looked up again
      assertEquals(Map.of("getAll", 12, "set", 12), layerCallsA, "two round trips per new shape");
      assertEquals(keys.size(), b.cache().size());

      Map<String, Integer> callsB = new TreeMap<>();
      Map<String, Integer> layerCallsB = new TreeMap<>();
      Counting onB = new Counting();
      String[] gotB = work(onB, b, callsB, layerCallsB).runAll(units);
      assertArrayEquals(expected, gotB);
      assertEquals(0, onB.calls.get(), "B priced nothing A had priced");
      assertEquals(Map.of("getAll", 1), callsB, "one read, nothing to write");
      assertEquals(Map.of(), layerCallsB, "no network to price: no layer looked up");

      // a second job on B reads them from B's near cache: counted by the map's statistics
      long before = b.cache().getLocalMapStats().getNearCacheStats().getHits();
      Counting again = new Counting();
      assertArrayEquals(expected, work(again, b, new TreeMap<>(), new TreeMap<>()).runAll(units));
      assertEquals(0, again.calls.get());
      assertEquals(
          keys.size(), b.cache().getLocalMapStats().getNearCacheStats().getHits() - before);
    }
  }

  /** The work of {@code ev} on {@code node}, the calls on its two maps counted. */
  private static SearchWork work(
      Counting ev, ClusterNode node, Map<String, Integer> calls, Map<String, Integer> layerCalls) {
    return new SearchWork(
        SPACE, ev, counted(node.cache(), calls), ev.inner, counted(node.layerCache(), layerCalls));
  }

  @Test
  void layerShapesScheduledOnA_areNotScheduledAgainOnB() throws Exception {
    int pa = Members.freePort();
    try (ClusterNode a =
            ClusterNode.start(
                Members.settings("t-lay", "s", pa, List.of(), Members.FP, "coordinator"), null);
        ClusterNode b =
            ClusterNode.start(
                Members.settings("t-lay", "s", pa + 1, List.of(pa), Members.FP, "worker"), null)) {
      Members.awaitSize(a, 2);
      Members.awaitSize(b, 2);
      String[] onA = new String[40];
      String[] onB = new String[40];
      for (int i = 0; i < 40; i++) {
        onA[i] = ClusterPricer.genes(SPACE.genome(i * 389L % SPACE.size()));
        onB[i] = ClusterPricer.genes(SPACE.genome((i * 389L + 1) % SPACE.size()));
      }
      Counting ea = new Counting();
      work(ea, a, new TreeMap<>(), new TreeMap<>()).runAll(onA);
      int shapes = a.layerCache().size();
      // NAS-Bench-201's 12 distinct array-layer shapes (stem, 2 per stage, 2 per reduction, fc)
      assertEquals(12, shapes);
      assertTrue(ea.inner.layerCache().misses() > 0, "A simulated candidates");

      Map<String, Integer> calls = new TreeMap<>();
      Map<String, Integer> layerCalls = new TreeMap<>();
      Counting eb = new Counting();
      String[] got = work(eb, b, calls, layerCalls).runAll(onB);
      assertEquals(40, eb.calls.get(), "B priced its 40 new networks");
      assertEquals(Map.of("getAll", 1, "setAll", 1), calls);
      assertEquals(Map.of("getAll", 1), layerCalls, "every shape B needed came from A");
      assertEquals(
          0, eb.inner.layerCache().hits() + eb.inner.layerCache().misses(), "B simulated nothing");
      assertEquals(shapes, a.layerCache().size());
      CachedEvaluator single = new CachedEvaluator(new Counting(), null);
      for (int i = 0; i < onB.length; i++) {
        Genome g = ClusterPricer.genome(onB[i]);
        Metrics m = Search.price(SPACE, single, g);
        assertEquals(
            SearchWork.result(ContentKey.of(SPACE.network(g), single.context()), m), got[i]);
      }
    }
  }

  @Test
  void coordinatorsLog_isAnsweredByTheMembers_asDiskHits() throws Exception {
    List<Genome> genomes = new ArrayList<>();
    for (String u : units()) {
      genomes.add(ClusterPricer.genome(u));
    }
    Path file = tmp.resolve("evaluations.log");
    Metrics[] expected = new Metrics[genomes.size()];
    try (EvaluationLog log = EvaluationLog.open(file)) {
      CachedEvaluator first = new CachedEvaluator(new Counting(), log);
      for (int i = 0; i < 20; i++) {
        expected[i] = Search.price(SPACE, first, genomes.get(i));
      }
    }
    CachedEvaluator single = new CachedEvaluator(new Counting(), null);
    for (int i = 20; i < expected.length; i++) {
      expected[i] = Search.price(SPACE, single, genomes.get(i));
    }
    int pa = Members.freePort();
    Counting member = new Counting();
    WorkFactory factory =
        (job, node) -> new SearchWork(SPACE, member, node.cache(), member.inner, node.layerCache());
    try (EvaluationLog log = EvaluationLog.open(file);
        ClusterNode a =
            ClusterNode.start(
                Members.settings("t-log", "s", pa, List.of(), Members.FP, "coordinator"),
                factory)) {
      CachedEvaluator cached = new CachedEvaluator(new Counting(), log);
      JobSpec job = new JobSpec("search", List.of("log"), Map.of(), Members.FP);
      Dispatcher d = new Dispatcher(a, s -> {}, 8);
      Metrics[] got =
          new ClusterPricer(job, d, cached, factory.create(job, a), a.cache()).price(genomes);
      assertArrayEquals(expected, got);
      Set<String> logged = cached.logged().keySet();
      Set<String> fresh = new LinkedHashSet<>();
      for (int i = 20; i < genomes.size(); i++) {
        if (got[i].error().isEmpty()) {
          String key = ContentKey.of(SPACE.network(genomes.get(i)), member.context());
          if (!logged.contains(key)) {
            fresh.add(key);
          }
        }
      }
      assertEquals(fresh.size(), member.calls.get(), "only what the log lacks is priced");
      assertEquals(logged.size(), cached.stats().diskHits(), "each logged network once");
      assertEquals(fresh.size(), cached.stats().misses());
      assertEquals(fresh.size(), log.appended());
    }
  }
}
