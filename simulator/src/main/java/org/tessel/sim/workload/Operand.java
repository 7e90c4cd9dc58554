package org.tessel.sim.workload;

import java.util.List;

/**
 * The three operands of a layer, in the one order used everywhere (ports, SRAMs, traffic, reports):
 * input feature map, filter weights, output feature map.
 */
public enum Operand {
  /** The input feature map (SCALE-Sim's ifmap). */
  IFMAP("ifmap"),
  /** The filter weights. */
  FILTER("filter"),
  /** The output feature map (partial sums until complete). */
  OFMAP("ofmap");

  /** All three, in order (a shared list: {@code values()} copies its array at every call). */
  public static final List<Operand> ALL = List.of(values());

  private final String label;

  Operand(String label) {
    this.label = label;
  }

  /** The name used in messages and reports ({@code ifmap}, {@code filter}, {@code ofmap}). */
  public String label() {
    return label;
  }

  /** Whether the array reads it (ifmap, filter) rather than writes it (ofmap). */
  public boolean isInput() {
    return this != OFMAP;
  }
}
