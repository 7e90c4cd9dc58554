package org.tessel.nas.search;

import java.util.List;
import org.tessel.nas.space.Genome;

/**
 * A search strategy as an ask/tell loop: it proposes a batch of genomes, is told their scores, and
 * proposes the next. Every choice comes from the seed it was made with and from what it was told,
 * never from timing or threads, so a seed gives the same search every time.
 */
public interface Strategy {
  /**
   * The next genomes to evaluate, at most {@code max} (at least 1); empty when the strategy has
   * nothing left to propose. Proposing a genome evaluated before is allowed (it costs nothing).
   */
  List<Genome> ask(int max);

  /** The scores of the genomes of the last {@link #ask}, in the same order. */
  void tell(List<Candidate> results);
}
