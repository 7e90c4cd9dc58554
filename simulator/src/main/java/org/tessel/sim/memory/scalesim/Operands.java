package org.tessel.sim.memory.scalesim;

import org.tessel.sim.util.IntMath;
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
 * same timing as SCALE-Sim's absolute addresses (which add offsets, {@code b * inH * inW * inC} per
 * image and {@code g * cg} per group).
 *
 * <p>An ifmap address is {@code pixelBase[p] + offset[k]} when the entry is inside the input;
 * {@link #interior} marks the pixels whose whole window is inside, so that most entries need no
 * bounds test.
 */
final class Operands {
  private final int inH;
  private final int inW;
  private final int cg;
  private final int kernelH;
  private final int kernelW;
  private final int strideH;
  private final int strideW;
  private final int outW;
  private final int outH;

  /** Window size {@code kernelH * kernelW * cg}. */
  final int window;

  /** Number of filters of the group. */
  final int filters;

  /** Number of im2col rows ({@code batch * outPixels}). */
  final int pixels;

  /** {@code ((b * inH + y) * inW + x) * cg} of pixel {@code p}'s window corner. */
  final int[] pixelBase;

  private final int[] pixelY;
  private final int[] pixelX;

  /** {@code (ky * inW + kx) * cg + c} of window offset {@code k}. */
  final int[] offset;

  private final int[] offsetY;
  private final int[] offsetX;

  /** {@code ky / strideH} and {@code kx / strideW} of window offset {@code k}. */
  private final int[] shiftsY;

  private final int[] shiftsX;

  /** {@code -((kernelH - 1 - ky) / strideH)} and likewise for x: the most negative shifts. */
  private final int[] shiftsYBack;

  private final int[] shiftsXBack;

  /** Output row and column of pixel {@code p} in its image. */
  private final int[] pixelOy;

  private final int[] pixelOx;

  /** Pixels whose whole window lies inside the input (no hole in their im2col row). */
  final boolean[] interior;

  /** True when some im2col entry is a hole. */
  final boolean holes;

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
    cg = layer.inC() / layer.groups();
    inH = layer.inH();
    inW = layer.inW();
    kernelH = layer.kernelH();
    kernelW = layer.kernelW();
    strideH = layer.strideH();
    strideW = layer.strideW();
    int padH = layer.padH();
    int padW = layer.padW();
    outH = layer.outH();
    outW = layer.outW();
    long space = (long) batch * inH * inW * cg;
    long win = layer.windowSize();
    long pix = layer.outPixels() * batch;
    long filterWords = (long) (layer.outC() / layer.groups()) * win;
    if (space > Integer.MAX_VALUE || pix > Integer.MAX_VALUE || filterWords > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          layer.name() + ": SCALE-Sim memory model handles" + " operands of at most 2^31 words");
    }
    ifmapSpace = (int) space;
    filterSpace = (int) filterWords;
    window = (int) win;
    filters = layer.outC() / layer.groups();
    offset = new int[window];
    offsetY = new int[window];
    offsetX = new int[window];
    shiftsY = new int[window];
    shiftsX = new int[window];
    shiftsYBack = new int[window];
    shiftsXBack = new int[window];
    int rowLen = kernelW * cg;
    for (int k = 0; k < window; k++) {
      int ky = k / rowLen;
      int kx = (k % rowLen) / cg;
      offsetY[k] = ky;
      offsetX[k] = kx;
      shiftsY[k] = ky / strideH;
      shiftsX[k] = kx / strideW;
      shiftsYBack[k] = -((kernelH - 1 - ky) / strideH);
      shiftsXBack[k] = -((kernelW - 1 - kx) / strideW);
      offset[k] = (ky * inW + kx) * cg + k % cg;
    }
    pixels = (int) pix;
    int n = pixels;
    pixelBase = new int[n];
    pixelY = new int[n];
    pixelX = new int[n];
    interior = new boolean[n];
    pixelOy = new int[n];
    pixelOx = new int[n];
    int perImage = (int) layer.outPixels();
    boolean anyHole = false;
    for (int p = 0; p < n; p++) {
      int b = p / perImage;
      int q = p % perImage;
      pixelOy[p] = q / outW;
      pixelOx[p] = q % outW;
      int y = pixelOy[p] * strideH - padH;
      int x = pixelOx[p] * strideW - padW;
      pixelY[p] = y;
      pixelX[p] = x;
      pixelBase[p] = ((b * inH + y) * inW + x) * cg;
      interior[p] = y >= 0 && y + kernelH <= inH && x >= 0 && x + kernelW <= inW;
      anyHole |= !interior[p];
    }
    holes = anyHole;
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

  /** True when {@code I[p][k]} is an address (not a hole). */
  boolean inside(int p, int k) {
    if (interior[p]) {
      return true;
    }
    int y = pixelY[p] + offsetY[k];
    int x = pixelX[p] + offsetX[k];
    return y >= 0 && y < inH && x >= 0 && x < inW;
  }

  /** Address of filter entry {@code F[k][f]}. */
  int filter(int k, int f) {
    return f * window + k;
  }

  /**
   * Writes every im2col entry that holds the same address as entry {@code (p, k)} (not a hole),
   * itself included, into {@code ps, ks}, and its pixel shift {@code (i, j)} into {@code is, js};
   * returns how many there are (at most {@link #maxEntriesPerAddress()}): the windows of pixels
   * {@code (oy + i, ox + j)} at offset {@code (ky - i * strideH, kx - j * strideW)}, same channel.
   * Earliest pixels first.
   */
  int entriesLike(int p, int k, int[] ps, int[] ks, int[] is, int[] js) {
    int oy = pixelOy[p];
    int ox = pixelOx[p];
    int iLo = Math.max(shiftsYBack[k], -oy);
    int jLo = Math.max(shiftsXBack[k], -ox);
    int iHi = Math.min(shiftsY[k], outH - 1 - oy);
    int jHi = Math.min(shiftsX[k], outW - 1 - ox);
    int n = 0;
    for (int i = iLo; i <= iHi; i++) {
      for (int j = jLo; j <= jHi; j++) {
        ps[n] = p + pixelOffset(i, j);
        ks[n] = k + windowOffset(i, j);
        is[n] = i;
        js[n] = j;
        n++;
      }
    }
    return n;
  }

  /** Whether the entry at pixel shift {@code (i, j)} from entry {@code (p, k)} exists. */
  boolean hasShifted(int p, int k, int i, int j) {
    int oy2 = pixelOy[p] + i;
    int ox2 = pixelOx[p] + j;
    int ky2 = offsetY[k] - i * strideH;
    int kx2 = offsetX[k] - j * strideW;
    return oy2 >= 0
        && oy2 < outH
        && ox2 >= 0
        && ox2 < outW
        && ky2 >= 0
        && ky2 < kernelH
        && kx2 >= 0
        && kx2 < kernelW;
  }

  /** What pixel shift {@code (i, j)} adds to the pixel. */
  int pixelOffset(int i, int j) {
    return i * outW + j;
  }

  /** What pixel shift {@code (i, j)} adds to the window offset. */
  int windowOffset(int i, int j) {
    return -(i * strideH * kernelW + j * strideW) * cg;
  }

  /**
   * Appends the addresses of entries {@code I[p][k]}, {@code k0 <= k < k1}, as runs of consecutive
   * addresses (at most one per kernel row) to {@code runs} from index {@code n}, each packed as
   * {@code start << 32 | end} (end exclusive); returns the new count. Holes are left out: within a
   * kernel row the entries inside the input are consecutive window offsets at consecutive
   * addresses.
   */
  int windowRuns(int p, int k0, int k1, long[] runs, int n) {
    int x0 = pixelX[p];
    int xlo = Math.max(0, x0);
    int xhi = Math.min(inW, x0 + kernelW);
    if (xlo >= xhi) {
      return n;
    }
    int y0 = pixelY[p];
    int rowLen = kernelW * cg;
    int rowStep = inW * cg;
    int first = (xlo - x0) * cg; // window offsets inside the input, within a kernel row
    int last = (xhi - x0) * cg;
    int kyLo = Math.max(0, k0 / rowLen);
    int kyHi = Math.min(kernelH - 1, (k1 - 1) / rowLen);
    for (int ky = kyLo; ky <= kyHi; ky++) {
      int y = y0 + ky;
      if (y < 0 || y >= inH) {
        continue;
      }
      int rowK = ky * rowLen;
      int lo = Math.max(k0 - rowK, first);
      int hi = Math.min(k1 - rowK, last);
      if (lo < hi) {
        int start = pixelBase[p] + ky * rowStep;
        runs[n++] = (long) (start + lo) << 32 | (start + hi);
      }
    }
    return n;
  }

  /** Kernel rows. */
  int kernelHeight() {
    return kernelH;
  }

  /** Largest number of im2col entries one address can have (windows over one input element). */
  int maxEntriesPerAddress() {
    int rows = Math.min(IntMath.ceilDiv(kernelH, strideH), outH);
    int cols = Math.min(IntMath.ceilDiv(kernelW, strideW), outW);
    return rows * cols;
  }

  /**
   * Calls {@code sink} for every run of holes: pixel {@code p}, window offsets {@code [k0, k1)}.
   * Only pixels that are not {@link #interior} have holes.
   */
  void forEachHoleRun(HoleSink sink) {
    if (!holes) {
      return;
    }
    int rowLen = kernelW * cg;
    for (int p = 0; p < pixels; p++) {
      if (interior[p]) {
        continue;
      }
      int y0 = pixelY[p];
      int x0 = pixelX[p];
      for (int ky = 0; ky < kernelH; ky++) {
        int y = y0 + ky;
        if (y < 0 || y >= inH) {
          sink.holes(p, ky * rowLen, (ky + 1) * rowLen);
          continue;
        }
        for (int kx = 0; kx < kernelW; kx++) {
          int x = x0 + kx;
          if (x < 0 || x >= inW) {
            int k0 = ky * rowLen + kx * cg;
            sink.holes(p, k0, k0 + cg);
          }
        }
      }
    }
  }

  /** Receives runs of im2col holes. */
  interface HoleSink {
    /** Entries {@code I[p][k]} for {@code k0 <= k < k1} are holes. */
    void holes(int p, int k0, int k1);
  }
}
