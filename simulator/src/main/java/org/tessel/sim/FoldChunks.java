package org.tessel.sim;

import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.FoldPlan;
import org.tessel.sim.layer.FoldDurations;
import org.tessel.sim.layer.FoldTraffic;
import org.tessel.sim.memory.OperandTraffic;
import org.tessel.sim.noc.SystolicTiming;

/**
 * Folds cut into chunks so that every transfer fits its SRAM half. A fold whose operand slice
 * is larger than half its SRAM streams that slice in {@code n} chunks along the fold's stream
 * dimension: chunk {@code j} streams {@code len_j} steps ({@code stream / n}, the first {@code
 * stream % n} chunks one more) and needs {@code wordsPerStep * len_j} words on chip before it
 * starts; {@code n} is the smallest count for which every chunk fits. The chunks of a fold take
 * exactly the fold's cycles: the first carries the preload, the last the skew and any cycles the
 * network adds beyond the compute bound. The stationary operand (preloaded whole) cannot be
 * chunked: a fold whose stationary slice, or one stream step of a streamed slice, does not fit
 * half its SRAM is refused before the run. A fold that fits is one chunk, exactly as before.
 */
final class FoldChunks implements FoldTraffic {
  private final long[] cycles;
  private final long[] ifmap;
  private final long[] filter;
  private final long[] ofmap;
  private final long chunksPerGroup;
  private final long[] dram = new long[3];

  FoldChunks(String layerName, String dataflow, FoldPlan plan, OperandTraffic t,
      long[] foldCycles, SystolicTiming timing) {
    long folds = plan.folds();
    long[] half = t.halfCapacities();
    long stream = plan.streamLength();
    long lastFr = plan.rowFolds() - 1;
    long lastFc = plan.colFolds() - 1;
    long[] preload = new long[4];
    for (int c = 0; c < 4; c++) {
      preload[c] = timing.preloadCycles(plan, c >= 2 ? lastFr : 0, (c & 1) == 1 ? lastFc : 0);
    }
    long skew = timing.skewLatency();
    int[] chunks = new int[(int) folds];
    long total = 0;
    String[] names = {"ifmap", "filter", "ofmap"};
    boolean[][] chunked = new boolean[(int) folds][];
    for (int k = 0; k < folds; k++) {
      long[] need = {t.ifmapFillWords(k), t.filterFillWords(k), t.ofmapDrainWords(k)};
      long[] step = t.wordsPerStep(k);
      chunked[k] = new boolean[3];
      long n = 1;
      for (int op = 0; op < 3; op++) {
        boolean resident = op < 2 && t.resident(op);
        boolean streamed = step[op] > 0 && !resident;
        // a streamed slice is on chip whole only if it fits; otherwise it is chunked
        long slice = streamed ? step[op] * stream : need[op];
        if (slice <= half[op]) {
          continue;
        }
        if (!streamed || step[op] > half[op]) {
          long words = streamed ? step[op] : need[op];
          throw new ConfigException(layerName, 0, names[op] + " SRAM", "a " + dataflow
              + " fold needs " + words + " " + names[op] + " words on chip at once"
              + (streamed ? " (one stream step)" : "") + ", but half the " + names[op]
              + " SRAM holds " + half[op] + " (short by " + (words - half[op])
              + " words); give it a larger SRAM or use another dataflow");
        }
        chunked[k][op] = true;
        long stepsPerChunk = half[op] / step[op];
        n = Math.max(n, (stream + stepsPerChunk - 1) / stepsPerChunk);
      }
      chunks[k] = (int) n;
      total += n;
    }
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
      long excess = d - pre - stream - skew;
      int n = chunks[k];
      long[] need = {t.ifmapFillWords(k), t.filterFillWords(k), t.ofmapDrainWords(k)};
      long[] step = t.wordsPerStep(k);
      for (int j = 0; j < n; j++) {
        long len = stream / n + (j < stream % n ? 1 : 0);
        long c = len;
        if (j == 0) {
          c += pre;
        }
        if (j == n - 1) {
          c += skew + excess;
        }
        cycles[p] = c;
        // a chunked operand streams its whole slice again, chunk by chunk (it could not stay)
        ifmap[p] = chunked[k][0] ? step[0] * len : j == 0 ? need[0] : 0;
        filter[p] = chunked[k][1] ? step[1] * len : j == 0 ? need[1] : 0;
        ofmap[p] = chunked[k][2] ? step[2] * len : j == n - 1 ? need[2] : 0;
        dram[0] += ifmap[p];
        dram[1] += filter[p];
        dram[2] += ofmap[p];
        p++;
      }
    }
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
