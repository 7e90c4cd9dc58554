/** ONNX import: reads a model without its weights, infers shapes, maps nodes onto layers. */
@NullMarked
package org.tessel.onnx;

import org.jspecify.annotations.NullMarked;
