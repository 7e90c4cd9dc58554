/** Reading ONNX files: memory-mapped, aliased parsing that never loads weights. */
package org.tessel.onnx.model;
