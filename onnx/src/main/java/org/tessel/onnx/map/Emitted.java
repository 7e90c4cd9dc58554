package org.tessel.onnx.map;

import java.util.List;
import org.tessel.sim.workload.Layer;

/**
 * One layer made from an ONNX node, with what a network file needs beyond the {@link Layer} record
 * to read it back the same.
 *
 * @param layer the layer
 * @param op the ONNX operator it came from
 * @param sources what it reads, in order: layer names, and {@code ""} for the network input where
 *     it reads that beside layers (no sources: the network input alone)
 * @param views the shape, height x width x channels, in which it reads each source (which may
 *     differ from that source's output after a reshape, slice or transpose); one when it has no
 *     sources (the network input)
 * @param padBottom rows of padding below (convolutions and pools; the layer keeps the top)
 * @param padRight columns of padding on the right
 * @param dilation the convolution's dilation (1: none)
 */
public record Emitted(
    Layer layer,
    String op,
    List<String> sources,
    List<int[]> views,
    int padBottom,
    int padRight,
    int dilation) {
  /** Copies the lists. */
  public Emitted {
    sources = List.copyOf(sources);
    List<int[]> copy = new java.util.ArrayList<>();
    for (int[] v : views) {
      copy.add(v.clone());
    }
    views = java.util.Collections.unmodifiableList(copy);
  }

  /** The layers it reads (the sources without the network input). */
  public List<String> inputs() {
    List<String> out = new java.util.ArrayList<>(sources);
    out.remove("");
    return out;
  }

  /** The shape in which it reads its first source (a copy). */
  public int[] view() {
    return views.get(0).clone();
  }
}
