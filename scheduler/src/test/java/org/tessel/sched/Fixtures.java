package org.tessel.sched;

import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.ReconfigSpec;
import org.tessel.sim.io.Inputs;

/** Hardware the scheduler tests run on. */
final class Fixtures {
  private Fixtures() {}

  /** The default preset (32x32 systolic mesh, calc DRAM, 256-cycle reconfiguration). */
  static HardwareSpec mesh() {
    return Inputs.hardware("default");
  }

  /** The eyeriss preset (12x14 row stationary on X/Y buses, 1794-cycle reconfiguration). */
  static HardwareSpec eyeriss() {
    return EYERISS_CALC;
  }

  /**
   * The eyeriss preset with DRAM hidden ({@code calc}), as these tests assume: the preset itself
   * runs on its off-chip link, where pass sums are lower bounds and nothing is handed over.
   */
  private static final HardwareSpec EYERISS_CALC = calc(Inputs.hardware("eyeriss"));

  private static HardwareSpec calc(HardwareSpec hw) {
    return hw.withDram(hw.dram().withMode(BandwidthMode.CALC));
  }

  /** {@code hw} with DRAM limited to {@code wordsPerCycle} per port (stalls simulated). */
  static HardwareSpec user(HardwareSpec hw, int wordsPerCycle) {
    return new HardwareSpec(
        hw.name() + "_user",
        hw.array(),
        hw.sram(),
        new DramSpec(BandwidthMode.USER, wordsPerCycle),
        hw.dataflow(),
        hw.clockMHz(),
        hw.memoryModel(),
        hw.cgra());
  }

  /** {@code hw} with a reconfiguration of {@code cycles} (bits over a one-bit bus). */
  static HardwareSpec reconfig(HardwareSpec hw, long cycles) {
    return hw.withCgra(hw.cgra().withReconfig(new ReconfigSpec(cycles, 1, 0)));
  }
}
