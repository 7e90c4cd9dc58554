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
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append(r.network().name())
        .append(" on ")
        .append(hw.name())
        .append(": ")
        .append(hw.array().rows())
        .append('x')
        .append(hw.array().cols())
        .append(" PEs, ")
        .append(hw.dataflow().shortName())
        .append(", SRAM ")
        .append(hw.sram().ifmapKiB())
        .append('/')
        .append(hw.sram().filterKiB())
        .append('/')
        .append(hw.sram().ofmapKiB())
        .append(" KiB, DRAM ")
        .append(hw.dram().mode())
        .append(
            hw.dram().mode().name().equals("USER")
                ? " " + hw.dram().bandwidthWordsPerCycle() + " words/cycle"
                : "")
        .append(", ")
        .append(Text.fixed(hw.clockMHz(), 0))
        .append(" MHz, batch ")
        .append(r.batch())
        .append(nl);
    int nameWidth = 5;
    for (LayerResult l : r.layers()) {
      nameWidth = Math.max(nameWidth, l.layer().name().length());
    }
    row(sb, nameWidth, "#", "layer", "kind", "cycles", "stall", "reconfig", "MACs", "util%", "ms");
    for (LayerResult l : r.layers()) {
      row(
          sb,
          nameWidth,
          l.index(),
          l.layer().name(),
          l.layer().kind().name().toLowerCase(java.util.Locale.ROOT),
          l.cycles(),
          l.stallCycles(),
          l.reconfigCycles(),
          l.macs(),
          Text.fixed(100 * l.utilization(pes), 1),
          Text.fixed(hw.millis(l.totalCycles()), 4));
    }
    row(
        sb,
        nameWidth,
        "",
        "total",
        "",
        r.cycles(),
        r.stallCycles(),
        r.reconfigCycles(),
        r.macs(),
        Text.fixed(r.cycles() == 0 ? 0.0 : 100.0 * r.macs() / pes / r.cycles(), 1),
        Text.fixed(r.latencyMs(), 4));
    EnergyCounts e = r.energy();
    EnergyTable t = hw.cgra().energy();
    sb.append("energy ")
        .append(Text.fixed(r.energyPj() * 1e-6, 3))
        .append(" uJ (MAC ")
        .append(Text.fixed(pct(e.macPj(t), r.energyPj()), 1))
        .append("%, RF ")
        .append(Text.fixed(pct(e.rfPj(t), r.energyPj()), 1))
        .append("%, NoC ")
        .append(Text.fixed(pct(e.nocPj(t), r.energyPj()), 1))
        .append("%, GLB ")
        .append(Text.fixed(pct(e.glbPj(t), r.energyPj()), 1))
        .append("%, DRAM ")
        .append(Text.fixed(pct(e.dramPj(t), r.energyPj()), 1))
        .append("%), ")
        .append(Text.fixed(r.powerMw(), 1))
        .append(" mW, ")
        .append(Text.fixed(r.gmacPerSecondPerWatt(), 1))
        .append(" GMAC/s/W")
        .append(nl);
    return sb.toString();
  }

  /** One table row: {@code %3s %-<name>s %-7s %12s %12s %9s %14s %6s %10s%n}. */
  private static void row(
      StringBuilder sb,
      int nameWidth,
      Object index,
      Object name,
      Object kind,
      Object cycles,
      Object stall,
      Object reconfig,
      Object macs,
      Object util,
      Object ms) {
    sb.append(Text.right(index, 3))
        .append("  ")
        .append(Text.left(name, nameWidth))
        .append("  ")
        .append(Text.left(kind, 7))
        .append("  ")
        .append(Text.right(cycles, 12))
        .append("  ")
        .append(Text.right(stall, 12))
        .append("  ")
        .append(Text.right(reconfig, 9))
        .append("  ")
        .append(Text.right(macs, 14))
        .append("  ")
        .append(Text.right(util, 6))
        .append("  ")
        .append(Text.right(ms, 10))
        .append(System.lineSeparator());
  }
}
