package org.tessel.nas.eval;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Network;

/**
 * Memoises an evaluator by {@link ContentKey}: in memory (concurrent; each key is priced once,
 * other threads asking for it meanwhile wait for that result) and, when given a log, on disk
 * between runs. A result read back from the log equals the one written, so a run answered from the
 * log ends exactly as the run that wrote it.
 */
public final class CachedEvaluator implements NetworkEvaluator {
  private final NetworkEvaluator inner;
  private final @Nullable EvaluationLog log;
  private final ConcurrentHashMap<String, CompletableFuture<Metrics>> memory =
      new ConcurrentHashMap<>();
  private final LongAdder lookups = new LongAdder();
  private final LongAdder diskHits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** A cache over {@code inner}, persisted in {@code log} (null: memory only). */
  public CachedEvaluator(NetworkEvaluator inner, @Nullable EvaluationLog log) {
    this.inner = inner;
    this.log = log;
  }

  /** The evaluator behind the cache. */
  public NetworkEvaluator inner() {
    return inner;
  }

  @Override
  public String context() {
    return inner.context();
  }

  /** The key {@code network} is cached under. */
  public String key(Network network) {
    return ContentKey.of(network, inner.context());
  }

  @Override
  public Metrics evaluate(Network network) {
    return evaluate(key(network), network);
  }

  /** The metrics of {@code network}, whose key is {@code key}. */
  public Metrics evaluate(String key, Network network) {
    lookups.increment();
    CompletableFuture<Metrics> mine = new CompletableFuture<>();
    CompletableFuture<Metrics> had = memory.putIfAbsent(key, mine);
    if (had != null) {
      return had.join();
    }
    try {
      Metrics m = fromLog(key);
      if (m != null) {
        diskHits.increment();
      } else {
        misses.increment();
        m = inner.evaluate(network);
        if (log != null) {
          log.append(key, MetricsCodec.encode(m));
        }
      }
      mine.complete(m);
      return m;
    } catch (IOException e) {
      ConfigException ce =
          new ConfigException(
              log.file().toString(), 0, "", "cannot write the cache: " + e.getMessage());
      mine.completeExceptionally(ce);
      memory.remove(key, mine);
      throw ce;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      memory.remove(key, mine);
      throw e;
    }
  }

  /**
   * The metrics held for {@code key} (priced in this run or read from the log), or null; does not
   * price and is not counted in {@link #stats()}.
   */
  public @Nullable Metrics lookup(String key) {
    CompletableFuture<Metrics> had = memory.get(key);
    if (had != null && had.isDone() && !had.isCompletedExceptionally()) {
      return had.join();
    }
    return fromLog(key);
  }

  /**
   * Records {@code m} as the metrics of {@code key}, priced elsewhere (another process of a
   * cluster): kept in memory and appended to the log as if priced here. A key already held keeps
   * its metrics.
   *
   * @throws ConfigException when the log cannot be written
   */
  public void put(String key, Metrics m) {
    lookups.increment();
    CompletableFuture<Metrics> done = CompletableFuture.completedFuture(m);
    if (memory.putIfAbsent(key, done) != null) {
      return;
    }
    misses.increment();
    if (log != null && fromLog(key) == null) {
      try {
        log.append(key, MetricsCodec.encode(m));
      } catch (IOException e) {
        throw new ConfigException(
            log.file().toString(), 0, "", "cannot write the cache: " + e.getMessage());
      }
    }
  }

  /**
   * Records {@code m} as the metrics of {@code key}, priced elsewhere (a member of a cluster), and
   * counts it as the lookup a single process would have made for it: a hit when this cache holds
   * the key already, a disk hit when the log holds it, a miss otherwise (then appended to the log).
   * Returns the metrics held for the key: those already held, the log's, or {@code m}.
   *
   * @throws ConfigException when the log cannot be written
   */
  public Metrics record(String key, Metrics m) {
    lookups.increment();
    Metrics logged = fromLog(key);
    CompletableFuture<Metrics> mine =
        CompletableFuture.completedFuture(logged != null ? logged : m);
    CompletableFuture<Metrics> had = memory.putIfAbsent(key, mine);
    if (had != null) {
      return had.join();
    }
    if (logged != null) {
      diskHits.increment();
      return logged;
    }
    misses.increment();
    if (log != null) {
      try {
        log.append(key, MetricsCodec.encode(m));
      } catch (IOException e) {
        throw new ConfigException(
            log.file().toString(), 0, "", "cannot write the cache: " + e.getMessage());
      }
    }
    return m;
  }

  /** The records read from the log when it was opened (key to encoded metrics); empty without. */
  public Map<String, String> logged() {
    return log == null ? Map.of() : log.records();
  }

  /** How the cache has answered so far. */
  public CacheStats stats() {
    long l = lookups.sum();
    long d = diskHits.sum();
    long m = misses.sum();
    int records = log == null ? 0 : log.records().size() + log.appended();
    return new CacheStats(
        l,
        l - d - m,
        d,
        m,
        memory.size(),
        records,
        log == null ? 0 : log.sizeBytes(),
        log == null ? 0 : log.damaged());
  }

  /** Forces the log to disk. */
  public void sync() throws IOException {
    if (log != null) {
      log.sync();
    }
  }

  private @Nullable Metrics fromLog(String key) {
    if (log == null) {
      return null;
    }
    Map<String, String> records = log.records();
    String v = records.get(key);
    return v == null ? null : MetricsCodec.decode(v);
  }
}
