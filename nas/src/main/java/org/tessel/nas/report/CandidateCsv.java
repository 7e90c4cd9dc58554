package org.tessel.nas.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tessel.nas.eval.Metrics;
import org.tessel.nas.search.Candidate;
import org.tessel.nas.search.Ranking;
import org.tessel.sim.config.Csv;

/**
 * Ranked candidates as CSV, one row each: rank (1 first), front (0: non-dominated), arch index and
 * string, accuracy, latency, energy, reconfigurations, dataflow switches, maladaptation,
 * maladaptive layers, dominant dataflow, MACs, parameters, cycles, the latency on each fixed
 * dataflow, feasibility, constraint violation, evaluation order and the reason a network cannot
 * run.
 */
public final class CandidateCsv {
  private CandidateCsv() {}

  /** The CSV text of {@code entries} (ranks numbered from 1 in list order). */
  public static String of(List<Ranking.Entry> entries) {
    Set<String> dataflows = new LinkedHashSet<>();
    for (Ranking.Entry e : entries) {
      dataflows.addAll(e.candidate().metrics().fixedLatencyMs().keySet());
    }
    StringBuilder sb =
        new StringBuilder(
            "rank,front,arch_index,arch,accuracy,latency_ms,"
                + "energy_uj,reconfigurations,dataflow_switches,maladaptation,maladaptive_layers,"
                + "dominant_dataflow,macs,params,cycles");
    for (String d : dataflows) {
      sb.append(",latency_ms_").append(d).append("_only");
    }
    sb.append(",feasible,violation,order,error\n");
    int rank = 1;
    for (Ranking.Entry e : entries) {
      Candidate c = e.candidate();
      Metrics m = c.metrics();
      sb.append(rank++)
          .append(',')
          .append(e.front())
          .append(',')
          .append(c.index() >= 0 ? Long.toString(c.index()) : "")
          .append(',')
          .append(quote(c.arch()))
          .append(',')
          .append(num(c.accuracy()))
          .append(',')
          .append(num(m.latencyMs()))
          .append(',')
          .append(num(m.energyUj()))
          .append(',')
          .append(m.reconfigurations())
          .append(',')
          .append(m.dataflowSwitches())
          .append(',')
          .append(num(m.maladaptation()))
          .append(',')
          .append(m.maladaptiveLayers())
          .append(',')
          .append(m.dominantDataflow())
          .append(',')
          .append(m.macs())
          .append(',')
          .append(m.params())
          .append(',')
          .append(m.cycles());
      for (String d : dataflows) {
        Double v = m.fixedLatencyMs().get(d);
        sb.append(',').append(v == null ? "" : num(v));
      }
      sb.append(',')
          .append(c.feasible())
          .append(',')
          .append(num(c.violation()))
          .append(',')
          .append(c.order())
          .append(',')
          .append(quote(m.error()))
          .append('\n');
    }
    return sb.toString();
  }

  /** A number with up to 9 significant digits, empty for NaN, {@code inf} for infinity. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.9g", v);
    if (s.contains("e")) {
      return s;
    }
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** {@code text} as one field ({@link Csv#quote}), line breaks inside it turned to spaces. */
  static String quote(String text) {
    return Csv.quote(text).replace('\n', ' ');
  }
}
