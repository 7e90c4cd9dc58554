package org.tessel.sim.arch;

import org.tessel.sim.util.Checks;
import org.tessel.sim.util.IntMath;

/**
 * The cost of switching the array to another configuration (dataflow or mapping) between layers:
 * the configuration bits are shifted in over the configuration bus, after the array has drained.
 * Consecutive layers with the same configuration pay nothing.
 *
 * @param configBits bits of one configuration (Eyeriss: a 1794-bit scan chain)
 * @param busBitsPerCycle configuration bus width in bits per core cycle
 * @param drainCycles cycles to empty the array before it may be reconfigured (beyond the end of the
 *     last fold, which already includes its pipeline drain)
 */
public record ReconfigSpec(long configBits, int busBitsPerCycle, int drainCycles) {
  /** No reconfiguration cost (SCALE-Sim's assumption). */
  public static final ReconfigSpec FREE = new ReconfigSpec(0, 1, 0);

  /** Validates the figures. */
  public ReconfigSpec {
    Checks.nonNegative("reconfig.configBits", configBits);
    Checks.positive("reconfig.busBitsPerCycle", busBitsPerCycle);
    Checks.nonNegative("reconfig.drainCycles", drainCycles);
  }

  /** Cycles of one reconfiguration: drain, then {@code ceil(configBits / busBitsPerCycle)}. */
  public long cycles() {
    if (configBits == 0 && drainCycles == 0) {
      return 0;
    }
    return drainCycles + IntMath.ceilDiv(configBits, busBitsPerCycle);
  }
}
