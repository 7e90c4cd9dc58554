package org.tessel.sim;

import org.tessel.sim.result.ArrayWork;
import org.tessel.sim.result.LayerCycles;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.ReportRow;
import org.tessel.sim.stats.StreamStats;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;
import org.tessel.sim.workload.Network;
import org.tessel.sim.util.IntMath;

/**
 * Element-wise layers (pooling, residual add). They run on a vector unit with one lane per PE
 * column, one operation per lane per cycle: {@code ceil(ops / cols)} cycles, where a pooling output
 * costs one operation per window element and a sum one per extra input. No MACs.
 */
final class VectorLayers {
  private VectorLayers() {}

  static long ops(Layer layer, Network network, int batch) {
    long outputs = layer.outputWords() * batch;
    if (layer.kind() == LayerKind.ADD) {
      int inputs = Math.max(2, network.inputsOf(layer).size());
      return outputs * (inputs - 1);
    }
    return outputs * layer.kernelH() * layer.kernelW();
  }

  static LayerResult simulate(int index, Layer layer, Network network, int batch,
      HardwareSpec hw) {
    long ops = ops(layer, network, batch);
    int lanes = hw.array().cols();
    long cycles = IntMath.ceilDiv(ops, lanes);
    long reads = layer.kind() == LayerKind.ADD
        ? ops + layer.outputWords() * batch
        : layer.inputWords() * batch;
    ReportRow row = new ReportRow(cycles - 1, 0, 0, 0, 0,
        new StreamStats(0, cycles - 1, reads), StreamStats.NONE,
        new StreamStats(0, cycles - 1, layer.outputWords() * batch), StreamStats.NONE,
        StreamStats.NONE, StreamStats.NONE);
    return LayerResult.of(index, layer, "vector", LayerCycles.of(cycles, cycles, 0),
        ArrayWork.NONE, row, 0);
  }
}
