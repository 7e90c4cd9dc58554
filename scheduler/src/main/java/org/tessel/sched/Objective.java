package org.tessel.sched;

import java.util.Locale;
import java.util.Optional;

/** What a schedule minimises. */
public enum Objective {
  /** Total cycles (latency), reconfiguration included. */
  CYCLES(true, false),
  /** Total energy in picojoules under the hardware's energy table. */
  ENERGY(false, true),
  /** Energy-delay product: total cycles times total energy. */
  EDP(true, true);

  private final boolean usesCycles;
  private final boolean usesEnergy;

  Objective(boolean usesCycles, boolean usesEnergy) {
    this.usesCycles = usesCycles;
    this.usesEnergy = usesEnergy;
  }

  /** Whether more cycles can make a schedule worse under this objective. */
  public boolean usesCycles() {
    return usesCycles;
  }

  /** Whether more energy can make a schedule worse under this objective. */
  public boolean usesEnergy() {
    return usesEnergy;
  }

  /** The score of a layer or network costing {@code cycles} and {@code energyPj}. */
  public double score(long cycles, double energyPj) {
    return switch (this) {
      case CYCLES -> cycles;
      case ENERGY -> energyPj;
      default -> cycles * energyPj;
    };
  }

  /** Lower-case name, as on the command line. */
  public String shortName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The objective named {@code name} (case-insensitive). */
  public static Optional<Objective> find(String name) {
    for (Objective o : values()) {
      if (o.shortName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
