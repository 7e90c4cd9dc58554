package org.tessel.onnx.map;

import org.tessel.onnx.shape.Node;
import org.tessel.onnx.shape.Tensor;

/**
 * A tensor of one image seen as Tessel's {@code height x width x channels}: the batch axis (the
 * first) dropped, then {@code C x H x W...} as {@code H x W... x C}, rows of features {@code S x D}
 * as {@code S x 1 x D}, a vector as {@code 1 x 1 x D}.
 */
final class Shape3 {
  private Shape3() {}

  static int[] of(Node n, Tensor t) {
    long[] d = t.dims();
    long[] r = d.length >= 2 ? java.util.Arrays.copyOfRange(d, 1, d.length) : d;
    long h;
    long w;
    long c;
    switch (r.length) {
      case 0 -> {
        h = 1;
        w = 1;
        c = 1;
      }
      case 1 -> {
        h = 1;
        w = 1;
        c = r[0];
      }
      case 2 -> {
        h = r[0];
        w = 1;
        c = r[1];
      }
      default -> {
        c = r[0];
        h = r[1];
        w = 1;
        for (int i = 2; i < r.length; i++) {
          w = Math.multiplyExact(w, r[i]);
        }
      }
    }
    return new int[] {Mappings.i(n, h), Mappings.i(n, w), Mappings.i(n, c)};
  }
}
