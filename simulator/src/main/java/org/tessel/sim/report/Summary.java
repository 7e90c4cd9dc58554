package org.tessel.sim.report;

import org.tessel.sim.arch.EnergyTable;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.stats.AccessCounts;
import org.tessel.sim.stats.EnergyCounts;

/** Tessel's machine-readable summary (JSON) and its terminal table. */
public final class Summary {
  private Summary() {}

  /** The JSON summary: hardware, totals and one object per layer. Cycles are durations. */
  public static String json(SimResult r) {
    HardwareSpec hw = r.hardware();
    int pes = hw.array().pes();
    Json j = new Json().beginObject();
    j.field("tool", "tessel").field("network", r.network().name()).field("batch", r.batch());
    j.object("hardware")
        .field("name", hw.name())
        .field("arrayRows", hw.array().rows())
        .field("arrayCols", hw.array().cols())
        .field("dataflow", hw.dataflow().shortName())
        .field("ifmapSramKiB", hw.sram().ifmapKiB())
        .field("filterSramKiB", hw.sram().filterKiB())
        .field("ofmapSramKiB", hw.sram().ofmapKiB())
        .field("wordBytes", hw.sram().wordBytes())
        .field("dramMode", hw.dram().mode().name())
        .field("dramBandwidthWordsPerCycle", hw.dram().bandwidthWordsPerCycle())
        .field("clockMHz", hw.clockMHz())
        .endObject();
    j.object("total")
        .field("cycles", r.cycles())
        .field("stallCycles", r.stallCycles())
        .field("reconfigCycles", r.reconfigCycles())
        .field("reconfigurations", r.reconfigurations())
        .field("macs", r.macs())
        .field("latencyMs", r.latencyMs())
        .field("utilization", r.cycles() == 0 ? 0 : (double) r.macs() / pes / r.cycles())
        .field("energyPj", r.energyPj())
        .field("powerMw", r.powerMw())
        .field("gmacPerSecondPerWatt", r.gmacPerSecondPerWatt());
    access(j, r.access());
    energy(j, r.energy(), hw);
    j.endObject();
    j.beginArray("layers");
    for (LayerResult l : r.layers()) {
      j.element()
          .field("index", l.index())
          .field("name", l.layer().name())
          .field("kind", l.layer().kind().name().toLowerCase(java.util.Locale.ROOT))
          .field("dataflow", l.dataflow())
          .field("cycles", l.cycles())
          .field("computeCycles", l.computeCycles())
          .field("stallCycles", l.stallCycles())
          .field("reconfigCycles", l.reconfigCycles())
          .field("configuration", l.configuration())
          .field("latencyMs", hw.millis(l.totalCycles()))
          .field("macs", l.macs())
          .field("folds", l.folds())
          .field("foldCycles", l.foldCycles())
          .field("utilization", l.utilization(pes))
          .field("mappingEfficiency", l.mappingEfficiency(pes))
          .field("computeUtilization", l.computeUtilization(pes));
      access(j, l.access());
      energy(j, l.energy(), hw);
      j.endObject();
    }
    j.endArray();
    return j.endObject().toString();
  }

  private static void energy(Json j, EnergyCounts e, HardwareSpec hw) {
    EnergyTable t = hw.cgra().energy();
    j.object("energy")
        .field("macs", e.macs())
        .field("rfAccesses", e.rfAccesses())
        .field("nocWordHops", e.nocWordHops())
        .field("glbAccesses", e.glbAccesses())
        .field("dramAccesses", e.dramAccesses())
        .field("macPj", e.macPj(t))
        .field("rfPj", e.rfPj(t))
        .field("nocPj", e.nocPj(t))
        .field("glbPj", e.glbPj(t))
        .field("dramPj", e.dramPj(t))
        .field("totalPj", e.totalPj(t))
        .endObject();
  }

  private static void access(Json j, AccessCounts a) {
    j.object("accessWords")
        .field("sramIfmapReads", a.sramIfmapReads())
        .field("sramFilterReads", a.sramFilterReads())
        .field("sramOfmapWrites", a.sramOfmapWrites())
        .field("dramIfmapReads", a.dramIfmapReads())
        .field("dramFilterReads", a.dramFilterReads())
        .field("dramOfmapWrites", a.dramOfmapWrites())
        .endObject();
  }

  private static double pct(double part, double whole) {
    return whole == 0 ? 0 : 100 * part / whole;
  }

  /** A readable per-layer table with totals, for the terminal. */
  public static String table(SimResult r) {
    HardwareSpec hw = r.hardware();
    int pes = hw.array().pes();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            java.util.Locale.ROOT,
            "%s on %s: %dx%d PEs, %s, SRAM %d/%d/%d KiB, DRAM %s%s, %.0f MHz, batch %d%n",
            r.network().name(),
            hw.name(),
            hw.array().rows(),
            hw.array().cols(),
            hw.dataflow().shortName(),
            hw.sram().ifmapKiB(),
            hw.sram().filterKiB(),
            hw.sram().ofmapKiB(),
            hw.dram().mode(),
            hw.dram().mode().name().equals("USER")
                ? " " + hw.dram().bandwidthWordsPerCycle() + " words/cycle"
                : "",
            hw.clockMHz(),
            r.batch()));
    int nameWidth = 5;
    for (LayerResult l : r.layers()) {
      nameWidth = Math.max(nameWidth, l.layer().name().length());
    }
    String fmt = "%3s  %-" + nameWidth + "s  %-7s  %12s  %12s  %9s  %14s  %6s  %10s%n";
    sb.append(
        String.format(
            java.util.Locale.ROOT,
            fmt,
            "#",
            "layer",
            "kind",
            "cycles",
            "stall",
            "reconfig",
            "MACs",
            "util%",
            "ms"));
    for (LayerResult l : r.layers()) {
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              fmt,
              l.index(),
              l.layer().name(),
              l.layer().kind().name().toLowerCase(java.util.Locale.ROOT),
              l.cycles(),
              l.stallCycles(),
              l.reconfigCycles(),
              l.macs(),
              String.format(java.util.Locale.ROOT, "%.1f", 100 * l.utilization(pes)),
              String.format(java.util.Locale.ROOT, "%.4f", hw.millis(l.totalCycles()))));
    }
    sb.append(
        String.format(
            java.util.Locale.ROOT,
            fmt,
            "",
            "total",
            "",
            r.cycles(),
            r.stallCycles(),
            r.reconfigCycles(),
            r.macs(),
            String.format(
                java.util.Locale.ROOT,
                "%.1f",
                r.cycles() == 0 ? 0.0 : 100.0 * r.macs() / pes / r.cycles()),
            String.format(java.util.Locale.ROOT, "%.4f", r.latencyMs())));
    EnergyCounts e = r.energy();
    EnergyTable t = hw.cgra().energy();
    sb.append(
        String.format(
            java.util.Locale.ROOT,
            "energy %.3f uJ (MAC %.1f%%, RF %.1f%%, NoC %.1f%%, GLB %.1f%%, DRAM %.1f%%),"
                + " %.1f mW, %.1f GMAC/s/W%n",
            r.energyPj() * 1e-6,
            pct(e.macPj(t), r.energyPj()),
            pct(e.rfPj(t), r.energyPj()),
            pct(e.nocPj(t), r.energyPj()),
            pct(e.glbPj(t), r.energyPj()),
            pct(e.dramPj(t), r.energyPj()),
            r.powerMw(),
            r.gmacPerSecondPerWatt()));
    return sb.toString();
  }
}
