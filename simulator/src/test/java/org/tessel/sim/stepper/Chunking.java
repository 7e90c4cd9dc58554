package org.tessel.sim.stepper;

import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.mapping.FoldTraffic;
import org.tessel.sim.mapping.GemmDim;

/**
 * The passes of a layer whose folds may be too large for their SRAM halves, worked out from the
 * operand slices (not from the engine's {@code FoldChunks}): the rule of the tile memory model as
 * documented. A streamed operand (one that spans the stream dimension) that is not resident and
 * whose slice, {@code words per stream step x stream length}, is larger than half its SRAM is cut
 * along the stream: a fold runs as {@code n} passes, {@code n} the smallest count for which every
 * chunked operand's {@code ceil(stream / n)} steps fit its half, chunk {@code j} taking {@code
 * stream / n} steps and the first {@code stream % n} chunks one more. A chunked operand moves its
 * steps' words in every chunk (again in every fold); an operand that is not cut moves its fold fill
 * before the first chunk (ifmap, filter) or its write-back after the last (ofmap).
 *
 * <p>On the array a fold stays one fold: it is not restarted between its chunks, it holds still
 * (every register keeps its value) while the next chunk's words are missing, and chunk {@code j}
 * has ended once the array has taken the last stream step of the chunk (the edge registers have
 * read its last words from the buffer).
 */
final class Chunking implements DramStepper.Words {
  private final int foldsPerGroup;
  private final int passesPerGroup;
  private final int[] foldOf;
  private final int[] chunkOf;
  private final int[] chunksOf;
  private final long[] endStep;
  private final long[][] words;

  private Chunking(Mapping m, int groups, SramSpec sram, FoldTraffic foldWords, boolean cut) {
    int rows = m.rows();
    int cols = m.cols();
    int rowFolds = (m.rowExtent() + rows - 1) / rows;
    int colFolds = (m.colExtent() + cols - 1) / cols;
    foldsPerGroup = rowFolds * colFolds;
    long stream = m.streamLength();
    long[] half = {sram.ifmapWords() / 2, sram.filterWords() / 2, sram.ofmapWords() / 2};
    long[] whole = {
      (long) m.data().extent(GemmDim.SR) * m.data().extent(GemmDim.T) * groups,
      (long) m.data().extent(GemmDim.T) * m.data().extent(GemmDim.SC) * groups,
      Long.MAX_VALUE
    };
    chunksOf = new int[foldsPerGroup];
    boolean[][] chunked = new boolean[foldsPerGroup][3];
    long[][] step = new long[foldsPerGroup][3];
    int total = 0;
    for (int k = 0; k < foldsPerGroup; k++) {
      int fr = k % rowFolds;
      int fc = k / rowFolds;
      int usedRows = Math.min(rows, m.rowExtent() - fr * rows);
      int usedCols = Math.min(cols, m.colExtent() - fc * cols);
      long n = 1;
      for (int op = 0; op < 3; op++) {
        step[k][op] = perStep(m, op, usedRows, usedCols);
        boolean streamed = step[k][op] > 0 && whole[op] > half[op];
        long fill =
            op == 0
                ? foldWords.ifmapFillWords(k)
                : op == 1 ? foldWords.filterFillWords(k) : foldWords.ofmapDrainWords(k);
        if (cut && !streamed && fill > half[op]) {
          throw new IllegalArgumentException(
              "infeasible: the slice of operand " + op + " does not fit half its SRAM");
        }
        if (!cut || !streamed || step[k][op] * stream <= half[op]) {
          continue;
        }
        if (step[k][op] > half[op]) {
          throw new IllegalArgumentException(
              "infeasible: one stream step of operand " + op + " does not fit half its SRAM");
        }
        chunked[k][op] = true;
        n = Math.max(n, (stream + half[op] / step[k][op] - 1) / (half[op] / step[k][op]));
      }
      chunksOf[k] = (int) n;
      total += (int) n;
    }
    passesPerGroup = total;
    foldOf = new int[total];
    chunkOf = new int[total];
    endStep = new long[total];
    words = new long[3][total];
    int p = 0;
    for (int k = 0; k < foldsPerGroup; k++) {
      int n = chunksOf[k];
      long consumed = 0;
      for (int j = 0; j < n; j++) {
        long len = stream / n + (j < stream % n ? 1 : 0);
        consumed += len;
        foldOf[p] = k;
        chunkOf[p] = j;
        endStep[p] = consumed;
        words[0][p] = chunked[k][0] ? step[k][0] * len : j == 0 ? foldWords.ifmapFillWords(k) : 0;
        words[1][p] = chunked[k][1] ? step[k][1] * len : j == 0 ? foldWords.filterFillWords(k) : 0;
        words[2][p] =
            chunked[k][2] ? step[k][2] * len : j == n - 1 ? foldWords.ofmapDrainWords(k) : 0;
        p++;
      }
    }
  }

  /**
   * The passes of one layer; folds are cut only when {@code cut} (the engine cuts them when it
   * simulates DRAM traffic at a given bandwidth).
   *
   * @throws IllegalArgumentException when one stream step of an operand does not fit half its SRAM
   */
  static Chunking of(Mapping m, int groups, SramSpec sram, FoldTraffic foldWords, boolean cut) {
    return new Chunking(m, groups, sram, foldWords, cut);
  }

  /** Words per stream step of operand {@code op} (0 ifmap, 1 filter, 2 ofmap); 0 if stationary. */
  static long perStep(Mapping m, int op, int usedRows, int usedCols) {
    GemmDim a = op == 1 ? GemmDim.T : GemmDim.SR;
    GemmDim b = op == 0 ? GemmDim.T : GemmDim.SC;
    if (a != m.streamDim() && b != m.streamDim()) {
      return 0;
    }
    GemmDim other = a == m.streamDim() ? b : a;
    return other == m.rowDim() ? usedRows : usedCols;
  }

  int passesPerGroup() {
    return passesPerGroup;
  }

  int foldsPerGroup() {
    return foldsPerGroup;
  }

  /** The fold (in its group) pass {@code p} (in its group) belongs to. */
  int fold(int p) {
    return foldOf[p];
  }

  /** Whether pass {@code p} (in its group) is the first chunk of its fold. */
  boolean first(int p) {
    return chunkOf[p] == 0;
  }

  /** Whether pass {@code p} (in its group) is the last chunk of its fold. */
  boolean last(int p) {
    return chunkOf[p] == chunksOf[foldOf[p]] - 1;
  }

  /** Stream steps of its fold taken when pass {@code p} (in its group) ends. */
  long endStep(int p) {
    return endStep[p];
  }

  /** Whether some fold runs as more than one pass. */
  boolean anyChunked() {
    return passesPerGroup > foldsPerGroup;
  }

  @Override
  public long ifmap(int k) {
    return words[0][k % passesPerGroup];
  }

  @Override
  public long filter(int k) {
    return words[1][k % passesPerGroup];
  }

  @Override
  public long ofmap(int k) {
    return words[2][k % passesPerGroup];
  }
}
