package org.tessel.nas.space;

import java.util.Arrays;

/**
 * One point of a search space: the value chosen for each gene, {@code 0 <= gene(i) < radix(i)}.
 * Immutable; equal genomes are equal objects for hashing.
 */
public final class Genome implements Comparable<Genome> {
  private final int[] genes;

  private Genome(int[] genes) {
    this.genes = genes;
  }

  /**
   * A genome with these gene values (copied).
   *
   * @throws IllegalArgumentException for a negative value
   */
  public static Genome of(int... genes) {
    for (int i = 0; i < genes.length; i++) {
      if (genes[i] < 0) {
        throw new IllegalArgumentException("gene " + i + ": must be >= 0, was " + genes[i]);
      }
    }
    return new Genome(genes.clone());
  }

  /** The number of genes. */
  public int length() {
    return genes.length;
  }

  /** The value of gene {@code i}. */
  public int gene(int i) {
    return genes[i];
  }

  /** A copy of the gene values. */
  public int[] genes() {
    return genes.clone();
  }

  /** The same genome with gene {@code i} set to {@code value}. */
  public Genome with(int i, int value) {
    int[] g = genes.clone();
    g[i] = value;
    return of(g);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Genome genome && Arrays.equals(genes, genome.genes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(genes);
  }

  /** Lexicographic order of the gene values (a deterministic tie-break). */
  @Override
  public int compareTo(Genome o) {
    return Arrays.compare(genes, o.genes);
  }

  /** The gene values separated by dots, e.g. {@code 3.0.4}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < genes.length; i++) {
      sb.append(i == 0 ? "" : ".").append(genes[i]);
    }
    return sb.toString();
  }
}
