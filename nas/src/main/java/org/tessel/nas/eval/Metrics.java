package org.tessel.nas.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a network costs under its layer-adaptive schedule, or why it cannot run.
 *
 * @param cycles total cycles, reconfiguration included
 * @param latencyMs latency at the hardware's clock
 * @param energyPj total energy under the hardware's energy table
 * @param reconfigurations reconfigurations paid (the first configuration included)
 * @param dataflowSwitches array layers whose dataflow differs from the previous array layer's
 * @param maladaptation the extra cycles the array layers would take on the network's dominant
 *     dataflow (the one most of them are scheduled on), each with its best tiling, over their
 *     cycles on their own best dataflow: 0 when every layer suits the dominant dataflow (layers the
 *     dominant dataflow cannot run are counted in {@code maladaptiveLayers} only)
 * @param maladaptiveLayers array layers that would be more than 10% slower on the dominant dataflow
 *     than on their best, or that it cannot run
 * @param dominantDataflow the dataflow most array layers are scheduled on (ties: the first in
 *     {@code os, ws, is, rs}); empty when the network cannot run
 * @param macs multiply-accumulates per input
 * @param params weights of convolutions and fully connected layers (no biases, no batch norm)
 * @param fixedLatencyMs per dataflow the scheduler may use, the latency of running every array
 *     layer on it (its best tiling each); NaN when it cannot run some layer
 * @param error why the network cannot run (no tiling of any dataflow fits a layer); empty when it
 *     runs
 */
public record Metrics(
    long cycles,
    double latencyMs,
    double energyPj,
    int reconfigurations,
    int dataflowSwitches,
    double maladaptation,
    int maladaptiveLayers,
    String dominantDataflow,
    long macs,
    long params,
    Map<String, Double> fixedLatencyMs,
    String error) {

  /** Share of a layer's best cycles above which it counts as maladaptive. */
  public static final double MALADAPTIVE_RATIO = 1.10;

  /** Validates and copies. */
  public Metrics {
    if (cycles < 0
        || reconfigurations < 0
        || dataflowSwitches < 0
        || maladaptiveLayers < 0
        || macs < 0
        || params < 0) {
      throw new IllegalArgumentException("metrics: counts must be >= 0");
    }
    if (!(latencyMs >= 0) || !(energyPj >= 0) || !(maladaptation >= 0)) {
      throw new IllegalArgumentException(
          "metrics: latency, energy and maladaptation must be"
              + " >= 0, were "
              + latencyMs
              + ", "
              + energyPj
              + ", "
              + maladaptation);
    }
    if (dominantDataflow == null || error == null || fixedLatencyMs == null) {
      throw new IllegalArgumentException(
          "metrics: dominantDataflow, error and fixedLatencyMs" + " must not be null");
    }
    fixedLatencyMs = Collections.unmodifiableMap(new LinkedHashMap<>(fixedLatencyMs));
  }

  /** The metrics of a network that cannot run: MACs and parameters only. */
  public static Metrics failed(String error, long macs, long params) {
    if (error == null || error.isBlank()) {
      throw new IllegalArgumentException("metrics: a failure needs a reason");
    }
    return new Metrics(0, 0, 0, 0, 0, 0, 0, "", macs, params, Map.of(), error);
  }

  /** Whether the network can run (some tiling of some dataflow fits every layer). */
  public boolean runs() {
    return error.isEmpty();
  }

  /** Energy in microjoules. */
  public double energyUj() {
    return energyPj / 1e6;
  }
}
