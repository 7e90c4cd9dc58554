package org.tessel.nas.report;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.tessel.sched.Evaluation;
import org.tessel.sched.Schedule;
import org.tessel.sched.ScheduledLayer;
import org.tessel.sim.workload.Layer;

/**
 * A candidate's per-layer schedule as CSV: each layer in execution order with its kind and shape,
 * the chosen dataflow and tiling, cycles, energy and the reconfiguration paid before it, and for
 * every dataflow that can run it, its best cycles there (what the layer-adaptive choice was made
 * from).
 */
public final class ScheduleCsv {
  private ScheduleCsv() {}

  /** The CSV text of {@code s}. */
  public static String of(Schedule s) {
    Set<String> dataflows = new LinkedHashSet<>();
    for (ScheduledLayer l : s.layers()) {
      if (l.usesArray()) {
        dataflows.addAll(l.arrayOptions().bestByDataflow().keySet());
      }
    }
    StringBuilder sb =
        new StringBuilder(
            "index,layer,kind,in_h,in_w,in_c,kernel,stride,out_h,"
                + "out_w,out_c,groups,macs,dataflow,tiling,cycles,energy_pj,reconfig_cycles,"
                + "input_on_chip,output_on_chip");
    for (String d : dataflows) {
      sb.append(",best_cycles_").append(d);
    }
    sb.append('\n');
    for (ScheduledLayer sl : s.layers()) {
      Layer l = sl.layer();
      sb.append(sl.index())
          .append(',')
          .append(CandidateCsv.quote(l.name()))
          .append(',')
          .append(l.kind().name().toLowerCase(java.util.Locale.ROOT))
          .append(',')
          .append(l.inH())
          .append(',')
          .append(l.inW())
          .append(',')
          .append(l.inC())
          .append(',')
          .append(l.kernelH())
          .append('x')
          .append(l.kernelW())
          .append(',')
          .append(l.strideH())
          .append(',')
          .append(l.outH())
          .append(',')
          .append(l.outW())
          .append(',')
          .append(l.outC())
          .append(',')
          .append(l.groups())
          .append(',')
          .append(l.macs())
          .append(',');
      if (sl.usesArray()) {
        sb.append(sl.arrayChoice().candidate().dataflowName())
            .append(',')
            .append(CandidateCsv.quote(sl.arrayChoice().candidate().tiling()));
      } else {
        sb.append("vector,-");
      }
      sb.append(',')
          .append(sl.cycles())
          .append(',')
          .append(CandidateCsv.num(sl.energyPj()))
          .append(',')
          .append(sl.reconfigCycles())
          .append(',')
          .append(sl.inputOnChip() ? "yes" : "no")
          .append(',')
          .append(sl.outputOnChip() ? "yes" : "no");
      Map<String, Evaluation> best = sl.usesArray() ? sl.arrayOptions().bestByDataflow() : Map.of();
      for (String d : dataflows) {
        Evaluation e = best.get(d);
        sb.append(',').append(e == null ? "" : Long.toString(e.cycles()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
