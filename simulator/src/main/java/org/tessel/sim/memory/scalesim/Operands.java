package org.tessel.sim.memory.scalesim;

import org.tessel.sim.workload.Layer;

/**
 * Element addresses of one group's operand matrices: the im2col ifmap matrix {@code I[p][k]} and
 * the filter matrix {@code F[k][f]}, as SCALE-Sim's {@code operand_matrix.py} numbers them.
 *
 * <p>Row {@code p < batch * outH * outW} is output pixel {@code (oy, ox)} of image {@code b};
 * column {@code k < kernelH * kernelW * cg} ({@code cg = inC / groups}) is window offset {@code
 * (ky, kx, c)} with the channel fastest. The input coordinate is {@code oy * strideH - padH + ky}
 * (likewise x); outside the input the entry is {@code -1}, no address (SCALE-Sim's windows running
 * past the input edge, and zero padding). Addresses are numbered within the group's channel slice,
 * {@code ((b * inH + y) * inW + x) * cg + c}, and filter addresses as {@code f * window + k}: the
 * memory model only compares addresses of one operand for equality, so this numbering gives the
 * same timing as SCALE-Sim's absolute addresses (which add offsets, {@code b * inH * inW * inC}
 * per image and {@code g * cg} per group).
 */
final class Operands {
  private final int inH;
  private final int inW;
  private final int window;
  private final int[] pixelBase;
  private final int[] pixelY;
  private final int[] pixelX;
  private final int[] offset;
  private final int[] offsetY;
  private final int[] offsetX;
  /** Ifmap addresses lie in {@code [0, ifmapSpace)}. */
  final int ifmapSpace;
  /** Filter addresses lie in {@code [0, filterSpace)}. */
  final int filterSpace;

  /**
   * The operand matrices of one group of {@code layer} over {@code batch} images.
   *
   * @throws IllegalArgumentException when an address space exceeds 2^31 words
   */
  Operands(Layer layer, int batch) {
    int cg = layer.inC() / layer.groups();
    inH = layer.inH();
    inW = layer.inW();
    long space = (long) batch * inH * inW * cg;
    long win = layer.windowSize();
    long pixels = layer.outPixels() * batch;
    long filters = (long) (layer.outC() / layer.groups()) * win;
    if (space > Integer.MAX_VALUE || pixels > Integer.MAX_VALUE
        || filters > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(layer.name() + ": SCALE-Sim memory model handles"
          + " operands of at most 2^31 words");
    }
    ifmapSpace = (int) space;
    filterSpace = (int) filters;
    window = (int) win;
    offset = new int[window];
    offsetY = new int[window];
    offsetX = new int[window];
    int rowLen = layer.kernelW() * cg;
    for (int k = 0; k < window; k++) {
      int ky = k / rowLen;
      int kx = (k % rowLen) / cg;
      offsetY[k] = ky;
      offsetX[k] = kx;
      offset[k] = (ky * inW + kx) * cg + k % cg;
    }
    int n = (int) pixels;
    pixelBase = new int[n];
    pixelY = new int[n];
    pixelX = new int[n];
    int outW = layer.outW();
    int perImage = (int) layer.outPixels();
    for (int p = 0; p < n; p++) {
      int b = p / perImage;
      int q = p % perImage;
      int y = (q / outW) * layer.strideH() - layer.padH();
      int x = (q % outW) * layer.strideW() - layer.padW();
      pixelY[p] = y;
      pixelX[p] = x;
      pixelBase[p] = ((b * inH + y) * inW + x) * cg;
    }
  }

  /** Address of im2col entry {@code I[p][k]}, or -1 outside the input. */
  int ifmap(int p, int k) {
    int y = pixelY[p] + offsetY[k];
    if (y < 0 || y >= inH) {
      return -1;
    }
    int x = pixelX[p] + offsetX[k];
    if (x < 0 || x >= inW) {
      return -1;
    }
    return pixelBase[p] + offset[k];
  }

  /** Address of filter entry {@code F[k][f]}. */
  int filter(int k, int f) {
    return f * window + k;
  }
}
