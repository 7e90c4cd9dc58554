package org.tessel.sim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.ReportRow;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.stats.StreamStats;

/**
 * Writes SCALE-Sim v2's report files with its columns and layout ({@code ", "}-separated with a
 * trailing comma, floats as Python prints them), so that scripts written for SCALE-Sim keep
 * working.
 *
 * <p>SCALE-Sim reports a layer's "Total Cycles" as the index of its last busy cycle counted from 0,
 * one less than the duration Tessel reports elsewhere; these files follow SCALE-Sim.
 */
public final class ScaleSimReports {
  /** The compute report's header line. */
  public static final String COMPUTE_HEADER =
      "LayerID, Total Cycles, Stall Cycles, Overall Util %,"
          + " Mapping Efficiency %, Compute Util %,";

  /** The compute report's header line in SCALE-Sim v3, which adds the second column. */
  public static final String COMPUTE_HEADER_V3 =
      "LayerID, Total Cycles (incl. prefetch),"
          + " Total Cycles, Stall Cycles, Overall Util %, Mapping Efficiency %, Compute Util %,";

  /** The bandwidth report's header line. */
  public static final String BANDWIDTH_HEADER =
      "LayerID, Avg IFMAP SRAM BW, Avg FILTER SRAM BW,"
          + " Avg OFMAP SRAM BW, Avg IFMAP DRAM BW, Avg FILTER DRAM BW, Avg OFMAP DRAM BW,";

  /** The detailed access report's header line. */
  public static final String DETAILED_HEADER =
      "LayerID, SRAM IFMAP Start Cycle,"
          + " SRAM IFMAP Stop Cycle, SRAM IFMAP Reads, SRAM Filter Start Cycle,"
          + " SRAM Filter Stop Cycle, SRAM Filter Reads, SRAM OFMAP Start Cycle,"
          + " SRAM OFMAP Stop Cycle, SRAM OFMAP Writes, DRAM IFMAP Start Cycle,"
          + " DRAM IFMAP Stop Cycle, DRAM IFMAP Reads, DRAM Filter Start Cycle,"
          + " DRAM Filter Stop Cycle, DRAM Filter Reads, DRAM OFMAP Start Cycle,"
          + " DRAM OFMAP Stop Cycle, DRAM OFMAP Writes,";

  private ScaleSimReports() {}

  /** Writes COMPUTE_REPORT.csv, BANDWIDTH_REPORT.csv and DETAILED_ACCESS_REPORT.csv to dir. */
  public static void write(SimResult r, Path dir) throws IOException {
    Files.writeString(dir.resolve("COMPUTE_REPORT.csv"), compute(r));
    Files.writeString(dir.resolve("BANDWIDTH_REPORT.csv"), bandwidth(r));
    Files.writeString(dir.resolve("DETAILED_ACCESS_REPORT.csv"), detailed(r));
  }

  /**
   * The compute report's text. Under SCALE-Sim v3's memory model it has v3's second column, Total
   * Cycles (incl. prefetch): the ofmap DRAM stop cycle minus the earlier of the ifmap and filter
   * DRAM start cycles ({@code single_layer_sim.py}).
   */
  public static String compute(SimResult r) {
    boolean v3 = r.hardware().memoryModel() == MemoryModel.SCALESIM_V3;
    StringBuilder sb = new StringBuilder(v3 ? COMPUTE_HEADER_V3 : COMPUTE_HEADER).append('\n');
    for (LayerResult l : r.layers()) {
      ReportRow row = l.report();
      sb.append(l.index()).append(", ");
      if (v3) {
        sb.append(
                row.dramOfmap().stopCycle()
                    - Math.min(row.dramIfmap().startCycle(), row.dramFilter().startCycle()))
            .append(", ");
      }
      sb.append(row.totalCycles())
          .append(", ")
          .append(row.stallCycles())
          .append(", ")
          .append(PyFloat.repr(row.overallUtilPct()))
          .append(", ")
          .append(PyFloat.repr(row.mappingEfficiencyPct()))
          .append(", ")
          .append(PyFloat.repr(row.computeUtilPct()))
          .append(",\n");
    }
    return sb.toString();
  }

  /**
   * The bandwidth report's text: SRAM words per cycle over the layer's Total Cycles, DRAM words per
   * cycle over each DRAM stream's own window (as SCALE-Sim computes them).
   */
  public static String bandwidth(SimResult r) {
    StringBuilder sb = new StringBuilder(BANDWIDTH_HEADER).append('\n');
    for (LayerResult l : r.layers()) {
      ReportRow row = l.report();
      sb.append(l.index())
          .append(", ")
          .append(PyFloat.repr(row.sramWordsPerCycle(row.sramIfmap())))
          .append(", ")
          .append(PyFloat.repr(row.sramWordsPerCycle(row.sramFilter())))
          .append(", ")
          .append(PyFloat.repr(row.sramWordsPerCycle(row.sramOfmap())))
          .append(", ")
          .append(PyFloat.repr(row.dramIfmap().wordsPerCycleOverWindow()))
          .append(", ")
          .append(PyFloat.repr(row.dramFilter().wordsPerCycleOverWindow()))
          .append(", ")
          .append(PyFloat.repr(row.dramOfmap().wordsPerCycleOverWindow()))
          .append(",\n");
    }
    return sb.toString();
  }

  /** The detailed access report's text. */
  public static String detailed(SimResult r) {
    StringBuilder sb = new StringBuilder(DETAILED_HEADER).append('\n');
    for (LayerResult l : r.layers()) {
      ReportRow row = l.report();
      sb.append(l.index());
      cell(sb, row.sramIfmap());
      cell(sb, row.sramFilter());
      cell(sb, row.sramOfmap());
      cell(sb, row.dramIfmap());
      cell(sb, row.dramFilter());
      cell(sb, row.dramOfmap());
      sb.append(",\n");
    }
    return sb.toString();
  }

  private static void cell(StringBuilder sb, StreamStats s) {
    sb.append(", ")
        .append(s.startCycle())
        .append(".0, ")
        .append(s.stopCycle())
        .append(".0, ")
        .append(s.words());
  }
}
