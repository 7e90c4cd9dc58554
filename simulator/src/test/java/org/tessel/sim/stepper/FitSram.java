package org.tessel.sim.stepper;

import java.util.List;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.GemmDim;
import org.tessel.sim.workload.Layer;

/**
 * Enlarges a random SRAM just enough that every fold of every systolic dataflow holds each operand
 * slice in one SRAM half, so the engine runs whole folds (no chunking): the cases of the tests that
 * compare whole folds. Stalls still come from the DRAM bandwidth; whether an operand stays on chip
 * still varies. Folds cut into chunks have their own cases ({@link ChunkSram}).
 */
final class FitSram {
  private FitSram() {}

  static SramSpec enlarge(SramSpec sram, List<Layer> layers, int batch, int rows, int cols) {
    long[] need = new long[3];
    ArraySpec array = new ArraySpec(rows, cols);
    for (Dataflow d : Dataflows.all()) {
      if (!(d instanceof SystolicDataflow systolicDataflow)) {
        continue;
      }
      for (Layer l : layers) {
        FoldPlan p = systolicDataflow.plan(l.gemm(batch), array);
        for (long fr : new long[] {0, p.rowFolds() - 1}) {
          for (long fc : new long[] {0, p.colFolds() - 1}) {
            need[0] = Math.max(need[0], words(p, GemmDim.SR, GemmDim.T, fr, fc));
            need[1] = Math.max(need[1], words(p, GemmDim.T, GemmDim.SC, fr, fc));
            need[2] = Math.max(need[2], words(p, GemmDim.SR, GemmDim.SC, fr, fc));
          }
        }
      }
    }
    int wb = sram.wordBytes();
    return new SramSpec(
        Math.max(sram.ifmapKiB(), kib(need[0], wb)),
        Math.max(sram.filterKiB(), kib(need[1], wb)),
        Math.max(sram.ofmapKiB(), kib(need[2], wb)),
        wb,
        sram.banks());
  }

  private static long kib(long halfWords, int wordBytes) {
    return (2 * halfWords * wordBytes + 1023) / 1024;
  }

  private static long words(FoldPlan p, GemmDim a, GemmDim b, long fr, long fc) {
    return range(p, a, fr, fc) * range(p, b, fr, fc);
  }

  private static long range(FoldPlan p, GemmDim d, long fr, long fc) {
    if (d == p.rowDim()) {
      return p.usedRows(fr);
    }
    if (d == p.colDim()) {
      return p.usedCols(fc);
    }
    return p.streamLength();
  }
}
