package org.tessel.sim.dataflow.rs;

import org.jspecify.annotations.Nullable;
import org.tessel.sim.util.IntMath;

/**
 * Where the PE sets of a mapping sit on the array.
 *
 * <p>A logical set of {@code R x e} PEs wider than the array is cut into {@code fold = ceil(e /
 * cols)} segments of {@code setW = ceil(e / fold)} columns stacked vertically, so a set takes
 * {@code setH = R * fold} rows. The array holds {@code slotRows x slotCols} such slots. The {@code
 * r} channel copies of a set are stacked in one slot column with their segments interleaved
 * (segment 0 of every copy, then segment 1, ...), so that the {@code R * r} PEs accumulating one
 * output row sit in consecutive rows of one column and their partial-sum links join into one chain;
 * the {@code t} filter copies fill the stacks, down a slot column first. Partial sums flow up (to
 * lower row numbers): a chain's top PE writes the result, its bottom PE reads back the partial sum
 * of the previous channel group.
 *
 * <p>Compared with the prototype ({@code docs/models/eyeriss/eyeriss_rs.py}), which only requires
 * {@code r * t <= slotRows * slotCols}, a placement also needs {@code r <= slotRows} and {@code t
 * <= (slotRows / r) * slotCols}; AlexNet's mappings are the same under both rules.
 */
final class Placement {
  final int filterRows;
  final int fold;
  final int setW;
  final int setH;
  final int slotRows;
  final int slotCols;
  final int r;
  private final int stacksPerSlotColumn;

  private Placement(int filterRows, int e, int r, int rows, int cols) {
    this.filterRows = filterRows;
    this.fold = Math.max(1, IntMath.ceilDiv(e, cols));
    this.setW = IntMath.ceilDiv(e, fold);
    this.setH = filterRows * fold;
    this.slotRows = setH <= rows ? rows / setH : 0;
    this.slotCols = setW <= cols ? cols / setW : 0;
    this.r = r;
    this.stacksPerSlotColumn = r <= slotRows ? slotRows / r : 0;
  }

  /** The placement of {@code r x t} copies of a set {@code e} wide; null when they do not fit. */
  static @Nullable Placement of(RsShape shape, int e, int r, int t, int rows, int cols) {
    Placement p = new Placement(shape.r(), e, r, rows, cols);
    return p.stacksPerSlotColumn > 0 && t <= p.stacksPerSlotColumn * p.slotCols ? p : null;
  }

  /** Slots for whole sets {@code e} wide (0 when the set does not fit the array). */
  static int slots(RsShape shape, int e, int rows, int cols) {
    Placement p = new Placement(shape.r(), e, 1, rows, cols);
    return p.slotRows * p.slotCols;
  }

  /** Slot rows for sets {@code e} wide. */
  static int slotRows(RsShape shape, int e, int rows, int cols) {
    return new Placement(shape.r(), e, 1, rows, cols).slotRows;
  }

  /** PE row of filter row {@code i}, logical column {@code j}, copy {@code (ri, ti)}. */
  int row(int ti, int ri, int j, int i) {
    int seg = j / setW;
    return (ti % stacksPerSlotColumn) * r * setH + (seg * r + ri) * filterRows + i;
  }

  /** PE column of logical column {@code j} of filter copy {@code ti}. */
  int col(int ti, int j) {
    return (ti / stacksPerSlotColumn) * setW + j % setW;
  }

  /** PE row of the top of the chain of logical column {@code j} (writes the partial sums). */
  int chainTop(int ti, int j) {
    return row(ti, 0, j, 0);
  }

  /** PE row of the bottom of the chain of logical column {@code j} (reads partial sums back). */
  int chainBottom(int ti, int j) {
    return row(ti, r - 1, j, filterRows - 1);
  }
}
