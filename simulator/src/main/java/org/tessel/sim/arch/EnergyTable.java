package org.tessel.sim.arch;

import org.tessel.sim.util.Checks;

/**
 * Energy per access at each level of the memory hierarchy, in picojoules per word.
 *
 * <p>The defaults are the normalised costs of the Eyeriss dataflow paper (Chen, Emer, Sze,
 * "Eyeriss: A Spatial Architecture for Energy-Efficient Dataflow for CNNs", ISCA 2016, Table IV): a
 * MAC 1, a register-file (scratchpad) access 1, an inter-PE (array/NoC) transfer 2, a global-buffer
 * access 6, a DRAM access 200, scaled by {@code pjPerUnit}, the energy of one 16-bit MAC in 65 nm
 * (about 1 pJ).
 *
 * @param macPj one multiply-accumulate
 * @param rfPj one scratchpad (register file) access
 * @param nocPj one word moved one hop on the array network
 * @param glbPj one global buffer (SRAM) access
 * @param dramPj one DRAM access
 */
public record EnergyTable(double macPj, double rfPj, double nocPj, double glbPj, double dramPj) {
  /** Eyeriss ISCA'16 normalised costs with 1 pJ per unit. */
  public static final EnergyTable EYERISS_NORMALISED = new EnergyTable(1, 1, 2, 6, 200);

  /** Validates every cost. */
  public EnergyTable {
    Checks.positive("energy.macPj", macPj);
    Checks.positive("energy.rfPj", rfPj);
    Checks.positive("energy.nocPj", nocPj);
    Checks.positive("energy.glbPj", glbPj);
    Checks.positive("energy.dramPj", dramPj);
  }
}
