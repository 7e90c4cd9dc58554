package org.tessel.nas.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tessel.nas.space.Genome;
import org.tessel.nas.space.SearchSpace;

/**
 * NSGA-II (Deb et al., IEEE TEC 2002) for several objectives under constrained domination: a
 * population of {@code population} random genomes; each generation, parents are chosen by binary
 * tournament (lower front, then larger crowding distance), paired by uniform crossover (probability
 * 0.9) and mutated gene by gene (probability 1 / genes each, at least one gene changed); parents
 * and children are merged and the best {@code population} by front and crowding survive.
 */
final class Nsga2 implements Strategy {
  private static final double CROSSOVER = 0.9;

  private final SearchSpace space;
  private final SplittableRandom rnd;
  private final int population;
  private List<Candidate> parents = new ArrayList<>();
  private int[] rank = new int[0];
  private double[] crowding = new double[0];

  Nsga2(SearchSpace space, long seed, int population) {
    if (population < 4) {
      throw new IllegalArgumentException("nsga2 needs a population >= 4, was " + population);
    }
    this.space = space;
    this.rnd = new SplittableRandom(seed);
    this.population = population;
  }

  @Override
  public List<Genome> ask(int max) {
    List<Genome> out = new ArrayList<>();
    int n = Math.min(max, population);
    if (parents.size() < population) {
      for (int i = 0; i < Math.min(n, population - parents.size()); i++) {
        out.add(space.random(rnd));
      }
      return out;
    }
    int[] radices = space.radices();
    while (out.size() < n) {
      int[] a = parents.get(tournament()).genome().genes();
      int[] b = parents.get(tournament()).genome().genes();
      if (rnd.nextDouble() < CROSSOVER) {
        for (int k = 0; k < a.length; k++) {
          if (rnd.nextBoolean()) {
            int t = a[k];
            a[k] = b[k];
            b[k] = t;
          }
        }
      }
      out.add(mutate(a, radices));
      if (out.size() < n) {
        out.add(mutate(b, radices));
      }
    }
    return out;
  }

  @Override
  public void tell(List<Candidate> results) {
    List<Candidate> merged = new ArrayList<>(parents);
    merged.addAll(results);
    if (merged.size() <= population) {
      parents = merged;
    } else {
      List<Ranking.Entry> ranked = Ranking.of(merged);
      ranked.sort(
          (x, y) -> {
            int c = Integer.compare(x.front(), y.front());
            if (c == 0) {
              c = Double.compare(y.crowding(), x.crowding());
            }
            return c != 0 ? c : Ranking.ORDER.compare(x, y);
          });
      parents = new ArrayList<>();
      for (int i = 0; i < population; i++) {
        parents.add(ranked.get(i).candidate());
      }
    }
    rank = Pareto.ranks(parents);
    crowding = Pareto.crowding(parents, rank);
  }

  private int tournament() {
    int x = rnd.nextInt(parents.size());
    int y = rnd.nextInt(parents.size());
    if (rank[x] != rank[y]) {
      return rank[x] < rank[y] ? x : y;
    }
    if (crowding[x] != crowding[y]) {
      return crowding[x] > crowding[y] ? x : y;
    }
    return Math.min(x, y);
  }

  private Genome mutate(int[] g, int[] radices) {
    boolean changed = false;
    for (int k = 0; k < g.length; k++) {
      if (radices[k] > 1 && rnd.nextInt(g.length) == 0) {
        g[k] = other(g[k], radices[k]);
        changed = true;
      }
    }
    Genome out = Genome.of(g);
    return changed ? out : space.mutate(out, rnd);
  }

  private int other(int v, int radix) {
    int w = rnd.nextInt(radix - 1);
    return w >= v ? w + 1 : w;
  }
}
