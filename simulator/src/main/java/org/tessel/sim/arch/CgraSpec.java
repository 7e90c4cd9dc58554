package org.tessel.sim.arch;

/**
 * What makes the array a coarse-grained reconfigurable array rather than one fixed systolic array:
 * its network, buffer ports, scratchpads, reconfiguration cost and energy table.
 *
 * @param noc the network on chip
 * @param glb banks and ports of the on-chip SRAMs
 * @param scratchpads per-PE scratchpads
 * @param reconfig cost of switching configuration between layers
 * @param energy energy per access
 * @param mapping how the compiler chooses a row-stationary mapping
 */
public record CgraSpec(
    NocSpec noc,
    GlbSpec glb,
    ScratchpadSpec scratchpads,
    ReconfigSpec reconfig,
    EnergyTable energy,
    MappingSearchSpec mapping) {
  /** Requires every part. */
  public CgraSpec {
    if (noc == null
        || glb == null
        || scratchpads == null
        || reconfig == null
        || energy == null
        || mapping == null) {
      throw new IllegalArgumentException(
          "cgra: noc, glb, scratchpads, reconfig, energy and" + " mapping are required");
    }
  }

  /** The parts with the best-mapping search ({@link MappingSearchSpec#BEST}). */
  public CgraSpec(
      NocSpec noc,
      GlbSpec glb,
      ScratchpadSpec scratchpads,
      ReconfigSpec reconfig,
      EnergyTable energy) {
    this(noc, glb, scratchpads, reconfig, energy, MappingSearchSpec.BEST);
  }

  /**
   * SCALE-Sim's systolic array: a mesh of one-word links, one edge port per row and column, one
   * register per operand, free reconfiguration, Eyeriss normalised energies.
   */
  public static CgraSpec systolic(ArraySpec a, int wordBytes) {
    return new CgraSpec(
        NocSpec.systolic(wordBytes),
        GlbSpec.systolicEdge(a, wordBytes),
        ScratchpadSpec.SYSTOLIC,
        ReconfigSpec.FREE,
        EnergyTable.EYERISS_NORMALISED);
  }

  /** The same with another reconfiguration cost. */
  public CgraSpec withReconfig(ReconfigSpec other) {
    return new CgraSpec(noc, glb, scratchpads, other, energy, mapping);
  }

  /** The same with another mapping search. */
  public CgraSpec withMapping(MappingSearchSpec other) {
    return new CgraSpec(noc, glb, scratchpads, reconfig, energy, other);
  }
}
