package org.tessel.sim.dataflow.rs;

/**
 * The cycles of one row-stationary processing pass and the terms they come from (see {@link
 * PassTimer}).
 *
 * @param startCycles filter fill and first ifmap windows, {@code T_start}
 * @param steadyCycles streaming, {@code T_steady = max(peCycles, busCycles)}
 * @param skewCycles wait for the partial sums to climb the chains, {@code T_skew}
 * @param drainCycles last partial sums to the buffer, {@code T_drain}
 * @param filterFillCycles busiest link of the filter fill alone (with the first ifmap windows when
 *     they share links)
 * @param ifmapFillCycles busiest link of the first ifmap windows alone
 * @param peCycles the PE bound of the steady state: MACs plus scratchpad refill stalls
 * @param busCycles busiest link of the steady state (ifmap stream, psum read-back and write-back)
 * @param macCycles the MACs of one PE ({@code n F p q S}), the part of {@code peCycles} that
 *     computes
 */
public record PassCycles(
    long startCycles,
    long steadyCycles,
    long skewCycles,
    long drainCycles,
    long filterFillCycles,
    long ifmapFillCycles,
    long peCycles,
    long busCycles,
    long macCycles) {

  /** {@code T_pass = T_start + T_steady + T_skew + T_drain}. */
  public long total() {
    return startCycles + steadyCycles + skewCycles + drainCycles;
  }
}
