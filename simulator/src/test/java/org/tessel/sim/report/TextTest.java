package org.tessel.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Text} against {@code String.format(Locale.ROOT, ...)}, which it stands in for. */
final class TextTest {
  @Test
  void fixed_equalsFormatter_onRandomAndEdgeValues() {
    double[] edges = {
      0.0,
      -0.0,
      0.5,
      1.5,
      2.5,
      0.05,
      0.15,
      0.25,
      0.35,
      0.45,
      1e-7,
      123456.78945,
      99.95,
      99.949999,
      1e20,
      1.0 / 3,
      2.0 / 3,
      Double.MIN_VALUE,
      5e-5,
      0.00005,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      -1.25,
      -0.00001
    };
    for (double x : edges) {
      for (int d = 0; d <= 4; d++) {
        assertEquals(String.format(Locale.ROOT, "%." + d + "f", x), Text.fixed(x, d), x + " " + d);
      }
    }
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      double x =
          i % 2 == 0
              ? rnd.nextDouble() * Math.pow(10, rnd.nextInt(-6, 12))
              : (double) rnd.nextLong(0, 1L << 40) / rnd.nextLong(1, 1L << 16);
      int d = rnd.nextInt(0, 5);
      assertEquals(String.format(Locale.ROOT, "%." + d + "f", x), Text.fixed(x, d), x + " " + d);
    }
  }

  @Test
  void padding_equalsFormatter() {
    for (String s : new String[] {"", "a", "conv1", "a-much-longer-name"}) {
      for (int w = 1; w <= 12; w++) {
        assertEquals(String.format(Locale.ROOT, "%" + w + "s", s), Text.right(s, w));
        assertEquals(String.format(Locale.ROOT, "%-" + w + "s", s), Text.left(s, w));
      }
    }
    assertEquals(String.format(Locale.ROOT, "%12s", 1234567L), Text.right(1234567L, 12));
  }
}
