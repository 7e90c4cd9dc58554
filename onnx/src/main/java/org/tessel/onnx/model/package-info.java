/** Reading ONNX files: memory-mapped, aliased parsing that never loads weights. */
@NullMarked
package org.tessel.onnx.model;

import org.jspecify.annotations.NullMarked;
