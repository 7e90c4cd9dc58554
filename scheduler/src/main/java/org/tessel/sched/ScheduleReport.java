package org.tessel.sched;

import java.util.Locale;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;

/** The terminal view of a schedule: per-layer choices, then the totals against the baselines. */
public final class ScheduleReport {
  private ScheduleReport() {}

  /** The per-layer table and the baselines table. */
  public static String table(Schedule s, EvaluationCache cache) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s on %s, batch %d, minimising %s%n",
            s.network().name(),
            s.hardware().name(),
            s.batch(),
            s.objective().shortName()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-4s %-22s %-3s %-34s %12s %8s",
            "#",
            "layer",
            "df",
            "tiling",
            "cycles",
            "reconf"));
    for (Dataflow d : Dataflows.all()) {
      sb.append(String.format(Locale.ROOT, " %12s", "best " + d.shortName()));
    }
    sb.append(String.format(Locale.ROOT, " %6s %4s %9s%n", "occ%", "chip", "sim/cand"));
    for (ScheduledLayer l : s.layers()) {
      if (!l.usesArray()) {
        continue;
      }
      Evaluation e = l.arrayChoice();
      sb.append(
          String.format(
              Locale.ROOT,
              "%-4d %-22s %-3s %-34s %12d %8d",
              l.index(),
              clip(l.layer().name(), 22),
              e.candidate().dataflowName(),
              clip(e.candidate().tiling(), 34),
              e.cycles(),
              l.reconfigCycles()));
      for (Dataflow d : Dataflows.all()) {
        Evaluation b = l.arrayOptions().bestByDataflow().get(d.shortName());
        sb.append(String.format(Locale.ROOT, " %12s", b == null ? "-" : b.cycles()));
      }
      sb.append(
          String.format(
              Locale.ROOT,
              " %6s %4s %9s%n",
              Double.isNaN(e.occupancy())
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", 100 * e.occupancy()),
              (l.inputOnChip() ? "i" : "-") + (l.outputOnChip() ? "o" : "-"),
              l.arrayOptions().simulated() + "/" + l.arrayOptions().candidates()));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%n%-10s %14s %12s %14s %8s %10s%n",
            "schedule",
            "cycles",
            "latency ms",
            "energy uJ",
            "reconf",
            "vs optimal"));
    Baseline opt = s.baseline("optimal");
    if (opt == null) {
      throw new IllegalStateException("a schedule without its optimal baseline");
    }
    for (Baseline b : s.baselines()) {
      if (!b.feasible()) {
        sb.append(String.format(Locale.ROOT, "%-10s %14s%n", b.name(), "(does not fit)"));
        continue;
      }
      double vs =
          s.objective().score(b.cycles(), b.energyPj())
                  / s.objective().score(opt.cycles(), opt.energyPj())
              - 1;
      sb.append(
          String.format(
              Locale.ROOT,
              "%-10s %14d %12.4f %14.3f %8d %9.2f%%%n",
              b.name(),
              b.cycles(),
              s.hardware().millis(b.cycles()),
              b.energyPj() / 1e6,
              b.reconfigurations(),
              100 * vs));
    }
    int arrayLayers = 0;
    int candidates = 0;
    int simulated = 0;
    double savedPj = 0;
    for (ScheduledLayer l : s.layers()) {
      savedPj += l.handOffSavedPj();
      if (l.usesArray()) {
        arrayLayers++;
        candidates += l.arrayOptions().candidates();
        simulated += l.arrayOptions().simulated();
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%d array layers, %d dataflow switches, %d inputs"
                + " handed over on chip (chip i/o: %.3f uJ of DRAM energy saved); %d candidates, %d"
                + " simulated (the rest pruned by lower bound)",
            arrayLayers,
            s.dataflowSwitches(),
            s.handOffs(),
            savedPj / 1e6,
            candidates,
            simulated));
    if (cache != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "; cache %d entries, hit rate %.1f%%",
              cache.size(),
              100 * cache.hitRate()));
    }
    return sb.append(String.format("%n")).toString();
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }
}
