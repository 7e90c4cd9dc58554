package org.tessel.sim.dataflow;

import java.util.concurrent.atomic.AtomicReference;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.dataflow.rs.RsLayerMapping;
import org.tessel.sim.workload.GemmShape;
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
public final class RowStationary implements Dataflow {
  /** The single instance. */
  public static final RowStationary INSTANCE = new RowStationary();

  /**
   * The last mapping made: a simulation asks for a layer's configuration and then runs it, and
   * the search then runs once. Read and replaced atomically; the key includes the context, so a
   * hit is always the same computation.
   */
  private final AtomicReference<Memo> last = new AtomicReference<>();

  private record Memo(Layer layer, int batch, MappingContext context, RsLayerMapping mapping) {}

  private RowStationary() {}

  @Override
  public String shortName() {
    return "rs";
  }

  @Override
  public String displayName() {
    return "row stationary";
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
   * The layer's row-stationary mapping (see {@link RsLayerMapping}).
   *
   * @throws org.tessel.sim.config.ConfigException when the hardware has no X/Y buses or no mapping
   *     fits the array, scratchpads and global buffer
   */
  @Override
  public LayerMapping map(Layer layer, int batch, MappingContext context) {
    Memo m = last.get();
    if (m != null && m.context() == context && m.batch() == batch && m.layer().equals(layer)) {
      return m.mapping();
    }
    RsLayerMapping mapping = RsLayerMapping.search(layer, batch, context);
    last.set(new Memo(layer, batch, context, mapping));
    return mapping;
  }

  @Override
  public String toString() {
    return shortName();
  }
}
