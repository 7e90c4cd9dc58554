package org.tessel.bench;

import java.util.List;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/** Benchmark inputs built in code, so the jar runs anywhere. */
final class Fixtures {
  private Fixtures() {}

  /**
   * ResNet-18's 21 convolution and FC layers in SCALE-Sim's topology form (padded input sizes,
   * projection shortcuts as separate layers): the input SCALE-Sim v2 needs 210 s for on 32x32 OS.
   */
  static Network resnet18ScaleSim() {
    int[][] s = {
      {224, 7, 3, 64, 2}, {56, 3, 64, 64, 1}, {56, 3, 64, 64, 1}, {56, 3, 64, 64, 1},
      {56, 3, 64, 64, 1}, {56, 3, 64, 128, 2}, {28, 3, 128, 128, 1}, {56, 1, 64, 128, 2},
      {28, 3, 128, 128, 1}, {28, 3, 128, 128, 1}, {28, 3, 128, 256, 2}, {14, 3, 256, 256, 1},
      {28, 1, 128, 256, 2}, {14, 3, 256, 256, 1}, {14, 3, 256, 256, 1}, {14, 3, 256, 512, 2},
      {7, 3, 512, 512, 1}, {14, 1, 256, 512, 2}, {7, 3, 512, 512, 1}, {7, 3, 512, 512, 1},
      {1, 1, 512, 1000, 1}
    };
    Layer[] layers = new Layer[s.length];
    for (int i = 0; i < s.length; i++) {
      int[] r = s[i];
      layers[i] = Layer.scaleSimConv("L" + i, r[0], r[0], r[1], r[1], r[2], r[3], r[4]);
    }
    return Network.chain("resnet18", List.of(layers));
  }

  /**
   * AlexNet CONV1-5 as the Eyeriss papers give them ({@code traces/networks/alexnet_eyeriss.csv}:
   * padded input sizes, CONV2, CONV4 and CONV5 with one group's channels and all filters, which
   * gives the grouped layers' MACs), built as {@code TopologyReader} builds that file.
   */
  static Network alexnetEyerissConv() {
    // ifmap height = width, filter height = width, channels, filters, stride
    int[][] s = {
      {227, 11, 3, 96, 4},
      {31, 5, 48, 256, 1},
      {15, 3, 256, 384, 1},
      {15, 3, 192, 384, 1},
      {15, 3, 192, 256, 1}
    };
    Layer[] layers = new Layer[s.length];
    for (int i = 0; i < s.length; i++) {
      int[] r = s[i];
      layers[i] = Layer.scaleSimConv("CONV" + (i + 1), r[0], r[0], r[1], r[1], r[2], r[3], r[4]);
    }
    return Network.chain("alexnet_eyeriss", List.of(layers));
  }

  /** A {@code rows x cols} array with 64 KiB SRAMs; USER mode when bandwidth > 0. */
  static HardwareSpec array(int rows, int cols, DataflowKind df, int bandwidthWordsPerCycle) {
    DramSpec dram =
        bandwidthWordsPerCycle > 0
            ? new DramSpec(BandwidthMode.USER, bandwidthWordsPerCycle)
            : new DramSpec(BandwidthMode.CALC, 10);
    return new HardwareSpec(
        "bench", new ArraySpec(rows, cols), new SramSpec(64, 64, 64, 1, 1), dram, df, 200);
  }
}
