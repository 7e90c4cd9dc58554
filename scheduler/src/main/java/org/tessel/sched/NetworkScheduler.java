package org.tessel.sched;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.mapping.Infeasibility;
import org.tessel.sim.mapping.Mapped;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * Schedules a whole network: the layer scheduler's options for every array layer, then the sequence
 * that minimises the objective over the network, reconfiguration included.
 *
 * <p>The choice is a shortest path through the layered graph whose nodes are (layer, candidate) and
 * whose edges carry the next layer's cost plus, when the configuration changes, one
 * reconfiguration. Since every reconfiguration costs the same ({@link
 * org.tessel.sim.arch.ReconfigSpec#cycles()}), the edges between two layers need not be all pairs:
 * a node is reached either from the previous layer's node with the same configuration (no
 * reconfiguration) or from the previous layer's best node plus one reconfiguration, so the dynamic
 * program over the layers is exact in time linear in the candidates. Ties go to the candidate first
 * in {@link Evaluation#compareTo} order, layer by layer from the last.
 *
 * <p>For EDP, whose network value {@code (sum cycles) * (sum energy)} does not add up along a path,
 * the path minimises the first-order expansion {@code E0 * cycles + T0 * energy} around the current
 * schedule's totals {@code (T0, E0)}, starting from the cycle optimum and repeating until the
 * product stops improving.
 */
public final class NetworkScheduler {
  private final LayerScheduler layers;
  private final HardwareSpec hw;
  private final int threads;

  /** A network scheduler over {@code layers}, evaluating distinct shapes on {@code threads}. */
  public NetworkScheduler(LayerScheduler layers, int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0, was " + threads);
    }
    this.layers = layers;
    this.hw = layers.hardware();
    this.threads = threads;
  }

  /** A one-thread scheduler minimising {@code objective} over every dataflow {@code hw} runs. */
  public static NetworkScheduler of(HardwareSpec hw, Objective objective) {
    return new NetworkScheduler(
        new LayerScheduler(hw, objective, CandidateSpace.dataflows(hw), new EvaluationCache()), 1);
  }

  /** The layer scheduler. */
  public LayerScheduler layerScheduler() {
    return layers;
  }

  /**
   * Schedules {@code network} for {@code batch} inputs, for a run that asked for exactly this
   * network on this hardware.
   *
   * @throws ConfigException when some layer has no candidate that fits (the message names the layer
   *     and says, per dataflow, what does not fit and by how much)
   */
  public Schedule schedule(Network network, int batch) {
    return plan(network, batch).orElseThrow();
  }

  /**
   * The schedule of {@code network} for {@code batch} inputs, or why some layer has no candidate
   * that fits (a value: sweeps and searches meet infeasible points as a matter of course).
   */
  public Mapped<Schedule> plan(Network network, int batch) {
    List<Layer> all = network.layers();
    LayerOptions[] options = options(all, batch);
    Simulation sim = new Simulation(hw);
    long[] vectorCycles = new long[all.size()];
    double[] vectorEnergy = new double[all.size()];
    List<Integer> arrayIdx = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Layer l = all.get(i);
      if (l.kind().usesArray()) {
        if (options[i].evaluated().isEmpty()) {
          return Mapped.infeasible(
              Infeasibility.rule(
                  "layer " + l.name(),
                  "dataflow",
                  "no dataflow and tiling fits: " + String.join("; ", options[i].whyNone())));
        }
        arrayIdx.add(i);
      } else {
        LayerResult r = sim.simulate(i, l, network, batch);
        vectorCycles[i] = r.cycles();
        vectorEnergy[i] = r.energy().totalPj(hw.cgra().energy());
      }
    }
    List<LayerOptions> seq = new ArrayList<>();
    for (int i : arrayIdx) {
      seq.add(options[i]);
    }
    HandOff handOff = HandOff.of(network, arrayIdx, batch, hw);
    int[] best = optimum(seq, handOff);
    long fixedCycles = 0;
    double fixedEnergy = 0;
    for (int i = 0; i < all.size(); i++) {
      fixedCycles += vectorCycles[i];
      fixedEnergy += vectorEnergy[i];
    }
    List<Baseline> baselines = new ArrayList<>();
    for (Dataflow d : layers.dataflows()) {
      List<Evaluation> path = new ArrayList<>();
      for (LayerOptions o : seq) {
        Evaluation e = o.bestByDataflow().get(d.shortName());
        if (e == null) {
          path = null;
          break;
        }
        path.add(e);
      }
      baselines.add(
          path == null
              ? new Baseline(d.shortName(), false, 0, 0, 0, 0)
              : baseline(d.shortName(), path, fixedCycles, fixedEnergy, handOff));
    }
    List<Evaluation> greedy = new ArrayList<>();
    List<Evaluation> chosen = new ArrayList<>();
    for (int k = 0; k < seq.size(); k++) {
      greedy.add(seq.get(k).evaluated().get(0));
      chosen.add(seq.get(k).evaluated().get(best[k]));
    }
    baselines.add(baseline("greedy", greedy, fixedCycles, fixedEnergy, handOff));
    baselines.add(baseline("optimal", chosen, fixedCycles, fixedEnergy, handOff));

    List<ScheduledLayer> out = new ArrayList<>(all.size());
    long reconfig = hw.cgra().reconfig().cycles();
    String configured = null;
    int k = 0;
    for (int i = 0; i < all.size(); i++) {
      Layer l = all.get(i);
      if (!l.kind().usesArray()) {
        out.add(
            new ScheduledLayer(
                i, l, null, vectorCycles[i], vectorEnergy[i], 0, null, false, false, 0));
        continue;
      }
      Evaluation e = chosen.get(k);
      long paid = reconfig > 0 && !e.configuration().equals(configured) ? reconfig : 0;
      configured = e.configuration();
      boolean in = k > 0 && handOff.applies(k, chosen.get(k - 1), e);
      boolean outKept =
          k + 1 < chosen.size()
              && handOff.applies(k + 1, e, chosen.get(k + 1))
              && handOff.producerOnly(k + 1);
      double saved =
          (in ? handOff.inputSavedPj(e) : 0) + (outKept ? handOff.outputSavedPj(k + 1, e) : 0);
      out.add(new ScheduledLayer(i, l, e, 0, 0, paid, options[i], in, outKept, saved));
      k++;
    }
    return Mapped.of(new Schedule(network, hw, batch, layers.objective(), out, baselines));
  }

  /** Options of every array layer, each distinct shape computed once, on {@code threads}. */
  private LayerOptions[] options(List<Layer> all, int batch) {
    LayerOptions[] options = new LayerOptions[all.size()];
    Map<EvaluationCache.Key, List<Integer>> distinct = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).kind().usesArray()) {
        distinct
            .computeIfAbsent(
                EvaluationCache.key(all.get(i), batch, layers.hardwareKey(), ""),
                key -> new ArrayList<>())
            .add(i);
      }
    }
    List<List<Integer>> groups = new ArrayList<>(distinct.values());
    if (threads == 1 || groups.size() <= 1) {
      for (List<Integer> g : groups) {
        LayerOptions o = layers.options(all.get(g.get(0)), batch);
        for (int i : g) {
          options[i] = o;
        }
      }
      return options;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, groups.size()),
            r -> {
              Thread t = new Thread(r, "tessel-schedule");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<LayerOptions>> futures = new ArrayList<>();
      for (List<Integer> g : groups) {
        Layer l = all.get(g.get(0));
        futures.add(pool.submit(() -> layers.options(l, batch)));
      }
      for (int j = 0; j < groups.size(); j++) {
        LayerOptions o = futures.get(j).get();
        for (int i : groups.get(j)) {
          options[i] = o;
        }
      }
      return options;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scheduling interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The index, per array layer, of the candidate on the network optimum. */
  int[] optimum(List<LayerOptions> seq, HandOff handOff) {
    Objective objective = layers.objective();
    if (objective != Objective.EDP) {
      return objective == Objective.CYCLES ? path(seq, handOff, 1, 0) : path(seq, handOff, 0, 1);
    }
    int[] best = path(seq, handOff, 1, 0);
    double bestEdp = edp(seq, best, handOff);
    for (int iter = 0; iter < 20; iter++) {
      long[] totals = totals(seq, best);
      int[] next = path(seq, handOff, energyOf(seq, best, handOff), (double) totals[0]);
      double v = edp(seq, next, handOff);
      if (!(v < bestEdp)) {
        break;
      }
      best = next;
      bestEdp = v;
    }
    return best;
  }

  /** {@link #path(List, HandOff, double, double)} with no hand-off. */
  int[] path(List<LayerOptions> seq, double a, double b) {
    return path(seq, HandOff.none(seq.size()), a, b);
  }

  /**
   * The path minimising {@code sum (a * cycles + b * energy) + a * reconfigCycles *
   * reconfigurations}, energy net of every hand-off the path allows: the dynamic program of the
   * class comment. A node is reached from the best previous node (plus a reconfiguration), the best
   * previous node of its configuration, or, where the tensor can stay on chip, the best previous
   * node with room to keep it (its saved DRAM write subtracted) and of the same configuration, with
   * the node's own saved DRAM read subtracted. Ties go to the earlier previous node.
   */
  int[] path(List<LayerOptions> seq, HandOff handOff, double a, double b) {
    int n = seq.size();
    long c = hw.cgra().reconfig().cycles();
    double switchCost = c > 0 ? a * c : 0;
    int[][] from = new int[n][];
    double[] prev = new double[0]; // the previous layer's nodes (none before the first)
    List<Evaluation> prevList = List.of();
    // configurations numbered densely as first met: the per-configuration bests are arrays
    Map<String, Integer> configIds = new HashMap<>();
    int[] prevConfig = new int[0];
    for (int k = 0; k < n; k++) {
      List<Evaluation> list = seq.get(k).evaluated();
      double[] val = new double[list.size()];
      from[k] = new int[list.size()];
      int[] config = new int[list.size()];
      for (int j = 0; j < config.length; j++) {
        Integer id = configIds.putIfAbsent(list.get(j).configuration(), configIds.size());
        config[j] = id != null ? id : configIds.size() - 1;
      }
      // reaching from any previous node: the best, and the best of each configuration
      int allBest = -1;
      int[] allByConfig = NONE;
      // reaching with the tensor kept on chip: previous nodes with room, saved write subtracted
      double[] keptVal = new double[0];
      int keptBest = -1;
      int[] keptByConfig = NONE;
      if (k > 0) {
        allBest = best(prev);
        allByConfig = bestByConfig(prev, prevConfig, configIds.size());
        if (b != 0 && handOff.chained(k)) {
          keptVal = new double[prev.length];
          long words = handOff.words(k);
          for (int j = 0; j < prev.length; j++) {
            Evaluation p = prevList.get(j);
            keptVal[j] =
                words <= p.handOff().outputRoomWords()
                    ? prev[j] - b * handOff.outputSavedPj(k, p)
                    : Double.NaN;
          }
          keptBest = best(keptVal);
          keptByConfig = bestByConfig(keptVal, prevConfig, configIds.size());
        }
      }
      for (int j = 0; j < list.size(); j++) {
        Evaluation e = list.get(j);
        double node = a * e.cycles() + b * e.energyPj();
        if (k == 0) {
          val[j] = switchCost + node;
          from[k][j] = -1;
          continue;
        }
        int f = allBest;
        double v = prev[allBest] + switchCost;
        int same = allByConfig.length > 0 ? allByConfig[config[j]] : -1;
        if (same >= 0 && (prev[same] < v || (prev[same] == v && same < f))) {
          v = prev[same];
          f = same;
        }
        if (keptBest >= 0 && handOff.inputWords(k) <= e.handOff().inputRoomWords()) {
          double credit = b * handOff.inputSavedPj(e);
          double kv = keptVal[keptBest] + switchCost - credit;
          if (kv < v || (kv == v && keptBest < f)) {
            v = kv;
            f = keptBest;
          }
          int ks = keptByConfig.length > 0 ? keptByConfig[config[j]] : -1;
          if (ks >= 0) {
            kv = keptVal[ks] - credit;
            if (kv < v || (kv == v && ks < f)) {
              v = kv;
              f = ks;
            }
          }
        }
        val[j] = v + node;
        from[k][j] = f;
      }
      prev = val;
      prevList = list;
      prevConfig = config;
    }
    int[] pick = new int[n];
    if (n == 0) {
      return pick;
    }
    int j = 0;
    for (int x = 1; x < prev.length; x++) {
      if (prev[x] < prev[j]) {
        j = x;
      }
    }
    for (int k = n - 1; k >= 0; k--) {
      pick[k] = j;
      j = from[k][j];
    }
    return pick;
  }

  /** The index of the lowest value (the first of equals), NaN skipped; -1 when none. */
  private static int best(double[] values) {
    int best = -1;
    for (int j = 0; j < values.length; j++) {
      if (Double.isNaN(values[j])) {
        continue;
      }
      if (best < 0 || values[j] < values[best]) {
        best = j;
      }
    }
    return best;
  }

  /** No per-configuration bests (the first layer, or no hand-off). */
  private static final int[] NONE = new int[0];

  /**
   * Per configuration number ({@code config[j]} is node {@code j}'s, all below {@code configs}),
   * the index of the lowest value (the first of equals), NaN skipped; -1 where none.
   */
  private static int[] bestByConfig(double[] values, int[] config, int configs) {
    int[] byConfig = new int[configs];
    Arrays.fill(byConfig, -1);
    for (int j = 0; j < values.length; j++) {
      if (Double.isNaN(values[j])) {
        continue;
      }
      int seen = byConfig[config[j]];
      if (seen < 0 || values[j] < values[seen]) {
        byConfig[config[j]] = j;
      }
    }
    return byConfig;
  }

  private long[] totals(List<LayerOptions> seq, int[] pick) {
    List<Evaluation> path = new ArrayList<>();
    for (int k = 0; k < seq.size(); k++) {
      path.add(seq.get(k).evaluated().get(pick[k]));
    }
    Baseline b = baseline("", path, 0, 0, HandOff.none(path.size()));
    return new long[] {b.cycles()};
  }

  private double energyOf(List<LayerOptions> seq, int[] pick, HandOff handOff) {
    List<Evaluation> path = new ArrayList<>();
    for (int k = 0; k < seq.size(); k++) {
      path.add(seq.get(k).evaluated().get(pick[k]));
    }
    return baseline("", path, 0, 0, handOff).energyPj();
  }

  private double edp(List<LayerOptions> seq, int[] pick, HandOff handOff) {
    return totals(seq, pick)[0] * energyOf(seq, pick, handOff);
  }

  /**
   * Totals of running {@code path}, one evaluation per array layer, in order, with every hand-off
   * it allows.
   */
  Baseline baseline(
      String name, List<Evaluation> path, long otherCycles, double otherEnergy, HandOff handOff) {
    long reconfig = hw.cgra().reconfig().cycles();
    long cycles = otherCycles;
    double energy = otherEnergy;
    int switches = 0;
    String configured = null;
    for (int k = 0; k < path.size(); k++) {
      Evaluation e = path.get(k);
      cycles += e.cycles();
      energy += e.energyPj();
      if (k > 0 && handOff.applies(k, path.get(k - 1), e)) {
        energy -= handOff.inputSavedPj(e) + handOff.outputSavedPj(k, path.get(k - 1));
      }
      if (reconfig > 0 && !e.configuration().equals(configured)) {
        switches++;
        cycles += reconfig;
      }
      configured = e.configuration();
    }
    return new Baseline(name, true, cycles, energy, switches, switches * reconfig);
  }
}
