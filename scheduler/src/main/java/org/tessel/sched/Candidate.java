package org.tessel.sched;

import org.tessel.sim.dataflow.Dataflow;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.dataflow.PinnedRowStationary;
import org.tessel.sim.dataflow.SystolicDataflow;
import org.tessel.sim.dataflow.rs.RsMapping;

/**
 * One way to run a layer: a dataflow and a tiling. Systolic dataflows have one tiling on a given
 * array (the fold grid the array fixes; the SRAM blocking follows from the buffer sizes), written
 * {@code -}; row stationary has one per legal {@link RsMapping} (the loop blocking at the
 * scratchpad and global-buffer levels).
 *
 * @param dataflow the dataflow that maps the layer (for row stationary, pinned to the tiling)
 * @param tiling the tiling as text ({@code -} for systolic dataflows)
 * @param dataflowRank position of the dataflow in {@link Dataflows#all()} (for tie-breaks)
 * @param tilingRank position of the tiling in its dataflow's enumeration order (for tie-breaks)
 */
public record Candidate(Dataflow dataflow, String tiling, int dataflowRank, int tilingRank) {
  /** Text of the one tiling of a systolic dataflow. */
  public static final String SYSTOLIC_TILING = "-";

  /** Checks the fields. */
  public Candidate {
    if (dataflow == null || tiling == null || tiling.isBlank()) {
      throw new IllegalArgumentException("candidate needs a dataflow and a tiling");
    }
  }

  /** The candidate of a systolic dataflow. */
  public static Candidate systolic(Dataflow dataflow) {
    return new Candidate(dataflow, SYSTOLIC_TILING, Dataflows.all().indexOf(dataflow), 0);
  }

  /** The row-stationary candidate with {@code mapping}, the {@code rank}-th enumerated. */
  public static Candidate rowStationary(RsMapping mapping, int rank) {
    PinnedRowStationary d = new PinnedRowStationary(mapping);
    return new Candidate(d, mapping.toString(), rankOf(d.shortName()), rank);
  }

  /**
   * The candidate a schedule file names.
   *
   * @throws IllegalArgumentException for an unknown dataflow or a tiling that does not parse
   */
  public static Candidate parse(String dataflow, String tiling) {
    Dataflow d =
        Dataflows.find(dataflow)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown dataflow '" + dataflow + "', expected " + Dataflows.names()));
    if (d instanceof SystolicDataflow) {
      if (!tiling.trim().equals(SYSTOLIC_TILING)) {
        throw new IllegalArgumentException(
            d.shortName() + " has one tiling, '-', not '" + tiling + "'");
      }
      return systolic(d);
    }
    return rowStationary(RsMapping.parse(tiling), 0);
  }

  /** Short name of the dataflow. */
  public String dataflowName() {
    return dataflow.shortName();
  }

  /** The content key: dataflow and tiling. */
  public String key() {
    return dataflowName() + " " + tiling;
  }

  private static int rankOf(String shortName) {
    return Dataflows.all().indexOf(Dataflows.find(shortName).orElseThrow());
  }
}
