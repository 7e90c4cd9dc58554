package org.tessel.nas.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;

/**
 * Regularised (aging) evolution (Real et al., "Regularized Evolution for Image Classifier
 * Architecture Search", AAAI 2019): a population of {@code population} random genomes; then,
 * repeatedly, the best of {@code sample} members drawn at random is mutated in one gene, the child
 * joins and the oldest member leaves. It optimises the first objective under the constraints (the
 * others break ties; use NSGA-II for a front).
 *
 * <p>Children are made {@code batch} at a time from the population as it stands, and join in order;
 * the batch is fixed (not the thread count), so results do not depend on threads.
 */
final class RegularizedEvolution implements Strategy {
  private final SearchSpace space;
  private final SplittableRandom rnd;
  private final int population;
  private final int sample;
  private final int batch;
  private final Deque<Candidate> alive = new ArrayDeque<>();
  private int initialised;

  RegularizedEvolution(SearchSpace space, long seed, int population, int sample, int batch) {
    if (population < 2 || sample < 1 || sample > population || batch < 1) {
      throw new IllegalArgumentException(
          "evolution needs population >= 2, 1 <= sample <="
              + " population and batch >= 1; were "
              + population
              + ", "
              + sample
              + ", "
              + batch);
    }
    this.space = space;
    this.rnd = new SplittableRandom(seed);
    this.population = population;
    this.sample = sample;
    this.batch = batch;
  }

  @Override
  public List<Genome> ask(int max) {
    List<Genome> out = new ArrayList<>();
    if (initialised < population) {
      int n = Math.min(max, population - initialised);
      for (int i = 0; i < n; i++) {
        out.add(space.random(rnd));
      }
      return out;
    }
    List<Candidate> members = new ArrayList<>(alive);
    for (int i = 0; i < Math.min(max, batch); i++) {
      Candidate best = members.get(rnd.nextInt(members.size()));
      for (int s = 1; s < sample; s++) {
        Candidate c = members.get(rnd.nextInt(members.size()));
        if (Fitness.BETTER_FIRST.compare(c, best) < 0) {
          best = c;
        }
      }
      out.add(space.mutate(best.genome(), rnd));
    }
    return out;
  }

  @Override
  public void tell(List<Candidate> results) {
    for (Candidate c : results) {
      alive.addLast(c);
      if (initialised < population) {
        initialised++;
      } else {
        alive.removeFirst();
      }
    }
  }
}
