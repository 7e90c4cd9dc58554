package org.tessel.nas.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessel.nas.space.Nb201Space;
import org.tessel.sched.Baseline;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.Evaluation;
import org.tessel.sched.Objective;
import org.tessel.sched.Schedule;
import org.tessel.sched.ScheduledLayer;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.workload.Network;

/** Metrics are the schedule's totals; maladaptation follows its per-dataflow options. */
final class ScheduleEvaluatorTest {
  private static final HardwareSpec HW = Inputs.hardware("default");
  private static final Nb201Space SPACE =
      new Nb201Space(Nb201Space.Liveness.ALL_OPS, "nasbench201");
  private static final Network NET = SPACE.network(SPACE.genome(1));

  @Test
  void metrics_areTheSchedulesTotals() {
    ScheduleEvaluator e =
        new ScheduleEvaluator(HW, Objective.CYCLES, CandidateSpace.dataflows(HW), 1);
    Schedule s = e.schedule(NET);
    Metrics m = e.evaluate(NET);
    assertEquals(s.cycles(), m.cycles());
    assertEquals(s.latencyMs(), m.latencyMs());
    assertEquals(s.energyPj(), m.energyPj());
    assertEquals(s.reconfigurations(), m.reconfigurations());
    assertEquals(s.dataflowSwitches(), m.dataflowSwitches());
    assertEquals(NET.macs(), m.macs());
    assertEquals(List.of("os", "ws", "is"), List.copyOf(m.fixedLatencyMs().keySet()));
    for (String d : m.fixedLatencyMs().keySet()) {
      Baseline b = s.baseline(d);
      assertEquals(HW.millis(b.cycles()), m.fixedLatencyMs().get(d));
      assertTrue(m.cycles() <= b.cycles(), d);
    }
    assertTrue(m.runs());
  }

  @Test
  void maladaptation_byHandFromTheOptions() {
    ScheduleEvaluator e =
        new ScheduleEvaluator(HW, Objective.CYCLES, CandidateSpace.dataflows(HW), 1);
    Schedule s = e.schedule(NET);
    Metrics m = e.evaluate(NET);
    long extra = 0;
    long best = 0;
    int bad = 0;
    for (ScheduledLayer l : s.layers()) {
      if (!l.usesArray()) {
        continue;
      }
      long b =
          l.options().bestByDataflow().values().stream()
              .mapToLong(Evaluation::cycles)
              .min()
              .orElseThrow();
      long d = l.options().bestByDataflow().get(m.dominantDataflow()).cycles();
      extra += d - b;
      best += b;
      bad += d > 1.1 * b ? 1 : 0;
    }
    assertEquals((double) extra / best, m.maladaptation(), 1e-12);
    assertEquals(bad, m.maladaptiveLayers());
  }

  @Test
  void oneDataflow_isNeverMaladaptive() {
    ScheduleEvaluator e =
        new ScheduleEvaluator(HW, Objective.CYCLES, List.of(Dataflows.find("ws").orElseThrow()), 1);
    Metrics m = e.evaluate(NET);
    assertEquals("ws", m.dominantDataflow());
    assertEquals(0, m.maladaptation());
    assertEquals(0, m.maladaptiveLayers());
    assertEquals(0, m.dataflowSwitches());
    assertEquals(List.of("ws"), List.copyOf(m.fixedLatencyMs().keySet()));
  }

  @Test
  void sharedLayerCache_simulatesEachShapeOnce() {
    ScheduleEvaluator e =
        new ScheduleEvaluator(HW, Objective.CYCLES, CandidateSpace.dataflows(HW), 1);
    for (int i = 0; i < 40; i++) {
      e.evaluate(SPACE.network(SPACE.genome(i)));
    }
    long misses = e.layerCache().misses();
    for (int i = 40; i < 140; i++) {
      e.evaluate(SPACE.network(SPACE.genome(i)));
    }
    // NAS-Bench-201 has a handful of array-layer shapes, all met in the first cells: later
    // networks simulate nothing new
    assertEquals(misses, e.layerCache().misses());
    assertTrue(e.layerCache().size() < 60, () -> "entries " + e.layerCache().size());
  }

  @Test
  void poolAsConv_putsCellPoolingOnTheArray() {
    Nb201Space conv = new Nb201Space(Nb201Space.Liveness.ALL_OPS, true, "x");
    Network pooled = conv.network(conv.genome(2));
    assertEquals(SPACE.network(SPACE.genome(2)).macs() + 4 * 15L * 2_359_296, pooled.macs());
  }
}
