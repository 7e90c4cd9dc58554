package org.tessel.sim.result;

import java.util.List;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.stats.EnergyCounts;
import org.tessel.sim.workload.Network;

/**
 * The result of simulating a network.
 *
 * @param network the network
 * @param hardware the hardware it ran on
 * @param batch inputs per run
 * @param layers per-layer results in execution order
 */
public record SimResult(
    Network network, HardwareSpec hardware, int batch, List<LayerResult> layers) {
  /** Copies the list. */
  public SimResult {
    layers = List.copyOf(layers);
  }

  /** Total cycles: layers run one after another, each after its reconfiguration. */
  public long cycles() {
    long sum = 0;
    for (LayerResult l : layers) {
      sum += l.totalCycles();
    }
    return sum;
  }

  /** Cycles spent reconfiguring the array. */
  public long reconfigCycles() {
    long sum = 0;
    for (LayerResult l : layers) {
      sum += l.reconfigCycles();
    }
    return sum;
  }

  /** Number of reconfigurations. */
  public int reconfigurations() {
    int n = 0;
    for (LayerResult l : layers) {
      if (l.reconfigCycles() > 0) {
        n++;
      }
    }
    return n;
  }

  /** Total stall cycles. */
  public long stallCycles() {
    long sum = 0;
    for (LayerResult l : layers) {
      sum += l.stallCycles();
    }
    return sum;
  }

  /** Total MACs performed. */
  public long macs() {
    long sum = 0;
    for (LayerResult l : layers) {
      sum += l.macs();
    }
    return sum;
  }

  /** Total events processed. */
  public long events() {
    long sum = 0;
    for (LayerResult l : layers) {
      sum += l.events();
    }
    return sum;
  }

  /** Latency of the whole run in milliseconds at the hardware clock. */
  public double latencyMs() {
    return hardware.millis(cycles());
  }

  /** Summed energy counts. */
  public EnergyCounts energy() {
    EnergyCounts e = EnergyCounts.ZERO;
    for (LayerResult l : layers) {
      e = e.plus(l.energy());
    }
    return e;
  }

  /** Total energy in picojoules under the hardware's energy table. */
  public double energyPj() {
    return energy().totalPj(hardware.cgra().energy());
  }

  /** Average power in milliwatts over the run ({@code energy / latency}). */
  public double powerMw() {
    double seconds = latencyMs() / 1000.0;
    return seconds == 0 ? 0 : energyPj() * 1e-12 / seconds * 1000.0;
  }

  /** Efficiency: giga-MACs per second per watt. */
  public double gmacPerSecondPerWatt() {
    double watts = powerMw() / 1000.0;
    double seconds = latencyMs() / 1000.0;
    return watts == 0 || seconds == 0 ? 0 : macs() / seconds / 1e9 / watts;
  }

  /** Summed access counts. */
  public AccessCounts access() {
    AccessCounts a = AccessCounts.ZERO;
    for (LayerResult l : layers) {
      a = a.plus(l.access());
    }
    return a;
  }
}
