package org.tessel.sim.dataflow;

import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.workload.GemmShape;
import org.tessel.sim.workload.Layer;

/**
 * A dataflow: which operand stays in the PEs and how a layer is cut into passes over the array.
 *
 * <p>Systolic dataflows (output, weight and input stationary) describe a layer as a {@link
 * FoldPlan} of one GEMM, which the simulator times on the network; other dataflows (row
 * stationary) map the whole layer themselves ({@link #map}).
 */
public interface Dataflow {
  /** Short name used in files and on the command line ({@code os}, {@code ws}, ...). */
  String shortName();

  /** Human-readable name. */
  String displayName();

  /** True for the systolic dataflows, which provide {@link #plan}. */
  default boolean systolic() {
    return true;
  }

  /**
   * The folds of one GEMM on the array, in execution order (systolic dataflows).
   *
   * @throws UnsupportedOperationException for a dataflow that is not systolic
   */
  FoldPlan plan(GemmShape gemm, ArraySpec array);

  /**
   * The whole mapping of {@code layer} for {@code batch} inputs (dataflows that are not
   * systolic).
   *
   * @throws UnsupportedOperationException for systolic dataflows (the simulator maps their
   *     folds)
   * @throws org.tessel.sim.config.ConfigException when the layer cannot be mapped on the hardware
   *     (the message says what does not fit and by how much)
   */
  default LayerMapping map(Layer layer, int batch, MappingContext context) {
    throw new UnsupportedOperationException(shortName() + " is mapped fold by fold");
  }
}
