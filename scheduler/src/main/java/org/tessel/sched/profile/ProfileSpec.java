package org.tessel.sched.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tessel.sched.Objective;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * What a sweep computes: a network scheduled for {@code batch} inputs under {@code objective} on
 * every point of {@code grid}, each point being {@code hardware} with the point's values.
 *
 * @param network the network
 * @param hardware the base hardware the grid's values are applied to
 * @param objective what each point's schedule minimises
 * @param batch inputs per run
 * @param grid the points
 */
public record ProfileSpec(
    Network network, HardwareSpec hardware, Objective objective, int batch, Grid grid) {
  /** Requires every part and {@code batch > 0}. */
  public ProfileSpec {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(grid, "grid");
    if (batch <= 0) {
      throw new IllegalArgumentException("batch: must be > 0, was " + batch);
    }
  }

  /**
   * The hardware of every point, in grid order, after checking that the grid makes sense on the
   * base hardware.
   *
   * @throws ConfigException when a point's values make no valid hardware, or when the DRAM
   *     bandwidth is swept but no point uses it ({@code dram.mode} is {@code calc} throughout)
   */
  public List<HardwareSpec> pointHardware() {
    List<HardwareSpec> out = new ArrayList<>();
    boolean anyUser = false;
    for (Point p : grid.points()) {
      HardwareSpec hw = p.hardware(hardware);
      anyUser |= hw.dram().mode() == BandwidthMode.USER;
      out.add(hw);
    }
    if (grid.params().contains(Param.DRAM_BANDWIDTH) && !anyUser) {
      throw new ConfigException(
          "--sweep",
          0,
          Param.DRAM_BANDWIDTH.key(),
          "has no effect:"
              + " dram.mode is calc at every point ("
              + hardware.name()
              + "); add dram.mode=user to"
              + " the grid");
    }
    return out;
  }

  /** The first line of {@code PROFILE.csv}: the inputs every row depends on. */
  String provenance() {
    return "# tessel profile: network "
        + network.name()
        + " (sha256:"
        + digest(networkText())
        + "), hardware "
        + hardware.name()
        + " (sha256:"
        + digest(hardware.toString())
        + "), objective "
        + objective.shortName()
        + ", batch "
        + batch;
  }

  private String networkText() {
    StringBuilder sb = new StringBuilder();
    for (Layer l : network.layers()) {
      sb.append(l).append(" <- ");
      for (Layer in : network.inputsOf(l)) {
        sb.append(in.name()).append(',');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        sb.append(String.format("%02x", d[i]));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
