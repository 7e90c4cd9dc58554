package org.tessel.nas.rank;

/**
 * Kendall's rank correlation tau-b (Kendall 1945): {@code (C - D) / sqrt((n0 - n1) (n0 - n2))} over
 * all pairs, with {@code C} and {@code D} the concordant and discordant pairs, {@code n0} the pairs
 * and {@code n1}, {@code n2} the pairs tied in x and in y. 1 when the two orders agree, -1 when
 * they are reversed, 0 when unrelated.
 */
public final class KendallTau {
  private KendallTau() {}

  /**
   * Tau-b of {@code x} and {@code y} (equal lengths, at least two values, no NaN); NaN when either
   * is constant. Quadratic in the length (15,625 values: about a second).
   *
   * @throws IllegalArgumentException for different lengths, fewer than two values, or NaN
   */
  public static double tauB(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException(
          "kendall: need two series of equal length >= 2, got " + x.length + " and " + y.length);
    }
    long concordant = 0;
    long discordant = 0;
    long tiedX = 0;
    long tiedY = 0;
    int n = x.length;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
        throw new IllegalArgumentException("kendall: value " + i + " is NaN");
      }
      for (int j = i + 1; j < n; j++) {
        int a = Double.compare(x[i], x[j]);
        int b = Double.compare(y[i], y[j]);
        if (a == 0) {
          tiedX++;
        }
        if (b == 0) {
          tiedY++;
        }
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
