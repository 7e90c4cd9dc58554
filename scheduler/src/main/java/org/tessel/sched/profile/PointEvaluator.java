package org.tessel.sched.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.LayerScheduler;
import org.tessel.sched.NetworkScheduler;
import org.tessel.sched.Schedule;
import org.tessel.sched.ScheduledLayer;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.mapping.Mapped;

/**
 * Schedules the network on one point, single-threaded, sharing {@code cache} with every other point
 * (so a layer shape on hardware another point already had is not simulated again).
 *
 * <p>Before scheduling, the point's hardware loses what cannot change a schedule: the clock (it
 * only converts cycles into milliseconds) and, in {@code calc} mode, the DRAM bandwidth (unused).
 * Both take the base hardware's values; latency is then computed at the point's own clock. Points
 * whose hardware is then equal share one schedule, computed once ({@link #shared()}).
 */
final class PointEvaluator {
  /** A schedule's figures, or why the hardware cannot run the network. */
  private record Outcome(
      long cycles,
      double energyPj,
      int reconfigurations,
      String dataflows,
      @Nullable String reason) {}

  private final ProfileSpec spec;
  private final EvaluationCache cache;
  private final long macs;
  private final ConcurrentHashMap<HardwareSpec, CompletableFuture<Outcome>> schedules =
      new ConcurrentHashMap<>();
  private final LongAdder shared = new LongAdder();

  PointEvaluator(ProfileSpec spec, EvaluationCache cache) {
    this.spec = spec;
    this.cache = cache;
    this.macs = spec.network().macs() * spec.batch();
  }

  /** The result of {@code point}, whose hardware is {@code hw}. */
  PointResult evaluate(Point point, HardwareSpec hw) {
    long area = AreaProxy.onChipBytes(hw);
    HardwareSpec simulated = canonical(hw);
    Outcome o = outcome(simulated);
    if (o.reason() != null) {
      return PointResult.infeasible(point.values(), area, o.reason());
    }
    long cycles = o.cycles();
    double util = cycles == 0 ? 0 : (double) macs / ((double) hw.array().pes() * cycles);
    return new PointResult(
        point.values(),
        true,
        cycles,
        hw.millis(cycles),
        o.energyPj(),
        util,
        area,
        o.reconfigurations(),
        o.dataflows(),
        "");
  }

  /**
   * The schedule of {@code hw}, computed by the first point that asks; points asking while it is
   * computed wait for it, so each distinct hardware is scheduled once at any thread count.
   */
  private Outcome outcome(HardwareSpec hw) {
    CompletableFuture<Outcome> mine = new CompletableFuture<>();
    CompletableFuture<Outcome> first = schedules.putIfAbsent(hw, mine);
    if (first != null) {
      shared.increment();
      try {
        return first.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : e;
      }
    }
    try {
      Outcome o = schedule(hw);
      mine.complete(o);
      return o;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** Points answered by the schedule of an earlier point with the same simulated hardware. */
  long shared() {
    return shared.sum();
  }

  private Outcome schedule(HardwareSpec hw) {
    Mapped<Schedule> planned =
        new NetworkScheduler(
                new LayerScheduler(hw, spec.objective(), CandidateSpace.dataflows(hw), cache), 1)
            .plan(spec.network(), spec.batch());
    if (!planned.fits()) {
      return new Outcome(0, 0, 0, "", planned.infeasibility().message());
    }
    Schedule s = planned.value();
    return new Outcome(s.cycles(), s.energyPj(), s.reconfigurations(), dataflows(s), null);
  }

  /** {@code hw} with the base clock and, in calc mode, the base DRAM bandwidth. */
  HardwareSpec canonical(HardwareSpec hw) {
    HardwareSpec base = spec.hardware();
    DramSpec dram =
        hw.dram().mode() == BandwidthMode.CALC
            ? new DramSpec(BandwidthMode.CALC, base.dram().bandwidthWordsPerCycle())
            : hw.dram();
    return new HardwareSpec(
        hw.name(),
        hw.array(),
        hw.sram(),
        dram,
        hw.dataflow(),
        base.clockMHz(),
        hw.memoryModel(),
        hw.cgra());
  }

  /** Array layers per chosen dataflow, in {@link Dataflows#all()} order: {@code os:15 ws:6}. */
  private static String dataflows(Schedule s) {
    Map<String, Integer> count = new LinkedHashMap<>();
    Dataflows.all().forEach(d -> count.put(d.shortName(), 0));
    for (ScheduledLayer l : s.layers()) {
      if (l.usesArray()) {
        count.merge(l.arrayChoice().candidate().dataflowName(), 1, Integer::sum);
      }
    }
    StringBuilder sb = new StringBuilder();
    count.forEach(
        (name, n) -> {
          if (n > 0) {
            sb.append(sb.length() == 0 ? "" : " ").append(name).append(':').append(n);
          }
        });
    return sb.toString();
  }
}
