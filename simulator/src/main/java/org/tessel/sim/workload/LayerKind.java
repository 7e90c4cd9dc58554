package org.tessel.sim.workload;

/** What a layer computes; decides how it is lowered onto the PE array. */
public enum LayerKind {
  /** Convolution, including grouped and depthwise ({@code groups > 1}). */
  CONV(true),
  /** Fully connected (inner product): a 1x1 convolution over the flattened input. */
  FC(true),
  /** Plain matrix multiply M x K times K x N (SCALE-Sim's {@code -i gemm}). */
  GEMM(true),
  /** Max pooling: comparisons on the vector lanes, no MACs. */
  MAXPOOL(false),
  /** Average pooling: additions on the vector lanes, no MACs. */
  AVGPOOL(false),
  /** Element-wise sum of two or more inputs (residual add). */
  ADD(false),
  /** Concatenation of two or more inputs: one copy per output element on the vector lanes. */
  CONCAT(false),
  /**
   * Element-wise product of its inputs (squeeze-excitation, gating), broadcasting the smaller ones;
   * with one input, a per-element scale (an unfolded batch normalisation).
   */
  MUL(false),
  /**
   * Matrix multiply of two activations (attention's {@code Q K^T} and {@code A V}): {@code groups}
   * independent {@code (m x k) * (k x n)} products, one per head, with no weights.
   */
  MATMUL(true);

  private final boolean usesArray;

  LayerKind(boolean usesArray) {
    this.usesArray = usesArray;
  }

  /** True when the layer runs as GEMMs on the PE array; false for vector (element-wise) work. */
  public boolean usesArray() {
    return usesArray;
  }
}
