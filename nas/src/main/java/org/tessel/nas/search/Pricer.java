package org.tessel.nas.search;

import java.util.List;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.space.Genome;

/**
 * Prices a batch of genomes somewhere else than on the search's own threads (a cluster). The
 * metrics must be those {@link Search#price(org.tessel.nas.space.SearchSpace,
 * org.tessel.nas.eval.NetworkEvaluator, Genome)} gives, so that where a genome was priced never
 * shows in the result.
 */
public interface Pricer {
  /** The metrics of each of {@code genomes}, in the same order. */
  Metrics[] price(List<Genome> genomes);
}
