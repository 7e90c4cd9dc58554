package org.tessel.nas.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tessel.sched.Evaluation;
import org.tessel.sched.Schedule;
import org.tessel.sched.ScheduledLayer;
import org.tessel.sim.dataflow.Dataflows;

/**
 * Layer-dataflow adaptability (Li et al., ASP-DAC 2021): how much worse each array layer would be
 * on the network's dominant dataflow than on its own best. Maladaptive layers, those that suffer
 * most, are what a layer-adaptive search steers away from or schedules around.
 *
 * @param dominant the dataflow most array layers are scheduled on (ties: first in {@code os, ws,
 *     is, rs}); empty for a network without array layers
 * @param maladaptation the layers' extra cycles on the dominant dataflow over their best cycles
 * @param maladaptiveLayers layers more than {@link Metrics#MALADAPTIVE_RATIO} times slower on it,
 *     or that it cannot run
 */
record Adaptation(String dominant, double maladaptation, int maladaptiveLayers) {
  /** The adaptation of the layers of {@code s}. */
  static Adaptation of(Schedule s) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (var d : Dataflows.all()) {
      counts.put(d.shortName(), 0);
    }
    for (ScheduledLayer l : s.layers()) {
      if (l.usesArray()) {
        counts.merge(l.arrayChoice().candidate().dataflowName(), 1, Integer::sum);
      }
    }
    String dominant = "";
    int most = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > most) {
        dominant = e.getKey();
        most = e.getValue();
      }
    }
    long extra = 0;
    long best = 0;
    int bad = 0;
    for (ScheduledLayer l : s.layers()) {
      if (!l.usesArray()) {
        continue;
      }
      Map<String, Evaluation> byDataflow = l.arrayOptions().bestByDataflow();
      long b = Long.MAX_VALUE;
      for (Evaluation e : byDataflow.values()) {
        b = Math.min(b, e.cycles());
      }
      Evaluation onDominant = byDataflow.get(dominant);
      if (onDominant == null) {
        bad++;
        continue;
      }
      extra += onDominant.cycles() - b;
      best += b;
      if (onDominant.cycles() > Metrics.MALADAPTIVE_RATIO * b) {
        bad++;
      }
    }
    return new Adaptation(dominant, best == 0 ? 0 : (double) extra / best, bad);
  }
}
