package org.tessel.sim.arch;

import org.tessel.sim.limits.Limits;
import org.tessel.sim.util.Checks;

/**
 * A whole accelerator: PE array, SRAMs, DRAM interface, dataflow and clock.
 *
 * @param name the run name used for report folders
 * @param array PE array
 * @param sram operand SRAMs
 * @param dram DRAM interface
 * @param dataflow the dataflow every layer runs with
 * @param clockMHz core clock, for latency in time units
 * @param memoryModel how SRAMs and DRAM are modelled
 * @param cgra network, buffer ports, scratchpads, reconfiguration and energy
 */
public record HardwareSpec(
    String name,
    ArraySpec array,
    SramSpec sram,
    DramSpec dram,
    DataflowKind dataflow,
    double clockMHz,
    MemoryModel memoryModel,
    CgraSpec cgra) {
  /** Validates every part. */
  public HardwareSpec {
    Checks.notBlank("name", name);
    if (array == null
        || sram == null
        || dram == null
        || dataflow == null
        || memoryModel == null
        || cgra == null) {
      throw new IllegalArgumentException(
          "hardware '"
              + name
              + "': array, sram, dram, dataflow,"
              + " memoryModel and cgra are required");
    }
    Checks.positive("clockMHz", clockMHz);
    if (clockMHz < Limits.MIN_CLOCK_MHZ || clockMHz > Limits.MAX_CLOCK_MHZ) {
      throw new IllegalArgumentException(
          "clockMHz: must be between "
              + Limits.MIN_CLOCK_MHZ
              + " and "
              + Limits.MAX_CLOCK_MHZ
              + " MHz (1 kHz to 100 GHz), was "
              + clockMHz);
    }
  }

  /** Hardware with a systolic-mesh CGRA part (SCALE-Sim's array). */
  public HardwareSpec(
      String name,
      ArraySpec array,
      SramSpec sram,
      DramSpec dram,
      DataflowKind dataflow,
      double clockMHz,
      MemoryModel memoryModel) {
    this(
        name,
        array,
        sram,
        dram,
        dataflow,
        clockMHz,
        memoryModel,
        CgraSpec.systolic(array, sram.wordBytes()));
  }

  /** Hardware with Tessel's tile memory model. */
  public HardwareSpec(
      String name,
      ArraySpec array,
      SramSpec sram,
      DramSpec dram,
      DataflowKind dataflow,
      double clockMHz) {
    this(name, array, sram, dram, dataflow, clockMHz, MemoryModel.TILES);
  }

  /** The same hardware running another dataflow. */
  public HardwareSpec withDataflow(DataflowKind other) {
    return new HardwareSpec(name, array, sram, dram, other, clockMHz, memoryModel, cgra);
  }

  /** The same hardware under another run name. */
  public HardwareSpec withName(String other) {
    return new HardwareSpec(other, array, sram, dram, dataflow, clockMHz, memoryModel, cgra);
  }

  /** The same hardware with another memory model. */
  public HardwareSpec withMemoryModel(MemoryModel other) {
    return new HardwareSpec(name, array, sram, dram, dataflow, clockMHz, other, cgra);
  }

  /** The same hardware with another DRAM interface. */
  public HardwareSpec withDram(DramSpec other) {
    return new HardwareSpec(name, array, sram, other, dataflow, clockMHz, memoryModel, cgra);
  }

  /** The same hardware with another CGRA part. */
  public HardwareSpec withCgra(CgraSpec other) {
    return new HardwareSpec(name, array, sram, dram, dataflow, clockMHz, memoryModel, other);
  }

  /** Milliseconds taken by {@code cycles} at this clock. */
  public double millis(long cycles) {
    return cycles / (clockMHz * 1000.0);
  }
}
