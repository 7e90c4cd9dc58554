package org.tessel.sched;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the layer scheduler found for one layer shape.
 *
 * @param evaluated the simulated candidates that may lie on a network optimum, best first (in
 *     {@link Evaluation#compareTo} order); empty when nothing fits
 * @param bestByDataflow the best simulated candidate of each dataflow that can run the layer, in
 *     dataflow order
 * @param candidates candidates enumerated (every dataflow, every tiling that fits)
 * @param simulated candidates simulated (the rest were pruned by their lower bound)
 * @param whyNone why no candidate fits, per dataflow (empty when one fits)
 */
public record LayerOptions(
    List<Evaluation> evaluated,
    Map<String, Evaluation> bestByDataflow,
    int candidates,
    int simulated,
    List<String> whyNone) {
  /** Copies the collections. */
  public LayerOptions {
    evaluated = List.copyOf(evaluated);
    bestByDataflow =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bestByDataflow));
    whyNone = List.copyOf(whyNone);
  }

  /** The best candidate, if any fits. */
  public @Nullable Evaluation best() {
    return evaluated.isEmpty() ? null : evaluated.get(0);
  }
}
