package org.tessel.sched.profile;

import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.arch.ScratchpadSpec;

/**
 * The area proxy of a sweep: total on-chip storage in bytes, the operand SRAMs plus every PE's
 * scratchpads. Storage dominates the area of such accelerators (Eyeriss: the global buffer and the
 * scratchpads take most of the core), and it is exact, where an area model would need a technology
 * library.
 */
public final class AreaProxy {
  /** What {@link #onChipBytes} counts, for file headers and docs. */
  public static final String DEFINITION =
      "operand SRAM bytes ((sram.ifmapKiB + sram.filterKiB"
          + " + sram.ofmapKiB) x 1024; sram.ofmapKiB not counted on xybus hardware, where it names"
          + " the ifmap SRAM) + scratchpad bytes of every PE ((scratchpad.filterWords + ifmapWords +"
          + " psumWords) x sram.wordBytes x PEs; a systolic PE has one register per operand)";

  private AreaProxy() {}

  /** Bytes of on-chip storage of {@code hw}: SRAMs plus scratchpads times PEs. */
  public static long onChipBytes(HardwareSpec hw) {
    boolean xyBus = hw.cgra().noc().topology() == NocTopology.XY_BUS;
    long sramKiB =
        hw.sram().ifmapKiB() + hw.sram().filterKiB() + (xyBus ? 0 : hw.sram().ofmapKiB());
    ScratchpadSpec s = hw.cgra().scratchpads();
    long spadWords = (long) s.filterWords() + s.ifmapWords() + s.psumWords();
    return sramKiB * 1024 + spadWords * hw.sram().wordBytes() * hw.array().pes();
  }
}
