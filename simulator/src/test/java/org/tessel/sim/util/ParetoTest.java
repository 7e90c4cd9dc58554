package org.tessel.sim.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pareto fronts on hand cases and against the all-pairs definition. */
final class ParetoTest {
  @Test
  void front_twoObjectives_handCase() {
    double[][] p = {{1, 5}, {2, 3}, {3, 4}, {4, 1}, {2, 3}, {5, 1}, {1, 6}};
    // (3,4) is beaten by (2,3); (5,1) by (4,1); (1,6) by (1,5); equal points are both kept
    assertArrayEquals(new boolean[] {true, true, false, true, true, false, false}, Pareto.front(p));
  }

  @Test
  void front_threeObjectives_areaKeepsAPointThatLosesInTwo() {
    double[][] p = {
      {1, 1, 100}, // fastest and leanest, but large
      {2, 2, 10}, // worse in latency and energy, smaller: on the front
      {2, 2, 20}, // beaten by the one above
      {3, 1, 100}, // beaten by the first
      {0.5, 9, 200}, // fastest of all: on the front
    };
    assertArrayEquals(new boolean[] {true, true, false, false, true}, Pareto.front(p));
  }

  @Test
  void dominates_needsStrictlyBetterSomewhere() {
    assertFalse(Pareto.dominates(new double[] {1, 2}, new double[] {1, 2}));
    assertTrue(Pareto.dominates(new double[] {1, 2}, new double[] {1, 3}));
    assertFalse(Pareto.dominates(new double[] {1, 4}, new double[] {2, 3}));
  }

  @Test
  void front_ofNothing_isEmpty() {
    assertEquals(0, Pareto.front(new double[0][]).length);
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 24).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void front_equalsAllPairsDefinition(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 1 + rnd.nextInt(60);
    int dims = 2 + rnd.nextInt(2);
    double[][] p = new double[n][dims];
    for (double[] row : p) {
      for (int k = 0; k < dims; k++) {
        row[k] = rnd.nextInt(6); // few values: many ties and duplicates
      }
    }
    boolean[] got = Pareto.front(p);
    for (int i = 0; i < n; i++) {
      boolean dominated = false;
      for (int j = 0; j < n; j++) {
        dominated |= Pareto.dominates(p[j], p[i]);
      }
      int at = i;
      assertEquals(
          !dominated, got[i], () -> "seed=" + seed + " point " + at + " " + List.of(p[at]));
    }
  }
}
