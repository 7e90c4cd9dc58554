package org.tessel.nas.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
