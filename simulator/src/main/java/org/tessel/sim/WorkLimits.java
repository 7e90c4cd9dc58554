package org.tessel.sim;

import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.engine.EventQueue;
import org.tessel.sim.limits.Limits;
import org.tessel.sim.mapping.FoldPlan;
import org.tessel.sim.workload.GemmShape;
import org.tessel.sim.workload.Layer;

/**
 * The work a layer asks for, sized before it runs: every count in checked 64-bit arithmetic, at
 * most {@link Limits#MAX_FOLDS} folds per layer and at most {@link EventQueue#MAX_CYCLE} cycles (a
 * lower bound: folds times the cycles of one fold; vector work over the lanes). A layer past them
 * is refused with a message naming it, so that no count overflows and no loop over folds runs for
 * hours (docs/inputs.md#limits).
 */
public final class WorkLimits {
  private WorkLimits() {}

  /**
   * Refuses {@code layer} at {@code batch} with {@code dataflow} (null for a vector layer) on
   * {@code hw} when it is past the limits.
   *
   * @throws ConfigException naming the layer ({@code layer NAME}) and what is too large
   */
  public static void check(Layer layer, int batch, HardwareSpec hw, @Nullable Dataflow dataflow) {
    String why = problem(layer, batch, hw, dataflow);
    if (why != null) {
      throw new ConfigException("layer " + layer.name(), 0, "", why);
    }
  }

  /** Why {@code layer} is past the limits, or null when it is not. */
  public static @Nullable String problem(
      Layer layer, int batch, HardwareSpec hw, @Nullable Dataflow dataflow) {
    try {
      long outputs =
          Math.multiplyExact(
              Math.multiplyExact(
                  Math.multiplyExact((long) layer.outH(), layer.outW()), layer.outC()),
              batch);
      if (!layer.kind().usesArray()) {
        long ops =
            Math.multiplyExact(
                outputs, Math.multiplyExact((long) layer.kernelH(), layer.kernelW()));
        long cycles = ops / hw.array().cols();
        return cycles > EventQueue.MAX_CYCLE
            ? "needs at least "
                + cycles
                + " cycles on "
                + hw.array().cols()
                + " vector lanes at batch "
                + batch
                + "; at most "
                + EventQueue.MAX_CYCLE
                + " (2^39 - 1) cycles are simulated"
            : null;
      }
      long sr = Math.multiplyExact(Math.multiplyExact((long) layer.outH(), layer.outW()), batch);
      long t =
          Math.multiplyExact(
              Math.multiplyExact((long) layer.kernelH(), layer.kernelW()),
              layer.inC() / layer.groups());
      Math.multiplyExact(Math.multiplyExact(sr, t), layer.outC()); // MACs fit
      GemmShape g = new GemmShape(sr, layer.outC() / layer.groups(), t);
      // row stationary is sized by the output-stationary folds of the same GEMM
      SystolicDataflow d =
          dataflow instanceof SystolicDataflow sd
              ? sd
              : (SystolicDataflow) Dataflows.find("os").orElseThrow();
      FoldPlan plan = d.plan(g, hw.array());
      long folds =
          Math.multiplyExact(Math.multiplyExact(plan.rowFolds(), plan.colFolds()), layer.groups());
      String on =
          " at batch "
              + batch
              + " on a "
              + hw.array().rows()
              + "x"
              + hw.array().cols()
              + " array ("
              + d.shortName()
              + ")";
      if (folds > Limits.MAX_FOLDS) {
        return "needs "
            + folds
            + " folds"
            + on
            + "; at most "
            + Limits.MAX_FOLDS
            + " (2^24) folds per layer are simulated";
      }
      long foldCycles =
          Math.addExact(
              Math.addExact(plan.preloadCycles(), plan.streamLength()),
              (long) plan.rows() + plan.cols() - 2);
      long cycles = Math.multiplyExact(folds, foldCycles);
      if (cycles > EventQueue.MAX_CYCLE) {
        return "needs at least "
            + cycles
            + " cycles"
            + on
            + "; at most "
            + EventQueue.MAX_CYCLE
            + " (2^39 - 1) cycles are simulated";
      }
      return null;
    } catch (ArithmeticException e) {
      return "its sizes at batch "
          + batch
          + " overflow 64-bit counts (operand matrices or"
          + " MACs beyond 2^63)";
    }
  }
}
