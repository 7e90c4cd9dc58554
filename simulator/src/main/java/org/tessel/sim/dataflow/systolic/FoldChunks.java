package org.tessel.sim.dataflow.systolic;

import org.tessel.sim.mapping.FoldDurations;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.mapping.Infeasibility;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.util.IntMath;
import org.tessel.sim.workload.Operand;
import org.tessel.sim.workload.OperandWords;

/**
 * Folds cut into chunks so that every transfer fits its SRAM half. A fold whose operand slice is
 * larger than half its SRAM streams that slice in {@code n} chunks along the fold's stream
 * dimension: chunk {@code j} streams {@code len_j} steps ({@code stream / n}, the first {@code
 * stream % n} chunks one more) and needs {@code wordsPerStep * len_j} words on chip before it
 * starts; {@code n} is the smallest count for which every chunk fits. The chunks of a fold take
 * exactly the fold's cycles: the first carries the preload, the last the skew, and each its stream
 * steps as the network times them (the first {@code s} steps of a stream phase take {@code max(s,
 * busiest link for s steps)}, so a chunk takes the difference between its end and its start). The
 * stationary operand (preloaded whole) cannot be chunked: a fold whose stationary slice, or one
 * stream step of a streamed slice, does not fit half its SRAM is refused before the run. A fold
 * that fits is one chunk, exactly as before.
 */
final class FoldChunks implements FoldTraffic {
  private final long[] cycles;
  private final long[] ifmap;
  private final long[] filter;
  private final long[] ofmap;
  private final long chunksPerGroup;
  private final long[] dram = new long[3];

  /**
   * The chunks of {@code plan}'s folds, or why a fold cannot be cut to fit: its stationary slice,
   * or one stream step of a streamed slice, is larger than half its SRAM.
   */
  static Mapped<FoldChunks> of(
      String layerName,
      String dataflow,
      FoldPlan plan,
      OperandTraffic t,
      long[] foldCycles,
      SystolicTiming timing) {
    long folds = plan.folds();
    OperandWords half = t.halfCapacities();
    long stream = plan.streamLength();
    int[] chunks = new int[(int) folds];
    long total = 0;
    boolean[][] chunked = new boolean[(int) folds][];
    for (int k = 0; k < folds; k++) {
      OperandWords need = t.fillWords(k);
      OperandWords step = t.wordsPerStep(k);
      chunked[k] = new boolean[Operand.ALL.size()];
      long n = 1;
      for (Operand op : Operand.ALL) {
        boolean streamed = step.get(op) > 0 && !t.resident(op);
        // a streamed slice is on chip whole only if it fits; otherwise it is chunked
        long slice = streamed ? step.get(op) * stream : need.get(op);
        long room = half.get(op);
        if (slice <= room) {
          continue;
        }
        if (!streamed || step.get(op) > room) {
          long words = streamed ? step.get(op) : need.get(op);
          String name = op.label();
          return Mapped.infeasible(
              new Infeasibility(
                  layerName,
                  name + " SRAM",
                  words,
                  room,
                  name
                      + " SRAM: a "
                      + dataflow
                      + " fold needs "
                      + words
                      + " "
                      + name
                      + " words on chip at once"
                      + (streamed ? " (one stream step)" : "")
                      + ", but half"
                      + " the "
                      + name
                      + " SRAM holds "
                      + room
                      + " (short by "
                      + (words - room)
                      + " words); give it a larger SRAM or use another dataflow"));
        }
        chunked[k][op.ordinal()] = true;
        long stepsPerChunk = room / step.get(op);
        n = Math.max(n, IntMath.ceilDiv(stream, stepsPerChunk));
      }
      chunks[k] = (int) n;
      total += n;
    }
    return Mapped.of(new FoldChunks(plan, t, foldCycles, timing, chunks, chunked, total));
  }

  private FoldChunks(
      FoldPlan plan,
      OperandTraffic t,
      long[] foldCycles,
      SystolicTiming timing,
      int[] chunks,
      boolean[][] chunked,
      long total) {
    long folds = plan.folds();
    long stream = plan.streamLength();
    long lastFr = plan.rowFolds() - 1;
    long lastFc = plan.colFolds() - 1;
    long[] preload = new long[4];
    for (int c = 0; c < 4; c++) {
      preload[c] = timing.preloadCycles(plan, c >= 2 ? lastFr : 0, (c & 1) == 1 ? lastFc : 0);
    }
    long skew = timing.skewLatency();
    chunksPerGroup = total;
    cycles = new long[(int) total];
    ifmap = new long[(int) total];
    filter = new long[(int) total];
    ofmap = new long[(int) total];
    int p = 0;
    for (int k = 0; k < folds; k++) {
      long kk = k;
      long fr = kk % plan.rowFolds();
      long fc = kk / plan.rowFolds();
      int cls = (fr == lastFr ? 2 : 0) + (fc == lastFc ? 1 : 0);
      long d = foldCycles[cls];
      long pre = preload[cls];
      int usedRows = plan.usedRows(fr);
      int streamedCols = plan.preloadCycles() == 0 ? plan.usedCols(fc) : 0;
      long excess = d - pre - streamCycles(timing, stream, usedRows, streamedCols) - skew;
      int n = chunks[k];
      OperandWords need = t.fillWords(k);
      OperandWords step = t.wordsPerStep(k);
      boolean[] cut = chunked[k];
      long taken = 0;
      for (int j = 0; j < n; j++) {
        long len = stream / n + (j < stream % n ? 1 : 0);
        // the stream steps of the chunk take what the first taken + len steps take on the
        // network less what the first taken steps take: a port that holds the array back does
        // so inside every chunk, not only in the last
        long c =
            streamCycles(timing, taken + len, usedRows, streamedCols)
                - streamCycles(timing, taken, usedRows, streamedCols);
        taken += len;
        if (j == 0) {
          c += pre;
        }
        if (j == n - 1) {
          c += skew + excess;
        }
        cycles[p] = c;
        // a chunked operand streams its whole slice again, chunk by chunk (it could not stay)
        ifmap[p] = cut[Operand.IFMAP.ordinal()] ? step.ifmap() * len : j == 0 ? need.ifmap() : 0;
        filter[p] =
            cut[Operand.FILTER.ordinal()] ? step.filter() * len : j == 0 ? need.filter() : 0;
        ofmap[p] =
            cut[Operand.OFMAP.ordinal()] ? step.ofmap() * len : j == n - 1 ? need.ofmap() : 0;
        dram[0] += ifmap[p];
        dram[1] += filter[p];
        dram[2] += ofmap[p];
        p++;
      }
    }
  }

  /**
   * Cycles of the first {@code steps} stream steps of a fold: at least one per step, and the
   * busiest link's words for them ({@link SystolicTiming#busiestLink}).
   */
  private static long streamCycles(SystolicTiming timing, long steps, int usedRows, int cols) {
    return steps == 0 ? 0 : Math.max(steps, timing.busiestLink(steps, usedRows, cols));
  }

  /** DRAM words per group: ifmap read, filter read, ofmap written. */
  long[] dramWords() {
    return dram.clone();
  }

  /** Chunks (passes) per group. */
  long passesPerGroup() {
    return chunksPerGroup;
  }

  /** Cycles of each chunk. */
  FoldDurations durations() {
    return FoldDurations.repeating(1, cycles);
  }

  @Override
  public long ifmapFillWords(int k) {
    return ifmap[(int) (k % chunksPerGroup)];
  }

  @Override
  public long filterFillWords(int k) {
    return filter[(int) (k % chunksPerGroup)];
  }

  @Override
  public long ofmapDrainWords(int k) {
    return ofmap[(int) (k % chunksPerGroup)];
  }
}
