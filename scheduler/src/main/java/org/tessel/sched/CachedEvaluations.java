package org.tessel.sched;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.rs.RsEstimator;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.OperandWords;

/**
 * One hardware's candidates evaluated through the shared {@link EvaluationCache}: each looked up
 * under its family's key ({@link SystolicKey}, {@link RowStationaryKey}), simulated on a miss, and
 * turned into this hardware's {@link Evaluation} on every reading (energy priced with its table;
 * occupancy and room for on-chip hand-offs against its buffers, as the simulator's mappings compute
 * them). Thread-safe: callers pass their own {@link Simulation}.
 */
final class CachedEvaluations {
  private final HardwareSpec hw;
  private final EvaluationCache cache;

  CachedEvaluations(HardwareSpec hw, EvaluationCache cache) {
    this.hw = hw;
    this.cache = cache;
  }

  /**
   * The evaluation of the systolic {@code candidate} on {@code layer} ({@code shape} is the layer
   * without its name); null when the hardware refuses it, the reason then added to {@code whyNone}
   * as {@code "os: ..."}. The same when the hardware's network is not a systolic mesh.
   */
  @Nullable Evaluation systolic(
      Simulation sim,
      Layer layer,
      Layer shape,
      int batch,
      Candidate candidate,
      long lowerBoundCycles,
      List<String> whyNone) {
    Dataflow d = candidate.dataflow();
    if (hw.cgra().noc().topology() != NocTopology.SYSTOLIC_MESH) {
      // refused, in words naming the hardware: not cached
      whyNone.add(d.shortName() + ": " + sim.map(layer, batch, d).infeasibility().message());
      return null;
    }
    SystolicKey key = SystolicKey.of(shape, batch, d, hw);
    Simulated s =
        cache.get(
            key,
            () -> {
              Mapped<LayerMapping> mapped = sim.map(layer, batch, d);
              if (!mapped.fits()) {
                return Simulated.refused(layer, mapped.infeasibility());
              }
              LayerMapping m = mapped.value();
              LayerResult r = sim.run(0, layer, d, m);
              return Simulated.of(
                  r, m, key.holdsCapacities() ? OperandWords.ZERO : m.peakSramWords());
            });
    String refused = s.refusal(layer);
    if (refused != null) {
      whyNone.add(d.shortName() + ": " + refused);
      return null;
    }
    double occupancy =
        key.holdsCapacities()
            ? s.occupancy()
            : hw.sram()
                .halfOccupancy(
                    new OperandWords(s.ifmapPeakWords(), s.filterPeakWords(), s.ofmapPeakWords()));
    long room = hw.sram().handOffWords();
    return s.evaluation(candidate, lowerBoundCycles, hw.cgra().energy(), occupancy, room, room);
  }

  /**
   * The sum of the pass timings of {@code mapping} ({@link RsEstimator#passCycles}), memoised: the
   * timing reads only what {@link RowStationaryKey} holds, the DRAM aside.
   */
  long passCycles(RsEstimator est, Layer shape, int batch, RsMapping mapping) {
    return cache.passCycles(
        RowStationaryKey.of(shape, batch, mapping, hw).passTiming(), () -> est.passCycles(mapping));
  }

  /** The evaluation of the row-stationary {@code candidate} with {@code mapping}. */
  @Nullable Evaluation rowStationary(
      Simulation sim,
      Layer layer,
      Layer shape,
      int batch,
      Candidate candidate,
      RsMapping mapping,
      long lowerBoundCycles,
      RsEstimator est) {
    Simulated s =
        cache.get(
            RowStationaryKey.of(shape, batch, mapping, hw),
            () -> {
              LayerMapping m = est.mapping(mapping);
              return Simulated.of(sim.run(0, layer, candidate.dataflow(), m), m);
            });
    long free = est.freeGlbWords(mapping);
    return s.evaluation(
        candidate, lowerBoundCycles, hw.cgra().energy(), est.occupancy(mapping), free, free);
  }
}
