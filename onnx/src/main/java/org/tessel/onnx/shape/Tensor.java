package org.tessel.onnx.shape;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What the importer knows of one value of the graph: its dimensions, its integer or float contents
 * when they are small and known without running the model (shape arithmetic, constants), and
 * whether it carries data that flows from the network's input (an activation) rather than from
 * weights and constants.
 */
public final class Tensor {
  /** Contents are tracked only up to this many elements. */
  public static final int MAX_VALUES = 4096;

  private final long[] dims;
  private final long @Nullable [] ints;
  private final double @Nullable [] floats;
  private final boolean activation;

  private Tensor(
      long[] dims, long @Nullable [] ints, double @Nullable [] floats, boolean activation) {
    this.dims = dims;
    this.ints = ints;
    this.floats = floats;
    this.activation = activation;
  }

  /** An activation of the given shape. */
  public static Tensor activation(long... dims) {
    return new Tensor(dims.clone(), null, null, true);
  }

  /** A weight or constant of the given shape whose contents are not known. */
  public static Tensor constant(long... dims) {
    return new Tensor(dims.clone(), null, null, false);
  }

  /** A constant of integers (shape arithmetic). */
  public static Tensor ints(long[] dims, long[] values) {
    return new Tensor(dims.clone(), values.clone(), null, false);
  }

  /** A one-dimensional integer constant. */
  public static Tensor ints(long... values) {
    return ints(new long[] {values.length}, values);
  }

  /** A constant of floats (scales, clip bounds). */
  public static Tensor floats(long[] dims, double[] values) {
    return new Tensor(dims.clone(), null, values.clone(), false);
  }

  /** The same contents with other dimensions (a reshape of a known constant). */
  Tensor reshaped(long[] newDims) {
    return new Tensor(newDims.clone(), ints, floats, activation);
  }

  /** A value of shape {@code dims} that is an activation when {@code activation}. */
  static Tensor of(long[] dims, boolean activation) {
    return new Tensor(dims.clone(), null, null, activation);
  }

  /** The dimensions (a copy). */
  public long[] dims() {
    return dims.clone();
  }

  /** The number of dimensions. */
  public int rank() {
    return dims.length;
  }

  /** Dimension {@code i}; negative counts from the end. */
  public long dim(int i) {
    return dims[i < 0 ? dims.length + i : i];
  }

  /** The number of elements. */
  public long size() {
    long n = 1;
    for (long d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** True when the value flows from the network's input. */
  public boolean isActivation() {
    return activation;
  }

  /** The integer contents, or null when unknown. */
  public long @Nullable [] intValues() {
    return ints == null ? null : ints.clone();
  }

  /** The contents as doubles (integers converted), or null when unknown. */
  public double @Nullable [] numbers() {
    if (floats != null) {
      return floats.clone();
    }
    if (ints == null) {
      return null;
    }
    double[] d = new double[ints.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = ints[i];
    }
    return d;
  }

  /** True when the integer contents are known. */
  public boolean hasInts() {
    return ints != null;
  }

  @Override
  public String toString() {
    return shapeText(dims);
  }

  /** {@code [1, 3, 224, 224]}. */
  public static String shapeText(long @Nullable [] dims) {
    return Arrays.toString(dims);
  }
}
