package org.tessel.sim.stepper;

import java.util.List;
import java.util.SplittableRandom;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.GemmDim;
import org.tessel.sim.workload.Layer;

/**
 * Random SRAMs small enough that folds are cut into chunks, yet large enough that every systolic
 * dataflow can run every layer: each half at least the largest stationary slice and one stream step
 * of a streamed slice, at most a whole fold's slices (above that nothing is chunked). The opposite
 * of {@link FitSram}.
 */
final class ChunkSram {
  private ChunkSram() {}

  /** An SRAM of {@code wordBytes} words between the smallest that runs and one that never cuts. */
  static SramSpec random(
      SplittableRandom rnd, List<Layer> layers, int batch, int rows, int cols, int wordBytes) {
    long[] least = new long[3];
    long[] most = new long[3];
    ArraySpec array = new ArraySpec(rows, cols);
    for (Dataflow d : Dataflows.all()) {
      if (!(d instanceof SystolicDataflow systolic)) {
        continue;
      }
      for (Layer l : layers) {
        FoldPlan p = systolic.plan(l.gemm(batch), array);
        for (long fr : new long[] {0, p.rowFolds() - 1}) {
          for (long fc : new long[] {0, p.colFolds() - 1}) {
            need(p, 0, GemmDim.SR, GemmDim.T, fr, fc, least, most);
            need(p, 1, GemmDim.T, GemmDim.SC, fr, fc, least, most);
            need(p, 2, GemmDim.SR, GemmDim.SC, fr, fc, least, most);
          }
        }
      }
    }
    long[] kib = new long[3];
    for (int op = 0; op < 3; op++) {
      long lo = kib(least[op], wordBytes);
      long hi = Math.max(lo, kib(most[op], wordBytes));
      // skewed towards the smallest: most layers cut some operand
      kib[op] = lo + rnd.nextLong(rnd.nextLong(hi - lo + 1) + 1);
    }
    return new SramSpec(kib[0], kib[1], kib[2], wordBytes, 1);
  }

  private static void need(
      FoldPlan p, int op, GemmDim a, GemmDim b, long fr, long fc, long[] least, long[] most) {
    long slice = range(p, a, fr, fc) * range(p, b, fr, fc);
    boolean streamed = a == p.streamDim() || b == p.streamDim();
    long min = streamed ? slice / p.streamLength() : slice;
    least[op] = Math.max(least[op], min);
    most[op] = Math.max(most[op], slice);
  }

  private static long kib(long halfWords, int wordBytes) {
    return Math.max(1, (2 * halfWords * wordBytes + 1023) / 1024);
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
