package org.tessel.sim.limits;

/**
 * The largest (and smallest) values Tessel accepts, documented in docs/inputs.md#limits. Inputs
 * past them are refused with the file, line and field before any work starts, so that no count
 * derived from them can overflow and no loop over them can run for hours.
 */
public final class Limits {
  /** PE rows or columns of an array. */
  public static final int MAX_ARRAY_SIDE = 65_536;

  /** PEs of an array ({@code rows * cols}): 2^16, a 256 x 256 array. */
  public static final long MAX_PES = 1L << 16;

  /** KiB of one SRAM: 2^30 (1 TiB). */
  public static final long MAX_SRAM_KIB = 1L << 30;

  /** The slowest clock accepted, in MHz (1 kHz). */
  public static final double MIN_CLOCK_MHZ = 1e-3;

  /** The fastest clock accepted, in MHz (100 GHz). */
  public static final double MAX_CLOCK_MHZ = 1e5;

  /** Folds (or passes) of one layer at the given batch, over all its groups: 2^24. */
  public static final long MAX_FOLDS = 1L << 24;

  /** Layers of one network (after SCALE-Sim's depthwise rows are split per channel): 2^16. */
  public static final int MAX_LAYERS = 1 << 16;

  private Limits() {}
}
