package org.tessel.nas.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;

/**
 * Uniform samples without repeats, until the space is exhausted. The samples do not depend on how
 * many are asked for at once; a batch of up to {@link #BATCH} keeps a cluster's members busy
 * between the search's rounds.
 */
final class RandomSearch implements Strategy {
  static final int BATCH = 1024;

  private final SearchSpace space;
  private final SplittableRandom rnd;
  private final Set<Genome> seen = new HashSet<>();
  private final long size;

  RandomSearch(SearchSpace space, long seed) {
    this.space = space;
    this.rnd = new SplittableRandom(seed);
    this.size = space.size();
  }

  @Override
  public List<Genome> ask(int max) {
    List<Genome> out = new ArrayList<>();
    while (out.size() < Math.min(max, BATCH) && seen.size() < size) {
      Genome g = space.random(rnd);
      if (seen.add(g)) {
        out.add(g);
      }
    }
    return out;
  }

  @Override
  public void tell(List<Candidate> results) {
    // nothing to learn
  }
}
