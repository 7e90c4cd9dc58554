package org.tessel.sim.stepper.rs;

/**
 * Where the PEs of a row-stationary pass sit, re-derived from the rule the hardware format states
 * ({@code docs/models/eyeriss/model.md} section (a)): a logical set of {@code R x e} PEs wider than
 * the array is cut into {@code ceil(e / cols)} segments stacked vertically; the {@code r} channel
 * copies of a set are stacked in one slot column with their segments interleaved, so that the
 * {@code R r} PEs of one output row are consecutive rows of one column; the {@code t} filter copies
 * fill the stacks down a slot column first.
 */
final class RsPlacement {
  private final int filterRows;
  private final int setW;
  private final int setH;
  private final int r;
  private final int stacks;

  RsPlacement(int filterRows, int e, int r, int t, int rows, int cols) {
    this.filterRows = filterRows;
    int fold = Math.max(1, (e + cols - 1) / cols);
    this.setW = (e + fold - 1) / fold;
    this.setH = filterRows * fold;
    this.r = r;
    int slotRows = rows / setH;
    int slotCols = cols / setW;
    this.stacks = slotRows / r;
    if (setH > rows || setW > cols || stacks == 0 || t > stacks * slotCols) {
      throw new IllegalArgumentException("the copies do not fit the array");
    }
  }

  /** PE row of filter row {@code i}, logical column {@code j}, copy {@code (ti, ri)}. */
  int row(int ti, int ri, int j, int i) {
    int seg = j / setW;
    return (ti % stacks) * r * setH + (seg * r + ri) * filterRows + i;
  }

  /** PE column of logical column {@code j} of filter copy {@code ti}. */
  int col(int ti, int j) {
    return (ti / stacks) * setW + j % setW;
  }
}
