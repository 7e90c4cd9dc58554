package org.tessel.sim.workload;

/**
 * A word count per {@link Operand}: SRAM half capacities, the largest transfer of each operand, the
 * words each SRAM holds at its fullest.
 *
 * @param ifmap words of the input feature map
 * @param filter words of the filter
 * @param ofmap words of the output feature map
 */
public record OperandWords(long ifmap, long filter, long ofmap) {
  /** No limit on any operand. */
  public static final OperandWords UNLIMITED =
      new OperandWords(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

  /** No words of any operand. */
  public static final OperandWords ZERO = new OperandWords(0, 0, 0);

  /** The words of {@code operand}. */
  public long get(Operand operand) {
    return switch (operand) {
      case IFMAP -> ifmap;
      case FILTER -> filter;
      case OFMAP -> ofmap;
    };
  }
}
