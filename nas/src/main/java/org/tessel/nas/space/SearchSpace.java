package org.tessel.nas.space;

import java.util.SplittableRandom;
import org.tessel.sim.workload.Network;

/**
 * A family of networks indexed by genomes: gene {@code i} takes a value in {@code [0, radix(i))}.
 * Implementations are immutable and thread-safe.
 */
public interface SearchSpace {
  /** The space's name, as on the command line. */
  String name();

  /** The number of values of each gene (a copy). */
  int[] radices();

  /** The number of genomes, or {@link Long#MAX_VALUE} when it does not fit a long. */
  default long size() {
    long n = 1;
    for (int r : radices()) {
      if (n > Long.MAX_VALUE / r) {
        return Long.MAX_VALUE;
      }
      n *= r;
    }
    return n;
  }

  /** Whether {@link #genome(long)} can list every genome (small enough to enumerate). */
  default boolean enumerable() {
    return size() <= 100_000_000L;
  }

  /**
   * The genome at position {@code i} of the space's index order ({@code 0 <= i < size()}); the
   * default order is mixed radix, last gene fastest.
   *
   * @throws IllegalArgumentException for an index outside the space
   */
  default Genome genome(long i) {
    long size = size();
    if (i < 0 || i >= size) {
      throw new IllegalArgumentException("index " + i + " is outside 0.." + (size - 1));
    }
    int[] r = radices();
    int[] g = new int[r.length];
    for (int k = r.length - 1; k >= 0; k--) {
      g[k] = (int) (i % r[k]);
      i /= r[k];
    }
    return Genome.of(g);
  }

  /** The position of {@code g} in the index order (the inverse of {@link #genome(long)}). */
  default long index(Genome g) {
    check(g);
    if (size() == Long.MAX_VALUE) {
      throw new IllegalArgumentException(name() + " is too large to index; use arch strings");
    }
    int[] r = radices();
    long i = 0;
    for (int k = 0; k < r.length; k++) {
      i = i * r[k] + g.gene(k);
    }
    return i;
  }

  /** The arch string naming {@code g}, the key published tables use. */
  String archString(Genome g);

  /**
   * The genome an arch string names.
   *
   * @throws IllegalArgumentException with a one-line reason when {@code arch} is not of this space
   *     (unknown op, wrong number of parts)
   */
  Genome parseArch(String arch);

  /** The network {@code g} describes. */
  Network network(Genome g);

  /** A uniformly random genome. */
  default Genome random(SplittableRandom rnd) {
    int[] r = radices();
    int[] g = new int[r.length];
    for (int k = 0; k < r.length; k++) {
      g[k] = rnd.nextInt(r[k]);
    }
    return Genome.of(g);
  }

  /** {@code g} with one gene, chosen uniformly, set to another of its values. */
  default Genome mutate(Genome g, SplittableRandom rnd) {
    int[] r = radices();
    if (!hasChoice(r)) {
      return g; // a space of one network (a fixed network file or ONNX model)
    }
    int k;
    do {
      k = rnd.nextInt(r.length);
    } while (r[k] < 2 && hasChoice(r));
    if (r[k] < 2) {
      return g;
    }
    int v = rnd.nextInt(r[k] - 1);
    return g.with(k, v >= g.gene(k) ? v + 1 : v);
  }

  /**
   * Checks that {@code g} belongs to the space.
   *
   * @throws IllegalArgumentException for a wrong length or a gene out of range
   */
  default void check(Genome g) {
    int[] r = radices();
    if (g.length() != r.length) {
      throw new IllegalArgumentException(
          name() + ": a genome has " + r.length + " genes, not " + g.length());
    }
    for (int k = 0; k < r.length; k++) {
      if (g.gene(k) >= r[k]) {
        throw new IllegalArgumentException(
            name() + ": gene " + k + " takes 0.." + (r[k] - 1) + ", was " + g.gene(k));
      }
    }
  }

  private static boolean hasChoice(int[] r) {
    for (int x : r) {
      if (x >= 2) {
        return true;
      }
    }
    return false;
  }
}
