package org.tessel.sched;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.PinnedRowStationary;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.dataflow.rs.RsEstimator;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.stats.EnergyCounts;
import org.tessel.sim.workload.Layer;

/**
 * Chooses among the candidates of one layer (every supported dataflow, every tiling that fits).
 *
 * <p>Candidates of each dataflow are visited in order of their cheap bound on the objective ({@link
 * LowerBound} cycles; energy, which comes from the mapping's access counts without simulating; or
 * their product) and simulated unless pruned. A candidate {@code x} is pruned when a simulated
 * candidate {@code y} of the same dataflow already has {@code cycles(y) + 2 * reconfigCycles <=
 * bound(x)} (objectives that count cycles) and {@code energy(y) <= energy(x)} (objectives that
 * count energy), strictly in one of them or else {@code y} earlier in the tie-break order. Such an
 * {@code x} can be on no network optimum either: replacing it by {@code y} adds at most two
 * reconfigurations and saves at least as much, and every objective grows with cycles and energy.
 * Where on-chip hand-offs ({@link HandOff}) can save {@code x} DRAM energy, {@code energy(x)} is
 * taken net of the most they could save it, and {@code y} must have room for every tensor {@code x}
 * has room for. Pruning is exact: the best candidate of each dataflow, and the network optimum, are
 * those an exhaustive search finds (tests check both).
 *
 * <p>Thread-safe: each thread simulates on its own {@link Simulation}.
 */
public final class LayerScheduler {
  private final HardwareSpec hw;
  private final Objective objective;
  private final List<Dataflow> dataflows;
  private final long slackCycles;

  /** Whether the objective counts energy and the hardware credits hand-offs ({@link HandOff}). */
  private final boolean handOffs;

  private final EvaluationCache cache;
  private final CachedEvaluations evaluations;
  private final EvaluationCache layerCache = new EvaluationCache();
  private final ThreadLocal<Simulation> simulations;

  /** The hardware as cache keys hold it, and what a layer-level entry is keyed by. */
  private final EvaluationCache.Hardware hwKey;

  private final String optionsKey;

  /**
   * A layer scheduler for {@code hw} minimising {@code objective} over {@code dataflows} (each must
   * be one the hardware supports), memoising evaluations in {@code cache}.
   */
  public LayerScheduler(
      HardwareSpec hw, Objective objective, List<Dataflow> dataflows, EvaluationCache cache) {
    this.hw = hw;
    this.objective = objective;
    this.dataflows = List.copyOf(dataflows);
    this.slackCycles = 2 * hw.cgra().reconfig().cycles();
    this.handOffs = objective.usesEnergy() && HandOff.possible(hw);
    this.cache = cache;
    this.evaluations = new CachedEvaluations(hw, cache);
    this.simulations = ThreadLocal.withInitial(() -> new Simulation(hw));
    this.hwKey = new EvaluationCache.Hardware(hw);
    this.optionsKey = "options " + objective + " " + this.dataflows;
  }

  /** The hardware. */
  public HardwareSpec hardware() {
    return hw;
  }

  /** The objective. */
  public Objective objective() {
    return objective;
  }

  /** The dataflows considered. */
  public List<Dataflow> dataflows() {
    return dataflows;
  }

  /** The hardware as cache keys hold it. */
  EvaluationCache.Hardware hardwareKey() {
    return hwKey;
  }

  /** The candidate-level cache. */
  public EvaluationCache cache() {
    return cache;
  }

  /** The options of {@code layer} (an array layer) for {@code batch} inputs, memoised by shape. */
  public LayerOptions options(Layer layer, int batch) {
    return layerCache.get(
        EvaluationCache.key(layer, batch, hwKey, optionsKey), () -> compute(layer, batch));
  }

  /**
   * The options of {@code layer}'s shape for {@code batch} inputs if this scheduler holds them
   * (computed here or given), else null; computes nothing.
   */
  public @Nullable LayerOptions heldOptions(Layer layer, int batch) {
    return (LayerOptions) layerCache.peek(EvaluationCache.key(layer, batch, hwKey, optionsKey));
  }

  /**
   * Gives this scheduler the options of {@code layer}'s shape for {@code batch} inputs, computed by
   * a scheduler of the same hardware, objective, dataflows and code elsewhere (another member of a
   * cluster), so that it does not compute them; options it holds already are kept.
   */
  public void giveOptions(Layer layer, int batch, LayerOptions options) {
    layerCache.offer(EvaluationCache.key(layer, batch, hwKey, optionsKey), options);
  }

  /** A candidate in the best-first queue: its cheap figures and how far it has been costed. */
  private static final class Pending {
    /** Queue order: the cheap bound on the objective, then the enumeration order. */
    static final Comparator<Pending> ORDER =
        (a, b) -> {
          int c = Double.compare(a.score, b.score);
          return c != 0 ? c : Integer.compare(a.candidate.tilingRank(), b.candidate.tilingRank());
        };

    final Candidate candidate;
    final @Nullable RsMapping rs;
    long bound;
    boolean tight;
    double energyPj;

    /** The objective of {@code bound} and {@code energyPj}: the queue's key. */
    double score;

    /** A systolic candidate's evaluation, looked up before the queue (null for row stationary). */
    @Nullable Evaluation systolic;

    /** The most DRAM energy hand-offs could save it (0 without hand-offs). */
    double handOffPj;

    /** Whether its buffers could take the layer's whole input, or keep its whole output. */
    boolean roomIn;

    boolean roomOut;

    /** The mapping of a row-stationary candidate. */
    RsMapping rowStationary() {
      if (rs == null) {
        throw new IllegalStateException("not a row-stationary candidate: " + candidate);
      }
      return rs;
    }

    Pending(Candidate candidate, @Nullable RsMapping rs, long bound) {
      this.candidate = candidate;
      this.rs = rs;
      this.bound = bound;
    }
  }

  private LayerOptions compute(Layer layer, int batch) {
    Simulation sim = simulations.get();
    List<Evaluation> evaluated = new ArrayList<>();
    Map<String, Evaluation> best = new LinkedHashMap<>();
    List<String> whyNone = new ArrayList<>();
    int enumerated = 0;
    int simulated = 0;
    Comparator<Evaluation> order = (a, b) -> a.compareTo(b, objective);
    Layer shape = EvaluationCache.shape(layer);
    for (Dataflow d : dataflows) {
      RsEstimator est = null;
      List<Pending> pending = new ArrayList<>();
      if (d instanceof SystolicDataflow) {
        Candidate c = Candidate.systolic(d);
        Pending p = new Pending(c, null, LowerBound.cycles(layer, batch, c, hw));
        // its dataflow's one candidate: nothing to order or prune (no hand-off figures
        // needed), so it is looked up in the cache, or simulated, now
        p.systolic = evaluations.systolic(sim, layer, shape, batch, c, p.bound, whyNone);
        if (p.systolic == null) {
          continue;
        }
        pending.add(p);
      } else {
        Mapped<RsEstimator> estimator = RsEstimator.of(layer, batch, sim.mappingContext());
        if (!estimator.fits()) {
          whyNone.add(d.shortName() + ": " + estimator.infeasibility().message());
          continue;
        }
        est = estimator.value();
        List<RsMapping> legal = est.legal();
        if (legal.isEmpty()) {
          whyNone.add(d.shortName() + ": " + est.whyNone());
          continue;
        }
        for (int i = 0; i < legal.size(); i++) {
          Candidate c = Candidate.rowStationary(legal.get(i), i);
          Pending p = new Pending(c, legal.get(i), LowerBound.cycles(layer, batch, c, hw));
          EnergyCounts counts = est.energyCounts(legal.get(i));
          p.energyPj = counts.totalPj(hw.cgra().energy());
          if (handOffs) {
            long free = est.freeGlbWords(legal.get(i));
            handOff(p, est.access(legal.get(i)), free, free, layer, batch);
          }
          pending.add(p);
        }
      }
      enumerated += pending.size();
      List<Evaluation> kept = new ArrayList<>();
      PriorityQueue<Pending> queue =
          new PriorityQueue<>(Math.max(1, pending.size()), Pending.ORDER);
      for (Pending p : pending) {
        p.score = objective.score(p.bound, p.energyPj);
        queue.add(p);
      }
      while (!queue.isEmpty()) {
        Pending p = queue.poll();
        if (dominated(p, kept, layer, batch)) {
          continue;
        }
        if (!p.tight && est != null) {
          // the pass-timing sum: at least the simulated cycles' lower bound, often equal
          tighten(p, est, shape, batch);
          p.score = objective.score(p.bound, p.energyPj);
          queue.add(p);
          continue;
        }
        simulated++;
        kept.add(evaluate(sim, layer, shape, batch, p, est));
      }
      if (kept.isEmpty()) {
        continue;
      }
      kept.sort(order);
      best.put(d.shortName(), kept.get(0));
      evaluated.addAll(kept);
    }
    evaluated.sort(order);
    if (!evaluated.isEmpty()) {
      whyNone.clear();
    }
    return new LayerOptions(evaluated, best, enumerated, simulated, whyNone);
  }

  /**
   * Whether a simulated candidate makes {@code p} useless (see the class comment): one no worse in
   * what the objective counts (cycles with the reconfiguration slack, energy), strictly better in
   * one of them or, failing that, earlier in the tie-break order.
   */
  private boolean dominated(Pending p, List<Evaluation> kept, Layer layer, int batch) {
    double pEnergy = p.energyPj - p.handOffPj;
    for (Evaluation y : kept) {
      long yc = y.cycles() + slackCycles;
      boolean cycles = yc <= p.bound;
      boolean energy = y.energyPj() <= pEnergy;
      if ((objective.usesCycles() && !cycles) || (objective.usesEnergy() && !energy)) {
        continue;
      }
      if (handOffs
          && ((p.roomIn && y.handOff().inputRoomWords() < HandOff.inputWords(layer, batch))
              || (p.roomOut
                  && y.handOff().outputRoomWords() < HandOff.tensorWords(layer, batch)))) {
        continue; // p could hand a tensor over on chip where y cannot
      }
      boolean strict =
          (objective.usesCycles() && yc < p.bound)
              || (objective.usesEnergy() && y.energyPj() < pEnergy)
              || (cycles && energy && y.candidate().tilingRank() < p.candidate.tilingRank());
      if (strict) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records what hand-offs could do for {@code p} ({@link HandOff}): with an energy objective, a
   * candidate is pruned only by one that is no worse even after {@code p} saves the DRAM reads of
   * an input and the writes of an output it has room for, and that has room for every tensor {@code
   * p} has room for.
   */
  private void handOff(
      Pending p, AccessCounts a, long inRoomWords, long outRoomWords, Layer layer, int batch) {
    if (!handOffs) {
      return;
    }
    p.roomIn = inRoomWords >= HandOff.inputWords(layer, batch);
    p.roomOut = outRoomWords >= HandOff.tensorWords(layer, batch);
    p.handOffPj =
        ((p.roomIn ? a.dramIfmapReads() : 0) + (p.roomOut ? a.dramOfmapWrites() : 0))
            * hw.cgra().energy().dramPj();
  }

  /**
   * Raises {@code p}'s bound to the sum of its pass timings (memoised in the cache) and, on a
   * shared off-chip link, to the time the link needs for the candidate's DRAM words: the layer
   * cannot end before its last transfer has crossed the link.
   */
  private void tighten(Pending p, RsEstimator est, Layer shape, int batch) {
    RsMapping rs = p.rowStationary();
    p.bound = Math.max(p.bound, evaluations.passCycles(est, shape, batch, rs));
    if (hw.dram().mode() == BandwidthMode.LINK) {
      var a = est.access(rs);
      long bytes =
          (a.dramIfmapReads() + a.dramFilterReads() + a.dramOfmapWrites()) * hw.sram().wordBytes();
      long[] rate = hw.dram().linkBytesPerCycles(hw.clockMHz());
      p.bound = Math.max(p.bound, (bytes * rate[1] + rate[0] - 1) / rate[0]);
    }
    p.tight = true;
  }

  /**
   * The evaluation of {@code candidate} on {@code layer} exactly as {@link #options} makes it
   * (cached, with the same bound), whether or not the pruning would simulate it; null when the
   * hardware refuses it (the reason then added to {@code whyNot}). For tests.
   */
  @Nullable Evaluation evaluate(Layer layer, int batch, Candidate candidate, List<String> whyNot) {
    Simulation sim = simulations.get();
    Layer shape = EvaluationCache.shape(layer);
    long bound = LowerBound.cycles(layer, batch, candidate, hw);
    if (!(candidate.dataflow() instanceof PinnedRowStationary pinned)) {
      return evaluations.systolic(sim, layer, shape, batch, candidate, bound, whyNot);
    }
    RsEstimator est = RsEstimator.of(layer, batch, sim.mappingContext()).orElseThrow();
    Pending p = new Pending(candidate, pinned.mapping(), bound);
    tighten(p, est, shape, batch);
    return evaluate(sim, layer, shape, batch, p, est);
  }

  /** The evaluation of {@code p}, from the cache or simulated. */
  private @Nullable Evaluation evaluate(
      Simulation sim, Layer layer, Layer shape, int batch, Pending p, @Nullable RsEstimator est) {
    if (p.systolic != null) {
      return p.systolic;
    }
    if (est == null) {
      throw new IllegalStateException("a row-stationary candidate without its estimator");
    }
    return evaluations.rowStationary(
        sim, layer, shape, batch, p.candidate, p.rowStationary(), p.bound, est);
  }
}
