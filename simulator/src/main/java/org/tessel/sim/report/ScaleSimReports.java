package org.tessel.sim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tessel.sim.AccessCounts;
import org.tessel.sim.LayerResult;
import org.tessel.sim.SimResult;

/**
 * Writes SCALE-Sim v2's report files with its columns and layout ({@code ", "}-separated with a
 * trailing comma, floats as Python prints them), so that scripts written for SCALE-Sim keep
 * working.
 *
 * <p>SCALE-Sim reports a layer's "Total Cycles" as the index of its last busy cycle counted from
 * 0, one less than the duration Tessel reports elsewhere; these files follow SCALE-Sim.
 */
public final class ScaleSimReports {
  /** The compute report's header line. */
  public static final String COMPUTE_HEADER = "LayerID, Total Cycles, Stall Cycles, Overall Util %,"
      + " Mapping Efficiency %, Compute Util %,";
  /** The bandwidth report's header line. */
  public static final String BANDWIDTH_HEADER = "LayerID, Avg IFMAP SRAM BW, Avg FILTER SRAM BW,"
      + " Avg OFMAP SRAM BW, Avg IFMAP DRAM BW, Avg FILTER DRAM BW, Avg OFMAP DRAM BW,";
  /** The detailed access report's header line. */
  public static final String DETAILED_HEADER = "LayerID, SRAM IFMAP Start Cycle,"
      + " SRAM IFMAP Stop Cycle, SRAM IFMAP Reads, SRAM Filter Start Cycle,"
      + " SRAM Filter Stop Cycle, SRAM Filter Reads, SRAM OFMAP Start Cycle,"
      + " SRAM OFMAP Stop Cycle, SRAM OFMAP Writes, DRAM IFMAP Start Cycle,"
      + " DRAM IFMAP Stop Cycle, DRAM IFMAP Reads, DRAM Filter Start Cycle,"
      + " DRAM Filter Stop Cycle, DRAM Filter Reads, DRAM OFMAP Start Cycle,"
      + " DRAM OFMAP Stop Cycle, DRAM OFMAP Writes,";

  private ScaleSimReports() {}

  /** SCALE-Sim's "Total Cycles" for a layer. */
  public static long totalCycles(LayerResult l) {
    return l.cycles() - 1;
  }

  /** Writes COMPUTE_REPORT.csv, BANDWIDTH_REPORT.csv and DETAILED_ACCESS_REPORT.csv to dir. */
  public static void write(SimResult r, Path dir) throws IOException {
    Files.writeString(dir.resolve("COMPUTE_REPORT.csv"), compute(r));
    Files.writeString(dir.resolve("BANDWIDTH_REPORT.csv"), bandwidth(r));
    Files.writeString(dir.resolve("DETAILED_ACCESS_REPORT.csv"), detailed(r));
  }

  /** The compute report's text. */
  public static String compute(SimResult r) {
    int pes = r.hardware().array().pes();
    StringBuilder sb = new StringBuilder(COMPUTE_HEADER).append('\n');
    for (LayerResult l : r.layers()) {
      long total = totalCycles(l);
      double overall = total <= 0 ? 0 : 100.0 * l.macs() / ((double) pes * total);
      sb.append(l.index()).append(", ").append(total).append(", ").append(l.stallCycles())
          .append(", ").append(PyFloat.repr(overall))
          .append(", ").append(PyFloat.repr(100.0 * l.mappingEfficiency(pes)))
          .append(", ").append(PyFloat.repr(100.0 * l.computeUtilization(pes)))
          .append(",\n");
    }
    return sb.toString();
  }

  /** The bandwidth report's text: words per cycle averaged over each stream's active window. */
  public static String bandwidth(SimResult r) {
    StringBuilder sb = new StringBuilder(BANDWIDTH_HEADER).append('\n');
    for (LayerResult l : r.layers()) {
      AccessCounts a = l.access();
      double cycles = Math.max(1, totalCycles(l));
      sb.append(l.index())
          .append(", ").append(PyFloat.repr(a.sramIfmapReads() / cycles))
          .append(", ").append(PyFloat.repr(a.sramFilterReads() / cycles))
          .append(", ").append(PyFloat.repr(a.sramOfmapWrites() / cycles))
          .append(", ").append(PyFloat.repr(a.dramIfmapReads() / cycles))
          .append(", ").append(PyFloat.repr(a.dramFilterReads() / cycles))
          .append(", ").append(PyFloat.repr(a.dramOfmapWrites() / cycles))
          .append(",\n");
    }
    return sb.toString();
  }

  /** The detailed access report's text. */
  public static String detailed(SimResult r) {
    StringBuilder sb = new StringBuilder(DETAILED_HEADER).append('\n');
    for (LayerResult l : r.layers()) {
      AccessCounts a = l.access();
      double end = totalCycles(l);
      sb.append(l.index());
      cell(sb, 0.0, end, a.sramIfmapReads());
      cell(sb, 0.0, end, a.sramFilterReads());
      cell(sb, 0.0, end, a.sramOfmapWrites());
      cell(sb, 0.0, end, a.dramIfmapReads());
      cell(sb, 0.0, end, a.dramFilterReads());
      cell(sb, 0.0, end, a.dramOfmapWrites());
      sb.append(",\n");
    }
    return sb.toString();
  }

  private static void cell(StringBuilder sb, double start, double stop, long count) {
    sb.append(", ").append(PyFloat.repr(start)).append(", ").append(PyFloat.repr(stop))
        .append(", ").append(count);
  }
}
