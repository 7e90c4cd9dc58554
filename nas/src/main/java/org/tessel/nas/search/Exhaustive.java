package org.tessel.nas.search;

import java.util.ArrayList;
import java.util.List;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;

/** Every genome of a small space, in the space's index order. */
final class Exhaustive implements Strategy {
  private final SearchSpace space;
  private final long size;
  private long next;

  Exhaustive(SearchSpace space) {
    if (!space.enumerable()) {
      throw new IllegalArgumentException(
          "space "
              + space.name()
              + " is too large for an"
              + " exhaustive search; use random, evolution or nsga2");
    }
    this.space = space;
    this.size = space.size();
  }

  @Override
  public List<Genome> ask(int max) {
    List<Genome> out = new ArrayList<>();
    while (out.size() < max && next < size) {
      out.add(space.genome(next++));
    }
    return out;
  }

  @Override
  public void tell(List<Candidate> results) {
    // nothing to learn
  }
}
