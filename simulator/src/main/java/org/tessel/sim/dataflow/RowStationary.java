package org.tessel.sim.dataflow;

import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.dataflow.rs.RsLayerMapping;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.workload.Layer;

/**
 * Row stationary, the dataflow of Eyeriss (Chen, Emer, Sze, "Eyeriss: A Spatial Architecture for
 * Energy-Efficient Dataflow for Convolutional Neural Networks", ISCA 2016; Chen, Krishna, Emer,
 * Sze, "Eyeriss: An Energy-Efficient Reconfigurable Accelerator for Deep Convolutional Neural
 * Networks", IEEE JSSC 52(1), 2017): each PE keeps one filter row and slides it along one ifmap
 * row; the PEs of a column add their rows' partial sums into one output row. It maps whole layers
 * ({@link RsLayerMapping#search}) on hardware with X/Y buses ({@code noc.topology: xybus}); the
 * model and its validation are in {@code docs/models/eyeriss/model.md} and {@code
 * docs/validation.md}.
 */
public final class RowStationary implements WholeLayerDataflow {
  /** The single instance. */
  public static final RowStationary INSTANCE = new RowStationary();

  private RowStationary() {}

  @Override
  public DataflowKind kind() {
    return DataflowKind.RS;
  }

  /**
   * The layer's row-stationary mapping (see {@link RsLayerMapping}).
   *
   * <p>Infeasible when the hardware has no X/Y buses or no mapping fits the array, scratchpads and
   * global buffer.
   */
  @Override
  public Mapped<LayerMapping> map(Layer layer, int batch, MappingContext context) {
    return RsLayerMapping.search(layer, batch, context).map(m -> m);
  }

  @Override
  public String toString() {
    return shortName();
  }
}
