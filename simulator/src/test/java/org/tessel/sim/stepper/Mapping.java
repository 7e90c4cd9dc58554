package org.tessel.sim.stepper;

import org.tessel.sim.mapping.GemmDim;

/**
 * Which GEMM dimension runs where (taken from a fold plan), with the extents taken from the
 * operands themselves, and the array size.
 *
 * @param rowDim dimension along the PE rows
 * @param colDim dimension along the PE columns
 * @param streamDim dimension streamed in time
 * @param rows PE rows
 * @param cols PE columns
 * @param data the operands
 */
record Mapping(
    GemmDim rowDim, GemmDim colDim, GemmDim streamDim, int rows, int cols, GemmData data) {
  int rowExtent() {
    return data.extent(rowDim);
  }

  int colExtent() {
    return data.extent(colDim);
  }

  int streamLength() {
    return data.extent(streamDim);
  }
}
