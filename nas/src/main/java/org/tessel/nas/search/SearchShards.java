package org.tessel.nas.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.EvaluationLog;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.eval.MetricsCodec;
import org.tessel.nas.eval.NetworkEvaluator;
import org.tessel.sched.profile.Shards;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Network;

/**
 * A search cut into {@code N} slices for a batch scheduler: shard {@code K} prices the contiguous
 * block {@code [K n / N, (K + 1) n / N)} of the {@code n} architectures an exhaustive or random
 * search proposes ({@link Search#proposals}) into its own crash-safe evaluation log, {@code
 * shards/evaluations.K-of-N.log}. Merging runs the unsharded search answered from those logs alone,
 * so it writes exactly what the unsharded search writes.
 */
public final class SearchShards {
  /** The folder of the slices' logs, inside the search's output folder. */
  public static final String DIR = "shards";

  private static final Pattern NAME = Pattern.compile("evaluations\\.(\\d+)-of-(\\d+)\\.log");

  private SearchShards() {}

  /** The log of slice {@code k} of {@code n} in the search folder {@code dir}. */
  public static Path file(Path dir, int k, int n) {
    return dir.resolve(DIR).resolve("evaluations." + k + "-of-" + n + ".log");
  }

  /**
   * An evaluator with {@code inner}'s context that prices nothing: an architecture no shard priced
   * is an error naming the folder.
   */
  public static NetworkEvaluator fromShards(Path dir, NetworkEvaluator inner) {
    return new NetworkEvaluator() {
      @Override
      public Metrics evaluate(Network network) {
        throw new ConfigException(
            dir.resolve(DIR).toString(),
            0,
            "",
            "an architecture of"
                + " this search is in no shard's log: run every shard K/N with the same options"
                + " (and finish any that was interrupted) before merging");
      }

      @Override
      public String context() {
        return inner.context();
      }
    };
  }

  /**
   * Puts every record of the shards' logs in {@code dir} into {@code cached}.
   *
   * @throws ConfigException when there are no logs, logs of different counts, or one missing
   */
  public static void preload(Path dir, CachedEvaluator cached) throws IOException {
    List<Path> files =
        Shards.completeSet(
            dir.resolve(DIR),
            NAME,
            "no shard logs (evaluations.K-of-N.log): run tessel search ... --shard K/N -p with the same DIR first",
            (k, n) -> file(dir, k, n));
    for (Path f : files) {
      try (EvaluationLog log = EvaluationLog.open(f)) {
        for (Map.Entry<String, String> e : log.records().entrySet()) {
          Metrics m = MetricsCodec.decode(e.getValue());
          if (m != null) {
            cached.put(e.getKey(), m);
          }
        }
      }
    }
  }
}
