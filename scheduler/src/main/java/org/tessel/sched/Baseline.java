package org.tessel.sched;

/**
 * The totals of one way of choosing candidates over a whole network.
 *
 * @param name {@code os}, {@code ws}, ... (one dataflow throughout, its best tiling per layer),
 *     {@code greedy} (each layer's best, switches ignored) or {@code optimal} (the network-wide
 *     optimum)
 * @param feasible false when some layer cannot run this way (the totals are then 0)
 * @param cycles total cycles, reconfiguration included
 * @param energyPj total energy
 * @param reconfigurations reconfigurations paid (the first configuration included)
 * @param reconfigCycles cycles spent reconfiguring
 */
public record Baseline(
    String name,
    boolean feasible,
    long cycles,
    double energyPj,
    int reconfigurations,
    long reconfigCycles) {}
