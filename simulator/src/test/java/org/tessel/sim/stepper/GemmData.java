package org.tessel.sim.stepper;

import java.util.SplittableRandom;
import org.tessel.sim.mapping.GemmDim;
import org.tessel.sim.workload.GemmShape;

/**
 * The operand matrices of every group of one layer, filled with small random values, and the ofmap
 * matrix the stepped array accumulates into. Elements are addressed by the two GEMM dimensions they
 * span, so an array model only says which dimension runs where.
 */
final class GemmData {
  private final int sr;
  private final int sc;
  private final int t;
  private final long[][][] ifmap; // [group][sr][t]
  private final long[][][] filter; // [group][t][sc]
  private final long[][][] ofmap; // [group][sr][sc], written by the array

  GemmData(GemmShape g, int groups, long seed) {
    this.sr = Math.toIntExact(g.sr());
    this.sc = Math.toIntExact(g.sc());
    this.t = Math.toIntExact(g.t());
    SplittableRandom rnd = new SplittableRandom(seed);
    ifmap = new long[groups][sr][t];
    filter = new long[groups][t][sc];
    ofmap = new long[groups][sr][sc];
    for (int q = 0; q < groups; q++) {
      for (int i = 0; i < sr; i++) {
        for (int k = 0; k < t; k++) {
          ifmap[q][i][k] = rnd.nextInt(-7, 8);
        }
      }
      for (int k = 0; k < t; k++) {
        for (int j = 0; j < sc; j++) {
          filter[q][k][j] = rnd.nextInt(-7, 8);
        }
      }
    }
  }

  /** Extent of {@code d}. */
  int extent(GemmDim d) {
    return switch (d) {
      case SR -> sr;
      case SC -> sc;
      default -> t;
    };
  }

  /** The input element at {@code d1 = i1, d2 = i2}: ifmap for (SR, T), filter for (T, SC). */
  long input(int group, GemmDim d1, int i1, GemmDim d2, int i2) {
    int r = pick(GemmDim.SR, d1, i1, d2, i2);
    int c = pick(GemmDim.SC, d1, i1, d2, i2);
    int k = pick(GemmDim.T, d1, i1, d2, i2);
    if (k < 0) {
      throw new IllegalStateException("stepper bug: (" + d1 + ", " + d2 + ") is the ofmap");
    }
    return c < 0 ? ifmap[group][r][k] : filter[group][k][c];
  }

  /** Adds {@code v} to the ofmap element at {@code d1 = i1, d2 = i2} (SR and SC). */
  void accumulate(int group, GemmDim d1, int i1, GemmDim d2, int i2, long v) {
    int r = pick(GemmDim.SR, d1, i1, d2, i2);
    int c = pick(GemmDim.SC, d1, i1, d2, i2);
    if (r < 0 || c < 0) {
      throw new IllegalStateException("stepper bug: (" + d1 + ", " + d2 + ") is not the ofmap");
    }
    ofmap[group][r][c] += v;
  }

  /** Ofmap elements that differ from the ifmap times filter product, over all groups. */
  int mismatches() {
    int bad = 0;
    for (int q = 0; q < ofmap.length; q++) {
      for (int i = 0; i < sr; i++) {
        for (int j = 0; j < sc; j++) {
          long sum = 0;
          for (int k = 0; k < t; k++) {
            sum += ifmap[q][i][k] * filter[q][k][j];
          }
          if (sum != ofmap[q][i][j]) {
            bad++;
          }
        }
      }
    }
    return bad;
  }

  private static int pick(GemmDim want, GemmDim d1, int i1, GemmDim d2, int i2) {
    return d1 == want ? i1 : d2 == want ? i2 : -1;
  }
}
