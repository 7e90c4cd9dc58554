package org.tessel.onnx.map;

import java.util.List;
import org.tessel.sim.workload.Layer;

/**
 * One layer made from an ONNX node, with what a network file needs beyond the {@link Layer}
 * record to read it back the same.
 *
 * @param layer the layer
 * @param op the ONNX operator it came from
 * @param inputs the layers it reads, in order (empty: the network input)
 * @param view the shape, height x width x channels, in which it reads its first input (which
 *     may differ from that input's layer's output after a reshape, slice or transpose)
 * @param padBottom rows of padding below (convolutions and pools; the layer keeps the top)
 * @param padRight columns of padding on the right
 * @param dilation the convolution's dilation (1: none)
 */
public record Emitted(Layer layer, String op, List<String> inputs, int[] view, int padBottom,
    int padRight, int dilation) {
  /** Copies the inputs. */
  public Emitted {
    inputs = List.copyOf(inputs);
    view = view.clone();
  }

  /** The view (a copy). */
  @Override
  public int[] view() {
    return view.clone();
  }
}
