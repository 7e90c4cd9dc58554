/**
 * Shape inference for ONNX nodes: every output's dimensions from the inputs' and the attributes,
 * across opsets, with small constant contents evaluated (shape arithmetic).
 */
@NullMarked
package org.tessel.onnx.shape;

import org.jspecify.annotations.NullMarked;
