package org.tessel.sim.dataflow;

import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.dataflow.rs.RsLayerMapping;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.workload.Layer;

/**
 * Row stationary with a given mapping (tiling) instead of the search's choice: what a schedule pins
 * for a layer. Its short name is {@code rs}, so reports read as for {@link RowStationary}.
 *
 * @param mapping the mapping every layer given to this dataflow runs with
 */
public record PinnedRowStationary(RsMapping mapping) implements WholeLayerDataflow {
  /** Checks the mapping is there. */
  public PinnedRowStationary {
    if (mapping == null) {
      throw new IllegalArgumentException("mapping must not be null");
    }
  }

  @Override
  public DataflowKind kind() {
    return DataflowKind.RS;
  }

  @Override
  public String displayName() {
    return "row stationary (" + mapping + ")";
  }

  /**
   * The layer mapped with {@link #mapping()}.
   *
   * <p>Infeasible when the mapping is not legal for the layer on this hardware (the reason says
   * which constraint it breaks).
   */
  @Override
  public Mapped<LayerMapping> map(Layer layer, int batch, MappingContext context) {
    return RsLayerMapping.fixed(layer, batch, context, mapping).map(m -> m);
  }

  @Override
  public String toString() {
    return shortName() + " " + mapping;
  }
}
