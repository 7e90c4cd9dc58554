package org.tessel.nas.search;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.eval.NetworkEvaluator;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * A fast, deterministic stand-in for the scheduler: latency from MACs and layer count, energy from
 * parameters; optionally fails (like a crash) after a number of evaluations.
 */
final class FakeEvaluator implements NetworkEvaluator {
  final AtomicInteger calls = new AtomicInteger();
  private final int crashAfter;

  FakeEvaluator() {
    this(Integer.MAX_VALUE);
  }

  FakeEvaluator(int crashAfter) {
    this.crashAfter = crashAfter;
  }

  @Override
  public Metrics evaluate(Network n) {
    if (calls.incrementAndGet() > crashAfter) {
      throw new IllegalStateException("killed");
    }
    long macs = n.macs();
    long params = ScheduleEvaluator.params(n);
    long cycles = macs / 168 + 100L * n.layers().size();
    int pools = 0;
    for (Layer l : n.layers()) {
      pools += l.kind() == org.tessel.sim.workload.LayerKind.AVGPOOL ? 1 : 0;
    }
    return new Metrics(
        cycles,
        cycles / 200_000.0,
        params * 3.5,
        1 + pools,
        pools,
        pools / 10.0,
        pools,
        "os",
        macs,
        params,
        Map.of("os", cycles / 180_000.0),
        "");
  }

  @Override
  public String context() {
    return "fake";
  }
}
