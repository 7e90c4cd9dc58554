/**
 * From an ONNX graph to Tessel's network: node ordering and checks, shape inference over the graph,
 * and the mapping of nodes onto layers (convolutions, GEMMs, pools, element-wise layers), with
 * reshapes and activations free and batch normalisation folded where it follows a convolution.
 */
@NullMarked
package org.tessel.onnx.map;

import org.jspecify.annotations.NullMarked;
