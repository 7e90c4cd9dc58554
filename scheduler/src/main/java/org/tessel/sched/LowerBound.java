package org.tessel.sched;

import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.PinnedRowStationary;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.dataflow.rs.RsShape;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.workload.Layer;

/**
 * Analytical lower bounds on a candidate's simulated cycles, cheap enough to compute for every
 * candidate before any is simulated. Each is a count of work one PE must do at one MAC per cycle in
 * passes that run one after another, so no schedule of the passes can beat it (and the tests check
 * it never exceeds the simulated cycles).
 *
 * <ul>
 *   <li>Systolic: every fold streams {@code streamLength} steps through each used PE, and folds run
 *       in sequence: {@code folds * groups * streamLength}.
 *   <li>Row stationary: in every pass each active PE computes {@code n p q S} MACs for each of the
 *       {@code F} output columns: {@code passes * n p q S F}.
 * </ul>
 */
public final class LowerBound {
  private LowerBound() {}

  /** The lower bound on the cycles of {@code candidate} running {@code layer}. */
  public static long cycles(Layer layer, int batch, Candidate candidate, HardwareSpec hw) {
    if (candidate.dataflow() instanceof PinnedRowStationary p) {
      RsShape shape = RsShape.of(layer);
      RsMapping mp = p.mapping();
      long passes = shape.groups() * mp.passesPerGroup(shape, batch);
      return passes * mp.n() * mp.p() * mp.q() * shape.s() * shape.f();
    }
    FoldPlan plan = ((SystolicDataflow) candidate.dataflow()).plan(layer.gemm(batch), hw.array());
    return plan.folds() * layer.groups() * plan.streamLength();
  }
}
