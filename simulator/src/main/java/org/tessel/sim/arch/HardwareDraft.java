package org.tessel.sim.arch;

/**
 * The fields of a {@link HardwareSpec} as plain variables, for {@link HardwareField}s to overwrite
 * (a profile point's parameters) before the records are built (and validated) again.
 *
 * <p>Some fields follow others when the base hardware left them at the default that follows ({@code
 * docs/hardware-format.md}), unless the grid sets them: {@code glb.ports} stays one port per row
 * and per column ({@code array.rows + array.cols}) when the array changes, {@code noc.multicast}
 * stays the topology's default ({@code true} for {@code xybus}) when {@code noc.topology} changes,
 * and each of the four bus widths ({@code noc.ifmapBytesPerCycle}, ...) stays {@code
 * noc.linkBytesPerCycle} when the link width changes.
 */
public final class HardwareDraft {
  private final HardwareSpec base;
  String name;
  double clockMHz;
  DataflowKind dataflow;
  MemoryModel memoryModel;
  int wordBytes;
  int rows;
  int cols;
  long ifmapKiB;
  long filterKiB;
  long ofmapKiB;
  int sramBanks;
  boolean userBandwidth;
  boolean linkMode;
  int bandwidthWordsPerCycle;
  int linkBits;
  double linkClockMHz;
  double rlcZeroFraction;
  double rlcOfmapZeroFraction;
  boolean ifmapLoadsStall;
  boolean xyBus;
  int linkBytesPerCycle;
  int hopLatencyCycles;

  /** Widths of the ifmap, filter, psum-in and psum-out buses, and whether a grid set each. */
  private final int[] busBytesPerCycle;

  private final boolean[] busSet = new boolean[4];
  boolean multicast;
  boolean multicastSet;
  int glbBanks;
  int glbPorts;
  boolean glbPortsSet;
  int bytesPerPortPerCycle;
  int filterWords;
  int ifmapWords;
  int psumWords;
  long configBits;
  int busBitsPerCycle;
  int drainCycles;
  final double[] energy;
  boolean chipMapping;
  double minUtilisation;

  /** A draft holding the fields of {@code base}. */
  public HardwareDraft(HardwareSpec base) {
    this.base = base;
    name = base.name();
    dataflow = base.dataflow();
    memoryModel = base.memoryModel();
    wordBytes = base.sram().wordBytes();
    rows = base.array().rows();
    cols = base.array().cols();
    ifmapKiB = base.sram().ifmapKiB();
    filterKiB = base.sram().filterKiB();
    ofmapKiB = base.sram().ofmapKiB();
    sramBanks = base.sram().banks();
    userBandwidth = base.dram().mode() == BandwidthMode.USER;
    linkMode = base.dram().mode() == BandwidthMode.LINK;
    bandwidthWordsPerCycle = base.dram().bandwidthWordsPerCycle();
    linkBits = base.dram().linkBits();
    linkClockMHz = base.dram().linkClockMHz();
    rlcZeroFraction = base.dram().rlcZeroFraction();
    rlcOfmapZeroFraction = base.dram().rlcOfmapZeroFraction();
    ifmapLoadsStall = base.dram().ifmapLoadsStall();
    clockMHz = base.clockMHz();
    CgraSpec c = base.cgra();
    xyBus = c.noc().topology() == NocTopology.XY_BUS;
    linkBytesPerCycle = c.noc().linkBytesPerCycle();
    hopLatencyCycles = c.noc().hopLatencyCycles();
    busBytesPerCycle =
        new int[] {
          c.noc().ifmapBytesPerCycle(),
          c.noc().filterBytesPerCycle(),
          c.noc().psumInBytesPerCycle(),
          c.noc().psumOutBytesPerCycle()
        };
    multicast = c.noc().multicast();
    glbBanks = c.glb().banks();
    glbPorts = c.glb().ports();
    bytesPerPortPerCycle = c.glb().bytesPerPortPerCycle();
    filterWords = c.scratchpads().filterWords();
    ifmapWords = c.scratchpads().ifmapWords();
    psumWords = c.scratchpads().psumWords();
    configBits = c.reconfig().configBits();
    busBitsPerCycle = c.reconfig().busBitsPerCycle();
    drainCycles = c.reconfig().drainCycles();
    EnergyTable e = c.energy();
    energy = new double[] {e.macPj(), e.rfPj(), e.nocPj(), e.glbPj(), e.dramPj()};
    chipMapping = c.mapping().policy() == MappingSearchSpec.Policy.CHIP;
    minUtilisation = c.mapping().minUtilisation();
  }

  /** Sets the width of bus {@code i} (ifmap, filter, psum in, psum out). */
  void setBusBytesPerCycle(int i, int bytesPerCycle) {
    busBytesPerCycle[i] = bytesPerCycle;
    busSet[i] = true;
  }

  /** Bus {@code i}'s width: its own, or the link's when it followed the base hardware's link. */
  private int bus(int i, NocSpec base) {
    return busSet[i] || busBytesPerCycle[i] != base.linkBytesPerCycle()
        ? busBytesPerCycle[i]
        : linkBytesPerCycle;
  }

  /**
   * The hardware these fields describe.
   *
   * @throws IllegalArgumentException when a record refuses a value
   */
  public HardwareSpec build() {
    CgraSpec c = base.cgra();
    ArraySpec array = new ArraySpec(rows, cols);
    SramSpec sram = new SramSpec(ifmapKiB, filterKiB, ofmapKiB, wordBytes, sramBanks);
    DramSpec dram =
        DramSpec.link(
                userBandwidth
                    ? BandwidthMode.USER
                    : linkMode ? BandwidthMode.LINK : BandwidthMode.CALC,
                bandwidthWordsPerCycle,
                linkBits,
                linkClockMHz,
                rlcZeroFraction)
            .withRlcZeroFractions(rlcZeroFraction, rlcOfmapZeroFraction)
            .withIfmapLoadsStall(ifmapLoadsStall);
    boolean baseXy = c.noc().topology() == NocTopology.XY_BUS;
    boolean mc = multicast;
    if (!multicastSet && c.noc().multicast() == baseXy) {
      mc = xyBus;
    }
    NocSpec bn = c.noc();
    NocSpec noc =
        new NocSpec(
            xyBus ? NocTopology.XY_BUS : NocTopology.SYSTOLIC_MESH,
            linkBytesPerCycle,
            hopLatencyCycles,
            mc,
            bus(0, bn),
            bus(1, bn),
            bus(2, bn),
            bus(3, bn));
    int ports = glbPorts;
    ArraySpec baseArray = base.array();
    if (!glbPortsSet && c.glb().ports() == baseArray.rows() + baseArray.cols()) {
      ports = rows + cols;
    }
    GlbSpec glb = new GlbSpec(glbBanks, ports, bytesPerPortPerCycle);
    ScratchpadSpec spad = new ScratchpadSpec(filterWords, ifmapWords, psumWords);
    ReconfigSpec reconfig = new ReconfigSpec(configBits, busBitsPerCycle, drainCycles);
    EnergyTable table = new EnergyTable(energy[0], energy[1], energy[2], energy[3], energy[4]);
    DataflowKind df = dataflow;
    if (df.systolic() == xyBus) { // noc.topology changed: the network's own dataflow
      df = xyBus ? DataflowKind.RS : DataflowKind.OS;
    }
    return new HardwareSpec(
        name,
        array,
        sram,
        dram,
        df,
        clockMHz,
        memoryModel,
        new CgraSpec(
            noc,
            glb,
            spad,
            reconfig,
            table,
            new MappingSearchSpec(
                chipMapping ? MappingSearchSpec.Policy.CHIP : MappingSearchSpec.Policy.BEST,
                minUtilisation)));
  }
}
