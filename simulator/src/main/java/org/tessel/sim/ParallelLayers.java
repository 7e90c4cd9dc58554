package org.tessel.sim;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.tessel.sim.result.LayerResult;

/**
 * Layers simulated ahead, in parallel, for {@link Simulation#layerThreads}: every layer's result or
 * the exception it threw, handed out in network order. A layer's exception is rethrown when the
 * network walk reaches it, so a run fails on the same layer with the same message as one thread.
 */
final class ParallelLayers {
  private final LayerResult[] results;
  private final RuntimeException[] failures;

  private ParallelLayers(int layers) {
    results = new LayerResult[layers];
    failures = new RuntimeException[layers];
  }

  /** Computes {@code layer.apply(i)} for every {@code i < layers} on {@code threads} threads. */
  static ParallelLayers run(int threads, int layers, IntFunction<LayerResult> layer) {
    ParallelLayers p = new ParallelLayers(layers);
    ForkJoinPool pool = new ForkJoinPool(Math.min(threads, layers));
    try {
      ForkJoinTask<?> all =
          pool.submit(
              () ->
                  IntStream.range(0, layers)
                      .parallel()
                      .forEach(
                          i -> {
                            try {
                              p.results[i] = layer.apply(i);
                            } catch (RuntimeException e) {
                              p.failures[i] = e;
                            }
                          }));
      all.join();
    } finally {
      pool.shutdown();
    }
    return p;
  }

  /** Layer {@code i}'s result, or its exception thrown. */
  LayerResult result(int i) {
    if (failures[i] != null) {
      throw failures[i];
    }
    return results[i];
  }
}
