package org.tessel.sim.memory.scalesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.workload.Layer;

/**
 * The fast read-buffer walks ({@link EstimateReadBuffer}: epochs, pattern skips, order-free
 * stamping, counted filter misses; {@link UserReadBuffer}: windows as cell ranges, fold and row
 * skips, other entries of an address found by arithmetic) give exactly what the walks over every
 * demanded address give ({@link FullWalk}), on random small GEMMs: convolutions with padding,
 * windows running past the input edge, strides, channel groups, batches; plain GEMMs; arrays of 1
 * to 9 rows and columns; SRAMs from 1 word (the window cannot slide) to larger than the operands,
 * so that the CALC epochs end anywhere in a fold or never, and the USER window slides often,
 * rotates, or never moves. (Ofmap SRAMs of at least 2 words: a 1-word write buffer never drains.)
 */
final class FastWalkMatchesFullWalkTest {
  private static final List<String> FLOWS = List.of("os", "ws", "is");

  @Test
  void randomGemms_equalFullWalk() {
    SplittableRandom rnd = new SplittableRandom(20261126);
    int checked = 0;
    for (int n = 0; n < 1500; n++) {
      Layer layer = randomLayer(rnd, n);
      int batch = 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(3) : 0);
      String df = FLOWS.get(rnd.nextInt(3));
      boolean user = rnd.nextBoolean();
      HardwareSpec hw =
          new HardwareSpec(
              "t",
              new ArraySpec(1 + rnd.nextInt(9), 1 + rnd.nextInt(9)),
              new SramSpec(sramWords(rnd), sramWords(rnd), 2 + rnd.nextInt(300), 1024, 1),
              new DramSpec(user ? BandwidthMode.USER : BandwidthMode.CALC, 1 + rnd.nextInt(12)),
              DataflowKind.find(df).orElseThrow(),
              200,
              MemoryModel.SCALESIM);
      FoldPlan plan =
          ((SystolicDataflow) Dataflows.of(hw.dataflow())).plan(layer.gemm(batch), hw.array());
      Shape s = Shape.of(plan);
      Operands ops = new Operands(layer, batch);
      String where =
          n
              + ": "
              + layer
              + " batch "
              + batch
              + " "
              + df
              + " "
              + hw.array()
              + " "
              + hw.sram()
              + " "
              + hw.dram();
      GemmRun want;
      try {
        want = FullWalk.runGemm(s, ops, hw);
      } catch (IllegalStateException e) {
        // a 1-word USER buffer whose window cannot slide: the fast walk must fail alike
        assertThrows(IllegalStateException.class, () -> ScaleSimMemory.runGemm(s, ops, hw), where);
        continue;
      }
      assertEquals(want, ScaleSimMemory.runGemm(s, ops, hw), where);
      assertRowsAreOperandEntries(s, ops, where);
      checked++;
    }
    assertEquals(true, checked > 1300, "checked " + checked);
  }

  /**
   * Os and ws ifmap streams repeat one pass per column fold; with small CALC sets the reads of a
   * pass are often all misses, which the fast walk counts instead of walking: many column folds,
   * wide channels, small SRAMs.
   */
  @Test
  void repeatedPasses_calc_equalFullWalk() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int n = 0; n < 600; n++) {
      int kernel = 1 + rnd.nextInt(3);
      int pad = rnd.nextInt(2) == 0 ? 0 : rnd.nextInt(kernel);
      int in = Math.max(1, kernel - 2 * pad) + rnd.nextInt(10);
      Layer layer =
          Layer.conv(
              "p" + n,
              in,
              in,
              1 + rnd.nextInt(24),
              kernel,
              1 + rnd.nextInt(2),
              pad,
              4 + rnd.nextInt(30),
              1);
      String df = rnd.nextBoolean() ? "ws" : "os";
      int rows = 1 + rnd.nextInt(8);
      HardwareSpec hw =
          new HardwareSpec(
              "t",
              new ArraySpec(rows, 1 + rnd.nextInt(4)),
              new SramSpec(
                  1 + rnd.nextInt(400), 1 + rnd.nextInt(400), 2 + rnd.nextInt(300), 1024, 1),
              new DramSpec(BandwidthMode.CALC, 1 + rnd.nextInt(12)),
              DataflowKind.find(df).orElseThrow(),
              200,
              MemoryModel.SCALESIM);
      int batch = 1 + rnd.nextInt(2);
      Shape s =
          Shape.of(
              ((SystolicDataflow) Dataflows.of(hw.dataflow())).plan(layer.gemm(batch), hw.array()));
      Operands ops = new Operands(layer, batch);
      assertEquals(
          FullWalk.runGemm(s, ops, hw),
          ScaleSimMemory.runGemm(s, ops, hw),
          n + ": " + layer + " batch " + batch + " " + df + " " + hw.array() + " " + hw.sram());
    }
  }

  /**
   * Every demand row holds the operand entries the dataflow puts there (docs/models/scalesim, 2.1),
   * by {@link Operands#ifmap} and {@link Operands#filter}: the walks above share {@link
   * OperandStream#row}, so its addresses are checked on their own.
   */
  private static void assertRowsAreOperandEntries(Shape s, Operands ops, String where) {
    OperandStream[] streams = {OperandStream.ifmap(s, ops), OperandStream.filter(s, ops)};
    int[] got = new int[Math.max(s.rows, s.cols)];
    int[] want = new int[got.length];
    for (int o = 0; o < 2; o++) {
      boolean ifmap = o == 0;
      for (int q = 0; q < s.folds; q++) {
        int fr = q % s.rowFolds;
        int fc = q / s.rowFolds;
        int ru = s.usedRows(fr);
        int cu = s.usedCols(fc);
        for (int j = 0; j < s.foldRows; j++) {
          int n = 0;
          boolean stationary = (s.flow == Flow.WS && !ifmap) || (s.flow == Flow.IS && ifmap);
          if (stationary) {
            int rr = s.rows - 1 - j;
            for (int c = 0; rr >= 0 && rr < ru && c < cu; c++) {
              int k = fr * s.rows + rr;
              int col = fc * s.cols + c;
              want[n++] = ifmap ? ops.ifmap(col, k) : ops.filter(k, col);
            }
          } else {
            boolean lanesAreRows = !(s.flow == Flow.OS && !ifmap);
            int used = lanesAreRows ? ru : cu;
            int lane0 = lanesAreRows ? fr * s.rows : fc * s.cols;
            int off = s.flow == Flow.OS ? 0 : s.rows;
            for (int x = 0; x < used; x++) {
              int u = j - x - off;
              if (u < 0 || u >= s.t) {
                continue;
              }
              int lane = lane0 + x;
              want[n++] =
                  switch (s.flow) {
                    case OS -> ifmap ? ops.ifmap(lane, u) : ops.filter(u, lane);
                    case WS -> ops.ifmap(u, lane);
                    case IS -> ops.filter(lane, u);
                  };
            }
          }
          int m = 0;
          for (int i = 0; i < n; i++) {
            if (want[i] >= 0) {
              want[m++] = want[i];
            }
          }
          int cnt = streams[o].row(q, j, got);
          assertEquals(m, cnt, where + " fold " + q + " row " + j);
          for (int i = 0; i < m; i++) {
            assertEquals(want[i], got[i], where + " fold " + q + " row " + j);
          }
        }
      }
    }
  }

  /** SRAM words: 1 to 120 (sets and lines of one word), up to 3000, or up to 40000. */
  private static long sramWords(SplittableRandom rnd) {
    return switch (rnd.nextInt(3)) {
      case 0 -> 1 + rnd.nextInt(120);
      case 1 -> 1 + rnd.nextInt(3000);
      default -> 1 + rnd.nextInt(40000);
    };
  }

  private static Layer randomLayer(SplittableRandom rnd, int n) {
    switch (rnd.nextInt(5)) {
      case 0 -> {
        // a plain GEMM: m x k input, k x n filter
        return Layer.gemm("g" + n, 1 + rnd.nextInt(40), 1 + rnd.nextInt(24), 1 + rnd.nextInt(40));
      }
      case 1 -> {
        // SCALE-Sim's convolution: windows may run past the input edge, two strides
        int kh = 1 + rnd.nextInt(4);
        int kw = 1 + rnd.nextInt(4);
        int inH = kh + rnd.nextInt(8);
        int inW = kw + rnd.nextInt(8);
        return Layer.scaleSimConv(
            "s" + n,
            inH,
            inW,
            kh,
            kw,
            1 + rnd.nextInt(6),
            1 + rnd.nextInt(12),
            1 + rnd.nextInt(3),
            1 + rnd.nextInt(3));
      }
      default -> {
        // padded convolution, possibly grouped (the GEMM is one group's)
        int groups = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 1;
        int kernel = 1 + rnd.nextInt(4);
        int pad = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(kernel);
        int in = Math.max(1, kernel - 2 * pad) + rnd.nextInt(9);
        return Layer.conv(
            "c" + n,
            in,
            in + rnd.nextInt(3),
            groups * (1 + rnd.nextInt(5)),
            kernel,
            1 + rnd.nextInt(3),
            pad,
            groups * (1 + rnd.nextInt(10)),
            groups);
      }
    }
  }
}
