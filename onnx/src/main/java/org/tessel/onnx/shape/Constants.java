package org.tessel.onnx.shape;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tessel.onnx.proto.Onnx.TensorProto;

/**
 * Turns a {@link TensorProto} (an initializer or a Constant's value) into a {@link Tensor}: its
 * dimensions always, its contents only when they are small numbers held in the file (shape targets,
 * axes, scales); weights are never read.
 */
public final class Constants {
  private Constants() {}

  /** The tensor {@code t} holds. */
  public static Tensor of(TensorProto t) {
    long[] dims = new long[t.getDimsCount()];
    long size = 1;
    for (int i = 0; i < dims.length; i++) {
      dims[i] = t.getDims(i);
      if (dims[i] < 0) {
        return Tensor.constant(new long[0]); // caught by the caller's shape checks
      }
      size = size > Long.MAX_VALUE / Math.max(1, dims[i]) ? Long.MAX_VALUE : size * dims[i];
    }
    if (size > Tensor.MAX_VALUES || t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      return Tensor.constant(dims);
    }
    int n = (int) size;
    int type = t.getDataType();
    ByteString raw = t.getRawData();
    switch (type) {
      case TensorProto.DataType.INT64_VALUE -> {
        if (!raw.isEmpty()) {
          return raw.size() == 8L * n ? Tensor.ints(dims, longs(raw, n, 8)) : Tensor.constant(dims);
        }
        if (t.getInt64DataCount() != n) {
          return Tensor.constant(dims);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = t.getInt64Data(i);
        }
        return Tensor.ints(dims, v);
      }
      case TensorProto.DataType.INT32_VALUE,
          TensorProto.DataType.INT16_VALUE,
          TensorProto.DataType.INT8_VALUE,
          TensorProto.DataType.UINT8_VALUE,
          TensorProto.DataType.UINT16_VALUE,
          TensorProto.DataType.BOOL_VALUE -> {
        int width =
            type == TensorProto.DataType.INT32_VALUE
                ? 4
                : type == TensorProto.DataType.INT16_VALUE
                        || type == TensorProto.DataType.UINT16_VALUE
                    ? 2
                    : 1;
        boolean signed =
            type != TensorProto.DataType.UINT8_VALUE
                && type != TensorProto.DataType.UINT16_VALUE
                && type != TensorProto.DataType.BOOL_VALUE;
        if (!raw.isEmpty()) {
          if (raw.size() != (long) width * n) {
            return Tensor.constant(dims);
          }
          long[] v = longs(raw, n, width);
          if (!signed) {
            for (int i = 0; i < n; i++) {
              v[i] &= width == 1 ? 0xFF : 0xFFFF;
            }
          }
          return Tensor.ints(dims, v);
        }
        if (t.getInt32DataCount() != n) {
          return Tensor.constant(dims);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = t.getInt32Data(i);
        }
        return Tensor.ints(dims, v);
      }
      case TensorProto.DataType.FLOAT_VALUE -> {
        double[] v = new double[n];
        if (!raw.isEmpty()) {
          if (raw.size() != 4L * n) {
            return Tensor.constant(dims);
          }
          ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
          for (int i = 0; i < n; i++) {
            v[i] = b.getFloat();
          }
        } else if (t.getFloatDataCount() == n) {
          for (int i = 0; i < n; i++) {
            v[i] = t.getFloatData(i);
          }
        } else {
          return Tensor.constant(dims);
        }
        return Tensor.floats(dims, v);
      }
      case TensorProto.DataType.DOUBLE_VALUE -> {
        double[] v = new double[n];
        if (!raw.isEmpty()) {
          if (raw.size() != 8L * n) {
            return Tensor.constant(dims);
          }
          ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
          for (int i = 0; i < n; i++) {
            v[i] = b.getDouble();
          }
        } else if (t.getDoubleDataCount() == n) {
          for (int i = 0; i < n; i++) {
            v[i] = t.getDoubleData(i);
          }
        } else {
          return Tensor.constant(dims);
        }
        return Tensor.floats(dims, v);
      }
      default -> {
        return Tensor.constant(dims);
      }
    }
  }

  private static long[] longs(ByteString raw, int n, int width) {
    ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] =
          width == 8 ? b.getLong() : width == 4 ? b.getInt() : width == 2 ? b.getShort() : b.get();
    }
    return v;
  }
}
