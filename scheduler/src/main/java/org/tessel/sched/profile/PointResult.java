package org.tessel.sched.profile;

import java.util.List;
import java.util.Objects;

/**
 * What one point of a sweep gave: one row of {@code PROFILE.csv}.
 *
 * @param values the point's parameter values, in grid column order
 * @param feasible false when some layer fits no dataflow and tiling (the figures are then 0)
 * @param cycles total cycles of the network, reconfiguration included
 * @param latencyMs {@code cycles} at the point's clock, in milliseconds
 * @param energyPj total energy under the point's energy table
 * @param utilisation MACs times batch over PEs times cycles, 0 to 1
 * @param onChipBytes the area proxy ({@link AreaProxy#onChipBytes})
 * @param reconfigurations reconfigurations paid (the first configuration included)
 * @param dataflows how many array layers run each dataflow, as {@code os:15 ws:6}
 * @param reason why the point is infeasible (empty when feasible)
 */
public record PointResult(
    List<String> values,
    boolean feasible,
    long cycles,
    double latencyMs,
    double energyPj,
    double utilisation,
    long onChipBytes,
    int reconfigurations,
    String dataflows,
    String reason) {
  /** Copies the values; requires the strings. */
  public PointResult {
    values = List.copyOf(values);
    Objects.requireNonNull(dataflows, "dataflows");
    Objects.requireNonNull(reason, "reason");
  }

  /** An infeasible point. */
  public static PointResult infeasible(List<String> values, long onChipBytes, String reason) {
    return new PointResult(
        values,
        false,
        0,
        0,
        0,
        0,
        onChipBytes,
        0,
        "",
        reason.replace('\n', ' ').replace('\r', ' '));
  }
}
