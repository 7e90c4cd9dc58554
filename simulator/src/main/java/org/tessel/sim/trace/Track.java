package org.tessel.sim.trace;

/** The rows of a timeline: one per component. */
public enum Track {
  /** One span per layer. */
  LAYERS("layers"),
  /** Reconfiguring the array between layers. */
  RECONFIG("reconfiguration"),
  /** The PE array: one span per fold. */
  ARRAY("PE array"),
  /** Cycles the array waited on memory. */
  STALL("array stalls"),
  /** The ifmap SRAM's DRAM read port. */
  IFMAP_DRAM("ifmap DRAM port"),
  /** The filter SRAM's DRAM read port. */
  FILTER_DRAM("filter DRAM port"),
  /** The ofmap SRAM's DRAM write port. */
  OFMAP_DRAM("ofmap DRAM port"),
  /** Vector (element-wise) unit. */
  VECTOR("vector unit");

  static final Track[] VALUES = values();

  private final String title;

  Track(String title) {
    this.title = title;
  }

  /** The row's title in the viewer. */
  public String title() {
    return title;
  }
}
