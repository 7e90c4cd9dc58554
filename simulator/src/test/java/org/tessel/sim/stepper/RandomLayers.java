package org.tessel.sim.stepper;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;

/**
 * Random small convolutions for the property tests (non-square kernels, strides, padding, groups).
 */
final class RandomLayers {
  private RandomLayers() {}

  /** A convolution with input up to {@code maxIn} square, channels and filters up to the limits. */
  static Layer conv(SplittableRandom rnd, String name, int maxIn, int maxChannels, int maxFilters) {
    int inH = rnd.nextInt(1, maxIn + 1);
    int inW = rnd.nextInt(1, maxIn + 1);
    int inC = rnd.nextInt(1, maxChannels + 1);
    int outC = rnd.nextInt(1, maxFilters + 1);
    int kh = rnd.nextInt(1, Math.min(3, inH) + 1);
    int kw = rnd.nextInt(1, Math.min(3, inW) + 1);
    int sh = rnd.nextInt(1, 3);
    int sw = rnd.nextInt(1, 3);
    int pad = rnd.nextInt(4) == 0 ? 1 : 0;
    List<Integer> divisors = new ArrayList<>();
    for (int q = 1; q <= Math.min(inC, outC); q++) {
      if (inC % q == 0 && outC % q == 0) {
        divisors.add(q);
      }
    }
    int groups = divisors.get(rnd.nextInt(divisors.size()));
    int outH = Math.floorDiv(inH + 2 * pad - kh, sh) + 1;
    int outW = Math.floorDiv(inW + 2 * pad - kw, sw) + 1;
    return new Layer(
        name, LayerKind.CONV, inH, inW, inC, kh, kw, sh, sw, pad, pad, outH, outW, outC, groups);
  }
}
