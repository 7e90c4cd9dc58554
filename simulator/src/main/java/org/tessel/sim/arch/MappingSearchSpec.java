package org.tessel.sim.arch;

/**
 * How a layer's row-stationary mapping is chosen: what the hardware's compiler does.
 *
 * <ul>
 *   <li>{@link Policy#BEST}: the best mapping Tessel can find for this hardware (the lowest energy
 *       proxy, {@code dramPj} DRAM plus {@code glbPj} buffer words, then the fewest cycles). For a
 *       user designing a new chip.
 *   <li>{@link Policy#CHIP}: the rule of the Eyeriss chip's compiler, to reproduce what the chip
 *       does. A pass reads no more channels than one global-buffer bank holds of an image's strip
 *       (one at least). Among those mappings, the ones that switch on at least {@code
 *       minUtilisation} of the most PEs any of them switches on; of those, the fewest DRAM words,
 *       then the lowest energy at every level under the hardware's energy table, then the most
 *       active PEs. The sources are in {@code docs/models/eyeriss/model.md}, section (a).
 * </ul>
 *
 * @param policy which rule
 * @param minUtilisation for {@link Policy#CHIP}: the share of the layer's most active PEs a mapping
 *     must keep, 0 to 1 (0: no floor)
 */
public record MappingSearchSpec(Policy policy, double minUtilisation) {
  /** Today's search, no floor: what hardware without a {@code mapping} section gets. */
  public static final MappingSearchSpec BEST = new MappingSearchSpec(Policy.BEST, 0);

  /** The rule that chooses a mapping. */
  public enum Policy {
    /** The best mapping for the hardware (energy proxy, then cycles). */
    BEST,
    /** The Eyeriss compiler's rule (utilisation floor, DRAM, energy, active PEs). */
    CHIP
  }

  /** Validates the policy and the floor. */
  public MappingSearchSpec {
    if (policy == null) {
      throw new IllegalArgumentException("mapping.search must not be null");
    }
    if (!(minUtilisation >= 0 && minUtilisation <= 1)) {
      throw new IllegalArgumentException(
          "mapping.minUtilisation: expected 0 to 1, was " + minUtilisation);
    }
  }
}
