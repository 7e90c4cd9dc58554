package org.tessel.sim.dataflow;

import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.workload.Layer;

/** A dataflow that maps whole layers itself (row stationary, searched or pinned). */
public sealed interface WholeLayerDataflow extends Dataflow
    permits RowStationary, PinnedRowStationary {
  /**
   * The whole mapping of {@code layer} for {@code batch} inputs, or why none fits the hardware
   * (operand, words needed, capacity).
   */
  Mapped<LayerMapping> map(Layer layer, int batch, MappingContext context);
}
