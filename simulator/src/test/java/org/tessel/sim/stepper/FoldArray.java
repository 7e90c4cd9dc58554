package org.tessel.sim.stepper;

/** The PE array working through one fold at a time, stepped one cycle per call. */
interface FoldArray {
  /** Token register states. */
  byte EMPTY = 0;

  /** A token that carries no operand (padding of a partial fold). */
  byte BUBBLE = 1;

  /** A token that carries an operand. */
  byte VALID = 2;

  /** Clears every register and loads fold ({@code rowFold}, {@code colFold}) of {@code group}. */
  void begin(int group, int rowFold, int colFold);

  /**
   * Advances the array by one cycle.
   *
   * @return true when the fold ended with this cycle (its last token has been consumed)
   */
  boolean step();

  /** MACs performed (valid operand times valid operand) since construction. */
  long macs();
}
