package org.tessel.nas.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/** Content keys, one pricing per key under concurrency, and results read back from disk. */
final class CachedEvaluatorTest {
  @TempDir Path tmp;

  /** Counts calls; metrics from the MACs. */
  private static final class Counting implements NetworkEvaluator {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Metrics evaluate(Network n) {
      calls.incrementAndGet();
      Map<String, Double> fixed = new LinkedHashMap<>();
      fixed.put("os", n.macs() / 3e6);
      fixed.put("ws", Double.NaN);
      return new Metrics(
          n.macs() / 7,
          n.macs() / 7e6,
          n.macs() * 0.1 + 1e-9,
          2,
          1,
          0.125,
          3,
          "os",
          n.macs(),
          17,
          fixed,
          "");
    }

    @Override
    public String context() {
      return "counting";
    }
  }

  private static Network net(String name, String layerName, int channels) {
    return Network.chain(name, List.of(Layer.conv(layerName, 8, 8, 3, 3, 1, 1, channels, 1)));
  }

  @Test
  void key_ignoresNames_butNotShapesOrContext() {
    Network a = net("a", "x", 16);
    assertEquals(ContentKey.of(a, "c"), ContentKey.of(net("b", "y", 16), "c"));
    assertNotEquals(ContentKey.of(a, "c"), ContentKey.of(net("a", "x", 32), "c"));
    assertNotEquals(ContentKey.of(a, "c"), ContentKey.of(a, "d"));
  }

  @Test
  void sameContent_pricedOnce_evenConcurrently() throws Exception {
    Counting inner = new Counting();
    CachedEvaluator c = new CachedEvaluator(inner, null);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Metrics>> fs = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int ch = 8 + i % 4;
        fs.add(pool.submit(() -> c.evaluate(net("n", "l", ch))));
      }
      for (Future<Metrics> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(4, inner.calls.get());
    CacheStats s = c.stats();
    assertEquals(400, s.lookups());
    assertEquals(4, s.misses());
    assertEquals(396, s.memoryHits());
    assertEquals(0.99, s.hitRate(), 1e-12);
  }

  @Test
  void metrics_readBackFromTheLog_equalThoseWritten() throws IOException {
    Path f = tmp.resolve("cache.log");
    Metrics first;
    try (EvaluationLog log = EvaluationLog.open(f)) {
      first = new CachedEvaluator(new Counting(), log).evaluate(net("n", "l", 24));
    }
    Counting again = new Counting();
    try (EvaluationLog log = EvaluationLog.open(f)) {
      CachedEvaluator c = new CachedEvaluator(again, log);
      Metrics second = c.evaluate(net("other", "z", 24));
      assertEquals(first, second);
      assertEquals(0, again.calls.get());
      assertEquals(1, c.stats().diskHits());
    }
  }

  @Test
  void record_countsTheLookupASingleProcessMakes_andKeepsWhatIsHeld() throws IOException {
    Path f = tmp.resolve("cache.log");
    Network a = net("a", "l", 24);
    Network b = net("b", "l", 32);
    Metrics logged;
    try (EvaluationLog log = EvaluationLog.open(f)) {
      logged = new CachedEvaluator(new Counting(), log).evaluate(a);
    }
    Metrics other = Metrics.failed("priced elsewhere", 1, 2);
    Metrics mb = new Counting().evaluate(b);
    try (EvaluationLog log = EvaluationLog.open(f)) {
      Counting inner = new Counting();
      CachedEvaluator c = new CachedEvaluator(inner, log);
      // the log holds a: the log's metrics, a disk hit, nothing appended
      assertEquals(logged, c.record(c.key(a), other));
      // b is new: kept and appended, a miss
      assertEquals(mb, c.record(c.key(b), mb));
      // b is held now: a hit, the first metrics kept
      assertEquals(mb, c.record(c.key(b), other));
      assertEquals(mb, c.evaluate(net("b2", "m", 32)));
      CacheStats s = c.stats();
      assertEquals(4, s.lookups());
      assertEquals(2, s.memoryHits());
      assertEquals(1, s.diskHits());
      assertEquals(1, s.misses());
      assertEquals(1, log.appended());
      assertEquals(0, inner.calls.get());
    }
    try (EvaluationLog log = EvaluationLog.open(f)) {
      assertEquals(List.of(logged, mb), decodeAll(log));
    }
  }

  private static List<Metrics> decodeAll(EvaluationLog log) {
    List<Metrics> out = new ArrayList<>();
    log.records().values().forEach(v -> out.add(MetricsCodec.decode(v)));
    return out;
  }

  @Test
  void codec_roundTripsEveryField_andFailures() {
    Map<String, Double> fixed = new LinkedHashMap<>();
    fixed.put("os", 0.1 + 0.2);
    fixed.put("rs", Double.NaN);
    Metrics m =
        new Metrics(123456789012L, 1.0 / 3, 2.5e12, 4, 3, 0.0625, 2, "rs", 99, 7, fixed, "");
    Metrics back = MetricsCodec.decode(MetricsCodec.encode(m));
    assertEquals(MetricsCodec.encode(m), MetricsCodec.encode(back));
    assertEquals(m.latencyMs(), back.latencyMs());
    Metrics failed = Metrics.failed("layer c1: no tiling; fits\tnowhere", 5, 6);
    assertEquals(
        "layer c1: no tiling  fits nowhere",
        MetricsCodec.decode(MetricsCodec.encode(failed)).error());
    assertEquals(null, MetricsCodec.decode("m0;1;2"));
  }
}
