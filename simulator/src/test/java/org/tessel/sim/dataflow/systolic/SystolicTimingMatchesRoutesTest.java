package org.tessel.sim.dataflow.systolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.GemmDim;
import org.tessel.sim.noc.CompiledNoc;
import org.tessel.sim.noc.NocGraphs;

/**
 * {@link SystolicTiming}'s closed form (busiest link from the mesh's structure) gives the same
 * preload, fold and skew cycles as charging every row's and column's route on the compiled graph
 * ({@link RoutedSystolicTiming}), on random meshes (shapes, port counts from one to more than the
 * edge registers, port and link widths, hop latencies) and random fold plans, every fold class and
 * both phases, partial folds included.
 */
final class SystolicTimingMatchesRoutesTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 300).map(i -> i * 0xA24BAED4963EE407L + 5);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void closedForm_equalsRoutedLoads(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int rows = rnd.nextInt(1, 13);
    int cols = rnd.nextInt(1, 13);
    int wordBytes = 1 << rnd.nextInt(3);
    NocSpec noc =
        new NocSpec(
            NocTopology.SYSTOLIC_MESH, wordBytes * rnd.nextInt(1, 4), rnd.nextInt(0, 3), false);
    GlbSpec glb = new GlbSpec(1, rnd.nextInt(1, rows + cols + 4), wordBytes * rnd.nextInt(1, 5));
    int portWords = Math.max(1, glb.bytesPerPortPerCycle() / wordBytes);
    CompiledNoc compiled =
        new CompiledNoc(NocGraphs.systolicMesh(new ArraySpec(rows, cols), noc, glb, wordBytes));
    RoutedSystolicTiming routed = new RoutedSystolicTiming(compiled, rows, cols);
    SystolicTiming closed =
        new SystolicTiming(
            rows,
            cols,
            glb.ports(),
            portWords,
            noc.linkWordsPerCycle(wordBytes),
            noc.hopLatencyCycles());
    String what =
        "seed="
            + seed
            + " "
            + rows
            + "x"
            + cols
            + " ports="
            + glb.ports()
            + "x"
            + portWords
            + " link="
            + noc.linkWordsPerCycle(wordBytes)
            + " hop="
            + noc.hopLatencyCycles();
    assertEquals(routed.skewLatency(), closed.skewLatency(), what + ": skew");
    for (int i = 0; i < 20; i++) {
      int preload = rnd.nextBoolean() ? 0 : rows;
      FoldPlan plan =
          new FoldPlan(
              GemmDim.SR,
              GemmDim.SC,
              GemmDim.T,
              rnd.nextLong(1, 4L * rows),
              rnd.nextLong(1, 4L * cols),
              rnd.nextLong(1, 200),
              rows,
              cols,
              preload);
      long[] expected = new long[4];
      long lastFr = plan.rowFolds() - 1;
      long lastFc = plan.colFolds() - 1;
      for (int k = 0; k < 4; k++) {
        long fr = k >= 2 ? lastFr : 0;
        long fc = (k & 1) == 1 ? lastFc : 0;
        expected[k] = routed.foldCycles(plan, fr, fc);
        assertEquals(
            routed.preloadCycles(plan, fc),
            closed.preloadCycles(plan, fr, fc),
            what + " " + plan + ": preload of class " + k);
      }
      assertArrayEquals(expected, closed.foldClasses(plan), what + " " + plan);
    }
  }

  /**
   * The most edge registers on one port, against counting them port by port, for every prefix of
   * rows and columns on small meshes and every port count up to past the edge registers.
   */
  @Test
  void mostOnOnePort_equalsCountingPorts() {
    int checked = 0;
    for (int rows = 1; rows <= 7; rows++) {
      for (int cols = 1; cols <= 7; cols++) {
        for (int ports = 1; ports <= rows + cols + 2; ports++) {
          SystolicTiming t = new SystolicTiming(rows, cols, ports, 1, 1, 1);
          for (int a = 0; a <= rows; a++) {
            for (int b = 0; b <= cols; b++) {
              int[] count = new int[ports];
              for (int r = 0; r < a; r++) {
                count[r % ports]++;
              }
              for (int c = 0; c < b; c++) {
                count[(rows + c) % ports]++;
              }
              int max = 0;
              for (int n : count) {
                max = Math.max(max, n);
              }
              assertEquals(
                  max,
                  t.mostOnOnePort(a, b),
                  rows + "x" + cols + " ports=" + ports + " rows=" + a + " cols=" + b);
              checked++;
            }
          }
        }
      }
    }
    assertTrue(checked > 10_000, "cases " + checked);
  }

  /** SCALE-Sim's mesh (one word-wide port per edge register, one-cycle hops): the fold formula. */
  @Test
  void scaleSimMesh_givesTheFoldFormula() {
    int rows = 256;
    int cols = 128;
    SystolicTiming t = new SystolicTiming(rows, cols, rows + cols, 1, 1, 1);
    FoldPlan ws = new FoldPlan(GemmDim.T, GemmDim.SC, GemmDim.SR, 1000, 300, 777, rows, cols, rows);
    FoldPlan os = new FoldPlan(GemmDim.SR, GemmDim.SC, GemmDim.T, 1000, 300, 777, rows, cols, 0);
    for (FoldPlan p : new FoldPlan[] {ws, os}) {
      for (long c : t.foldClasses(p)) {
        assertEquals(p.foldCycles(), c, p.toString());
      }
    }
  }
}
