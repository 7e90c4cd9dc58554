package org.tessel.sched;

import java.util.ArrayList;
import java.util.List;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.dataflow.rs.RsEstimator;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.mapping.MappingContext;
import org.tessel.sim.workload.Layer;

/**
 * The candidates of a layer: every dataflow the hardware's network can run, times the tilings of
 * each that fit every buffer and scratchpad.
 */
public final class CandidateSpace {
  private CandidateSpace() {}

  /**
   * The dataflows {@code hw} supports, in {@link Dataflows#all()} order: the systolic dataflows on
   * a systolic mesh (edge registers and neighbour links), row stationary on X/Y buses.
   */
  public static List<Dataflow> dataflows(HardwareSpec hw) {
    boolean mesh = hw.cgra().noc().topology() == NocTopology.SYSTOLIC_MESH;
    List<Dataflow> out = new ArrayList<>();
    for (Dataflow d : Dataflows.all()) {
      if (d.kind().systolic() == mesh) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * The candidates of {@code layer} with {@code dataflow}, in enumeration order (empty when no
   * tiling fits).
   */
  public static List<Candidate> of(
      Layer layer, int batch, Dataflow dataflow, MappingContext context) {
    if (dataflow instanceof SystolicDataflow) {
      return List.of(Candidate.systolic(dataflow));
    }
    List<RsMapping> legal = RsEstimator.of(layer, batch, context).orElseThrow().legal();
    List<Candidate> out = new ArrayList<>(legal.size());
    for (int i = 0; i < legal.size(); i++) {
      out.add(Candidate.rowStationary(legal.get(i), i));
    }
    return out;
  }
}
