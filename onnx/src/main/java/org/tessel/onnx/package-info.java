/** ONNX import: reads a model without its weights, infers shapes, maps nodes onto layers. */
package org.tessel.onnx;
