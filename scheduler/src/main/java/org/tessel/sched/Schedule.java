package org.tessel.sched;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * A network's schedule: the candidate chosen for each array layer and what it costs, with the
 * baselines it was compared against.
 *
 * @param network the network
 * @param hardware the hardware
 * @param batch inputs per run
 * @param objective what was minimised
 * @param layers every layer in execution order
 * @param baselines fixed dataflows, greedy and the optimum (this schedule), in that order
 */
public record Schedule(
    Network network,
    HardwareSpec hardware,
    int batch,
    Objective objective,
    List<ScheduledLayer> layers,
    List<Baseline> baselines) {
  /** Copies the lists. */
  public Schedule {
    layers = List.copyOf(layers);
    baselines = List.copyOf(baselines);
  }

  /** Total cycles, reconfiguration included. */
  public long cycles() {
    long sum = 0;
    for (ScheduledLayer l : layers) {
      sum += l.cycles() + l.reconfigCycles();
    }
    return sum;
  }

  /** Cycles spent reconfiguring. */
  public long reconfigCycles() {
    long sum = 0;
    for (ScheduledLayer l : layers) {
      sum += l.reconfigCycles();
    }
    return sum;
  }

  /** Reconfigurations paid (the first configuration included). */
  public int reconfigurations() {
    int n = 0;
    for (ScheduledLayer l : layers) {
      n += l.reconfigCycles() > 0 ? 1 : 0;
    }
    return n;
  }

  /** Total energy in picojoules. */
  public double energyPj() {
    double sum = 0;
    for (ScheduledLayer l : layers) {
      sum += l.energyPj();
    }
    return sum;
  }

  /** Latency in milliseconds at the hardware's clock. */
  public double latencyMs() {
    return hardware.millis(cycles());
  }

  /** The baseline called {@code name}, if it was computed. */
  public @Nullable Baseline baseline(String name) {
    for (Baseline b : baselines) {
      if (b.name().equals(name)) {
        return b;
      }
    }
    return null;
  }

  /** The dataflow to run {@code layer} with (its pinned tiling), for replaying this schedule. */
  public Dataflow choice(Layer layer) {
    for (ScheduledLayer l : layers) {
      if (l.layer().equals(layer) && l.usesArray()) {
        return l.arrayChoice().candidate().dataflow();
      }
    }
    throw new IllegalArgumentException("layer " + layer.name() + " is not in the schedule");
  }

  /** This schedule as the simulator replays it (dataflows, tilings and hand-offs). */
  public Replay replay() {
    Set<String> in = new HashSet<>();
    Set<String> out = new HashSet<>();
    for (ScheduledLayer l : layers) {
      if (l.inputOnChip()) {
        in.add(l.layer().name());
      }
      if (l.outputOnChip()) {
        out.add(l.layer().name());
      }
    }
    return new Replay(this::choice, in, out);
  }

  /** Layers that read their input on chip from the layer before ({@link HandOff}). */
  public int handOffs() {
    int n = 0;
    for (ScheduledLayer l : layers) {
      n += l.inputOnChip() ? 1 : 0;
    }
    return n;
  }

  /** Layers whose chosen dataflow differs from the previous array layer's. */
  public int dataflowSwitches() {
    String prev = null;
    int n = 0;
    for (ScheduledLayer l : layers) {
      if (!l.usesArray()) {
        continue;
      }
      String d = l.arrayChoice().candidate().dataflowName();
      if (prev != null && !prev.equals(d)) {
        n++;
      }
      prev = d;
    }
    return n;
  }
}
