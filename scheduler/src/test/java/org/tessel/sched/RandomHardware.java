package org.tessel.sched;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.CgraSpec;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.EnergyTable;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.arch.ReconfigSpec;
import org.tessel.sim.arch.ScratchpadSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.Dataflows;

/**
 * Random hardware of one network family, field by field, and copies of it with some fields drawn
 * again ({@link #perturb}). Field names: {@code array.rows}, {@code array.cols}, {@code
 * sram.ifmapKiB}, {@code sram.filterKiB}, {@code sram.ofmapKiB}, {@code sram.wordBytes}, {@code
 * sram.banks}, {@code dram.mode}, {@code dram.bw}, {@code clock}, {@code memoryModel}, {@code
 * dataflow}, {@code noc.link}, {@code noc.hop}, {@code noc.multicast}, {@code glb.banks}, {@code
 * glb.ports}, {@code glb.width}, {@code spad.filter}, {@code spad.ifmap}, {@code spad.psum}, {@code
 * reconfig}, {@code energy}, {@code name}.
 */
final class RandomHardware {
  private static final String[] FIELDS = {
    "array.rows",
    "array.cols",
    "sram.ifmapKiB",
    "sram.filterKiB",
    "sram.ofmapKiB",
    "sram.wordBytes",
    "sram.banks",
    "dram.mode",
    "dram.bw",
    "clock",
    "memoryModel",
    "dataflow",
    "noc.link",
    "noc.hop",
    "noc.multicast",
    "glb.banks",
    "glb.ports",
    "glb.width",
    "spad.filter",
    "spad.ifmap",
    "spad.psum",
    "reconfig",
    "energy",
    "name"
  };

  private final boolean mesh;
  private int rows;
  private int cols;
  private long ifmapKiB;
  private long filterKiB;
  private long ofmapKiB;
  private int wordBytes;
  private int sramBanks;
  private BandwidthMode mode;
  private int bandwidth;
  private double clockMHz;
  private MemoryModel model;
  private String dataflow;
  private int link;
  private int hop;
  private boolean multicast;
  private int glbBanks;
  private int ports;
  private int width;
  private int spadFilter;
  private int spadIfmap;
  private int spadPsum;
  private ReconfigSpec reconfig;
  private EnergyTable energy;
  private String name;

  private RandomHardware(boolean mesh) {
    this.mesh = mesh;
  }

  /** A systolic mesh with every field random. */
  static RandomHardware mesh(SplittableRandom rnd) {
    RandomHardware h = new RandomHardware(true);
    for (String f : FIELDS) {
      h.draw(rnd, f);
    }
    return h;
  }

  /** X/Y buses with every field random. */
  static RandomHardware buses(SplittableRandom rnd) {
    RandomHardware h = new RandomHardware(false);
    for (String f : FIELDS) {
      h.draw(rnd, f);
    }
    return h;
  }

  /** A copy. */
  RandomHardware copy() {
    RandomHardware h = new RandomHardware(mesh);
    h.rows = rows;
    h.cols = cols;
    h.ifmapKiB = ifmapKiB;
    h.filterKiB = filterKiB;
    h.ofmapKiB = ofmapKiB;
    h.wordBytes = wordBytes;
    h.sramBanks = sramBanks;
    h.mode = mode;
    h.bandwidth = bandwidth;
    h.clockMHz = clockMHz;
    h.model = model;
    h.dataflow = dataflow;
    h.link = link;
    h.hop = hop;
    h.multicast = multicast;
    h.glbBanks = glbBanks;
    h.ports = ports;
    h.width = width;
    h.spadFilter = spadFilter;
    h.spadIfmap = spadIfmap;
    h.spadPsum = spadPsum;
    h.reconfig = reconfig;
    h.energy = energy;
    h.name = name;
    return h;
  }

  /**
   * Draws fields again: half the time one field, any, alone; otherwise each of {@code often} with
   * probability 0.6 and every other with 0.04. Returns the fields whose value changed.
   */
  Set<String> perturb(SplittableRandom rnd, Set<String> often) {
    HardwareSpec before = build();
    Set<String> changed = new HashSet<>();
    boolean one = rnd.nextBoolean();
    String only = FIELDS[rnd.nextInt(FIELDS.length)];
    for (String f : FIELDS) {
      if (one ? f.equals(only) : rnd.nextDouble() < (often.contains(f) ? 0.6 : 0.04)) {
        RandomHardware was = copy();
        draw(rnd, f);
        if (!was.build().equals(build())) {
          changed.add(f);
        }
      }
    }
    return before.equals(build()) ? Set.of() : changed;
  }

  /** The hardware. */
  HardwareSpec build() {
    NocSpec noc =
        new NocSpec(mesh ? NocTopology.SYSTOLIC_MESH : NocTopology.XY_BUS, link, hop, multicast);
    CgraSpec cgra =
        new CgraSpec(
            noc,
            new GlbSpec(glbBanks, ports, width),
            new ScratchpadSpec(spadFilter, spadIfmap, spadPsum),
            reconfig,
            energy);
    return new HardwareSpec(
        name,
        new ArraySpec(rows, cols),
        new SramSpec(ifmapKiB, filterKiB, ofmapKiB, wordBytes, sramBanks),
        new DramSpec(mode, bandwidth),
        DataflowKind.find(dataflow).orElseThrow(),
        clockMHz,
        model,
        cgra);
  }

  private void draw(SplittableRandom rnd, String field) {
    switch (field) {
      case "array.rows" -> rows = mesh ? 1 + rnd.nextInt(16) : 3 + rnd.nextInt(10);
      case "array.cols" -> cols = mesh ? 1 + rnd.nextInt(16) : 3 + rnd.nextInt(12);
      case "sram.ifmapKiB" -> ifmapKiB = mesh ? 1 + rnd.nextInt(8) : 4 + rnd.nextInt(100);
      case "sram.filterKiB" -> filterKiB = 1L + rnd.nextInt(mesh ? 8 : 12);
      case "sram.ofmapKiB" -> ofmapKiB = 1L + rnd.nextInt(mesh ? 8 : 100);
      // up to 8-byte words on a mesh: 1 KiB is then 128 words and a fold may not fit half of
      // it; now and then words so wide that half an SRAM holds none
      case "sram.wordBytes" ->
          wordBytes = !mesh ? 1 + rnd.nextInt(2) : rnd.nextInt(8) == 0 ? 600 : 1 << rnd.nextInt(4);
      case "sram.banks" -> sramBanks = 1 + rnd.nextInt(30);
      case "dram.mode" -> mode = rnd.nextBoolean() ? BandwidthMode.CALC : BandwidthMode.USER;
      case "dram.bw" -> bandwidth = 1 + rnd.nextInt(16);
      case "clock" -> clockMHz = 50 + rnd.nextInt(900);
      case "memoryModel" -> model = rnd.nextBoolean() ? MemoryModel.TILES : MemoryModel.SCALESIM;
      case "dataflow" ->
          dataflow = Dataflows.all().get(rnd.nextInt(Dataflows.all().size())).shortName();
      case "noc.link" -> link = 1 + rnd.nextInt(mesh ? 4 : 16);
      case "noc.hop" -> hop = rnd.nextInt(mesh ? 3 : 2);
      case "noc.multicast" -> multicast = rnd.nextBoolean();
      case "glb.banks" -> glbBanks = 1 + rnd.nextInt(30);
      case "glb.ports" -> ports = 1 + rnd.nextInt(mesh ? 2 + rows + cols : 4);
      case "glb.width" -> width = 1 + rnd.nextInt(mesh ? 4 : 16);
      case "spad.filter" -> spadFilter = rnd.nextInt(4) == 0 ? 1 : 8 + rnd.nextInt(250);
      case "spad.ifmap" -> spadIfmap = rnd.nextInt(4) == 0 ? 1 : 6 + rnd.nextInt(20);
      case "spad.psum" -> spadPsum = rnd.nextInt(4) == 0 ? 1 : 4 + rnd.nextInt(30);
      case "reconfig" ->
          reconfig = new ReconfigSpec(rnd.nextInt(5000), 1 + rnd.nextInt(64), rnd.nextInt(10));
      case "energy" ->
          energy =
              new EnergyTable(
                  0.5 + rnd.nextInt(4),
                  0.5 + rnd.nextInt(4),
                  1 + rnd.nextInt(4),
                  2 + rnd.nextInt(10),
                  50 + rnd.nextInt(300));
      case "name" -> name = "hw" + rnd.nextInt(1000);
      default -> throw new IllegalArgumentException(field);
    }
  }
}
