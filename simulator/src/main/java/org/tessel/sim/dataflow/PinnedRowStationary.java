package org.tessel.sim.dataflow;

import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.dataflow.rs.RsLayerMapping;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.workload.GemmShape;
import org.tessel.sim.workload.Layer;

/**
 * Row stationary with a given mapping (tiling) instead of the search's choice: what a schedule
 * pins for a layer. Its short name is {@code rs}, so reports read as for {@link RowStationary}.
 *
 * @param mapping the mapping every layer given to this dataflow runs with
 */
public record PinnedRowStationary(RsMapping mapping) implements Dataflow {
  /** Checks the mapping is there. */
  public PinnedRowStationary {
    if (mapping == null) {
      throw new IllegalArgumentException("mapping must not be null");
    }
  }

  @Override
  public String shortName() {
    return RowStationary.INSTANCE.shortName();
  }

  @Override
  public String displayName() {
    return "row stationary (" + mapping + ")";
  }

  @Override
  public boolean systolic() {
    return false;
  }

  /**
   * Not available: row stationary maps whole layers.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public FoldPlan plan(GemmShape gemm, ArraySpec array) {
    throw new UnsupportedOperationException("rs maps whole layers (map), not GEMM folds");
  }

  /**
   * The layer mapped with {@link #mapping()}.
   *
   * @throws org.tessel.sim.config.ConfigException when the mapping is not legal for the layer on
   *     this hardware (the message says which constraint it breaks)
   */
  @Override
  public LayerMapping map(Layer layer, int batch, MappingContext context) {
    return RsLayerMapping.fixed(layer, batch, context, mapping);
  }

  @Override
  public String toString() {
    return shortName() + " " + mapping;
  }
}
