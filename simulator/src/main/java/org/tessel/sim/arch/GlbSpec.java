package org.tessel.sim.arch;

import org.tessel.sim.util.Checks;

/**
 * How the on-chip SRAMs are built: banks, and the ports through which the array reads and writes
 * them. The capacity per operand is in {@link SramSpec}.
 *
 * @param banks independent banks (a bank serves one access per port per cycle)
 * @param ports ports towards the array
 * @param bytesPerPortPerCycle bytes one port moves per cycle
 */
public record GlbSpec(int banks, int ports, int bytesPerPortPerCycle) {
  /** Validates the figures. */
  public GlbSpec {
    Checks.positive("glb.banks", banks);
    Checks.positive("glb.ports", ports);
    Checks.positive("glb.bytesPerPortPerCycle", bytesPerPortPerCycle);
  }

  /** A systolic array's edge: one word-wide port per PE row and per PE column. */
  public static GlbSpec systolicEdge(ArraySpec a, int wordBytes) {
    return new GlbSpec(1, a.rows() + a.cols(), wordBytes);
  }
}
