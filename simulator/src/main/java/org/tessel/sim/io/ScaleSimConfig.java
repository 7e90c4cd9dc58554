package org.tessel.sim.io;

import java.util.List;
import org.tessel.sim.arch.HardwareSpec;

/**
 * A SCALE-Sim {@code .cfg} file as read: the hardware, which SCALE-Sim's numbers it reproduces and
 * the settings that do not change them.
 *
 * @param hardware the hardware (memory model {@code SCALESIM} for v2, {@code SCALESIM_V3} for v3)
 * @param version 2 or 3
 * @param ignored one line per setting that has no effect, {@code FILE:LINE: KEY: ignored (why)}
 */
public record ScaleSimConfig(HardwareSpec hardware, int version, List<String> ignored) {
  /** Validates and copies. */
  public ScaleSimConfig {
    if (hardware == null) {
      throw new IllegalArgumentException("hardware is required");
    }
    if (version != 2 && version != 3) {
      throw new IllegalArgumentException("SCALE-Sim version must be 2 or 3, was " + version);
    }
    ignored = List.copyOf(ignored);
  }
}
