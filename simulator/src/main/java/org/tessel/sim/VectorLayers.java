package org.tessel.sim;

import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.result.ArrayWork;
import org.tessel.sim.result.LayerCycles;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.ReportRow;
import org.tessel.sim.stats.StreamStats;
import org.tessel.sim.util.IntMath;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * Element-wise layers (pooling, residual add, concatenation, element-wise product). They run on a
 * vector unit with one lane per PE column, one operation per lane per cycle: {@code ceil(ops /
 * cols)} cycles, where a pooling output costs one operation per window element, a sum or a product
 * one per extra input (a product of one input, a scale, one), and a concatenation one copy per
 * output element. No MACs.
 */
final class VectorLayers {
  private VectorLayers() {}

  static long ops(Layer layer, Network network, int batch) {
    long outputs = layer.outputWords() * batch;
    return switch (layer.kind()) {
      case ADD -> outputs * (Math.max(2, network.inputsOf(layer).size()) - 1);
      case MUL -> outputs * Math.max(1, network.inputsOf(layer).size() - 1);
      case CONCAT -> outputs;
      default -> outputs * layer.kernelH() * layer.kernelW();
    };
  }

  static LayerResult simulate(int index, Layer layer, Network network, int batch, HardwareSpec hw) {
    long ops = ops(layer, network, batch);
    int lanes = hw.array().cols();
    long cycles = IntMath.ceilDiv(ops, lanes);

    long reads =
        switch (layer.kind()) {
          case ADD -> ops + layer.outputWords() * batch;
          case MUL -> network.inputsOf(layer).size() > 1 ? ops + layer.outputWords() * batch : ops;
          case CONCAT -> ops;
          default -> layer.inputWords() * batch;
        };
    ReportRow row =
        new ReportRow(
            cycles - 1,
            0,
            0,
            0,
            0,
            new StreamStats(0, cycles - 1, reads),
            StreamStats.NONE,
            new StreamStats(0, cycles - 1, layer.outputWords() * batch),
            StreamStats.NONE,
            StreamStats.NONE,
            StreamStats.NONE);
    return LayerResult.of(
        index, layer, "vector", LayerCycles.of(cycles, cycles, 0), ArrayWork.NONE, row, 0);
  }
}
