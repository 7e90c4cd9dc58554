package org.tessel.nas.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessel.sched.Baseline;
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.LayerScheduler;
import org.tessel.sched.NetworkScheduler;
import org.tessel.sched.Objective;
import org.tessel.sched.Schedule;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * Prices a network by scheduling it layer-adaptively ({@link NetworkScheduler}): every array layer
 * gets the dataflow and tiling that, with the reconfigurations between layers, minimise the
 * scheduler's objective. One {@link EvaluationCache} is shared by every network, so a layer shape
 * is simulated once however many networks contain it. Thread-safe; each call schedules on the
 * calling thread.
 */
public final class ScheduleEvaluator implements NetworkEvaluator {
  private final NetworkScheduler scheduler;
  private final int batch;
  private final String context;

  /**
   * An evaluator on {@code hw} whose scheduler minimises {@code objective} over {@code dataflows}
   * (each one the hardware supports) for {@code batch} inputs.
   *
   * @throws IllegalArgumentException for an empty dataflow list or a batch below 1
   */
  public ScheduleEvaluator(
      HardwareSpec hw, Objective objective, List<Dataflow> dataflows, int batch) {
    if (dataflows.isEmpty()) {
      throw new IllegalArgumentException("the scheduler needs at least one dataflow");
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, was " + batch);
    }
    this.scheduler =
        new NetworkScheduler(
            new LayerScheduler(hw, objective, dataflows, new EvaluationCache()), 1);
    this.batch = batch;
    List<String> names = new ArrayList<>();
    for (Dataflow d : dataflows) {
      names.add(d.shortName());
    }
    this.context =
        "hw="
            + hw.withName("_")
            + ";batch="
            + batch
            + ";objective="
            + objective
            + ";dataflows="
            + names
            + ";code="
            + CodeFingerprint.of(Simulation.class, NetworkScheduler.class, ScheduleEvaluator.class);
  }

  /** The hardware. */
  public HardwareSpec hardware() {
    return scheduler.layerScheduler().hardware();
  }

  /** The layer scheduler (each array-layer shape's options, memoised). */
  public LayerScheduler layers() {
    return scheduler.layerScheduler();
  }

  /** The inputs per run every layer is scheduled for. */
  public int batch() {
    return batch;
  }

  /** The scheduler's candidate cache (hits, misses and size per layer shape and candidate). */
  public EvaluationCache layerCache() {
    return scheduler.layerScheduler().cache();
  }

  /**
   * The schedule of {@code network}.
   *
   * @throws ConfigException when some layer fits no dataflow and tiling
   */
  public Schedule schedule(Network network) {
    return scheduler.schedule(network, batch);
  }

  @Override
  public String context() {
    return context;
  }

  @Override
  public Metrics evaluate(Network network) {
    long macs = network.macs();
    long params = params(network);
    Mapped<Schedule> planned = scheduler.plan(network, batch);
    if (!planned.fits()) {
      return Metrics.failed(planned.infeasibility().message(), macs, params);
    }
    Schedule s = planned.value();
    Adaptation a = Adaptation.of(s);
    HardwareSpec hw = s.hardware();
    Map<String, Double> fixed = new LinkedHashMap<>();
    for (Dataflow d : scheduler.layerScheduler().dataflows()) {
      Baseline b = s.baseline(d.shortName());
      fixed.put(d.shortName(), b != null && b.feasible() ? hw.millis(b.cycles()) : Double.NaN);
    }
    return new Metrics(
        s.cycles(),
        s.latencyMs(),
        s.energyPj(),
        s.reconfigurations(),
        s.dataflowSwitches(),
        a.maladaptation(),
        a.maladaptiveLayers(),
        a.dominant(),
        macs,
        params,
        fixed,
        "");
  }

  /** Weights of the convolutions and fully connected layers of {@code network}. */
  public static long params(Network network) {
    long sum = 0;
    for (Layer l : network.layers()) {
      sum += l.filterWords();
    }
    return sum;
  }
}
