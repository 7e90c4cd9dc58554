package org.tessel.nas.space;

import java.util.List;

/** The operations on a NAS-Bench-201 cell edge, in the benchmark's API order. */
public enum Nb201Op {
  /** No connection (the edge contributes nothing). */
  NONE("none"),
  /** Identity. */
  SKIP("skip_connect"),
  /** ReLU, 1x1 convolution C to C, batch norm. */
  CONV_1X1("nor_conv_1x1"),
  /** ReLU, 3x3 convolution C to C (padding 1), batch norm. */
  CONV_3X3("nor_conv_3x3"),
  /** 3x3 average pooling, stride 1, padding 1. */
  AVG_POOL_3X3("avg_pool_3x3");

  private static final List<Nb201Op> ALL = List.of(values());

  private final String archName;

  Nb201Op(String archName) {
    this.archName = archName;
  }

  /** The name in arch strings, e.g. {@code nor_conv_3x3}. */
  public String archName() {
    return archName;
  }

  /** Every op in API order (the order of gene values). */
  public static List<Nb201Op> all() {
    return ALL;
  }

  /**
   * The op with that arch name.
   *
   * @throws IllegalArgumentException naming the allowed ops
   */
  public static Nb201Op parse(String name) {
    for (Nb201Op op : ALL) {
      if (op.archName.equals(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException(
        "unknown op '"
            + name
            + "' (expected "
            + "avg_pool_3x3|none|nor_conv_1x1|nor_conv_3x3|skip_connect)");
  }
}
