package org.tessel.nas.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class KendallTauTest {
  @Test
  void handCases() {
    assertEquals(1.0, KendallTau.tauB(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40}));
    assertEquals(-1.0, KendallTau.tauB(new double[] {1, 2, 3}, new double[] {3, 2, 1}));
    // pairs: (1,2) C, (1,3) C, (2,3) D -> (2 - 1) / 3
    assertEquals(1.0 / 3, KendallTau.tauB(new double[] {1, 2, 3}, new double[] {1, 3, 2}), 1e-12);
    // ties: x = 1,1,2  y = 1,2,3: n0 = 3, n1 = 1, n2 = 0; C = 2, D = 0 -> 2 / sqrt(2 * 3)
    assertEquals(
        2 / Math.sqrt(6), KendallTau.tauB(new double[] {1, 1, 2}, new double[] {1, 2, 3}), 1e-12);
    assertEquals(Double.NaN, KendallTau.tauB(new double[] {1, 1}, new double[] {1, 2}));
    assertThrows(
        IllegalArgumentException.class, () -> KendallTau.tauB(new double[] {1}, new double[] {1}));
  }

  /**
   * Knight's O(n log n) count against the definition, pair by pair, on random series with many ties
   * (values drawn from a few levels), negative zero among them.
   */
  @Test
  void knightEqualsPairByPair() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 300; round++) {
      int n = 2 + random.nextInt(60);
      int levels = 1 + random.nextInt(8);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = random.nextInt(levels) - levels / 2.0;
        y[i] = random.nextInt(1 + random.nextInt(12)) * (random.nextBoolean() ? 1.0 : -1.0);
      }
      assertEquals(pairByPair(x, y), KendallTau.tauB(x, y), 1e-12, "round " + round);
    }
  }

  /** The definition, over all pairs, with {@link Double#compare}'s order. */
  private static double pairByPair(double[] x, double[] y) {
    long concordant = 0;
    long discordant = 0;
    long tiedX = 0;
    long tiedY = 0;
    int n = x.length;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int a = Double.compare(x[i], x[j]);
        int b = Double.compare(y[i], y[j]);
        tiedX += a == 0 ? 1 : 0;
        tiedY += b == 0 ? 1 : 0;
        if (a != 0 && b != 0) {
          if (a == b) {
            concordant++;
          } else {
            discordant++;
          }
        }
      }
    }
    long pairs = (long) n * (n - 1) / 2;
    double denom = Math.sqrt((double) (pairs - tiedX) * (pairs - tiedY));
    return denom == 0 ? Double.NaN : (concordant - discordant) / denom;
  }
}
