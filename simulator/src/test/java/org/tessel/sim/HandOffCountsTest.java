package org.tessel.sim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.EnergyTable;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.Dataflows;
import org.tessel.sim.io.Inputs;
import org.tessel.sim.mapping.LayerMapping;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.workload.Layer;

/**
 * What the simulator gives the scheduler for handing tensors over on chip: the room each mapping
 * leaves for a whole input or output, and a result with the saved DRAM words dropped.
 */
final class HandOffCountsTest {
  @Test
  void systolicRoom_isTheSmallerOfIfmapAndOfmapSram_inWords() {
    // 16 KiB ifmap, 8 KiB ofmap SRAMs of 2-byte words: 8192 and 4096 words, whatever the layer;
    // a kept tensor stays in the ofmap SRAM, which then serves as ifmap SRAM: it must fit both
    HardwareSpec hw =
        new HardwareSpec(
            "h",
            new ArraySpec(8, 8),
            new SramSpec(16, 16, 8, 2, 1),
            new DramSpec(BandwidthMode.CALC, 10),
            DataflowKind.find("ws").orElseThrow(),
            100);
    LayerMapping m =
        new Simulation(hw)
            .map(Layer.conv("c", 10, 10, 3, 3, 1, 1, 8, 1), 1, Dataflows.of(hw.dataflow()))
            .orElseThrow();
    assertAll(
        () -> assertEquals(4096, m.inputRoomWords()),
        () -> assertEquals(4096, m.outputRoomWords()));
  }

  @Test
  void rowStationaryRoom_isTheFreeGlobalBufferBanks() {
    // eyeriss: 25 banks of 4 KiB, 2-byte words; whatever the tiling takes, the rest is free
    HardwareSpec hw = Inputs.hardware("eyeriss");
    Random rnd = new Random(4);
    for (int i = 0; i < 20; i++) {
      Layer l =
          Layer.conv(
              "c",
              6 + rnd.nextInt(20),
              6 + rnd.nextInt(20),
              1 + rnd.nextInt(32),
              1 + 2 * rnd.nextInt(2),
              1,
              1,
              1 + rnd.nextInt(32),
              1);
      LayerMapping m = new Simulation(hw).map(l, 1, Dataflows.of(hw.dataflow())).orElseThrow();
      long bankWords = 4096 / 2;
      assertAll(
          l.toString(),
          () -> assertEquals(m.inputRoomWords(), m.outputRoomWords()),
          () -> assertEquals(0, m.inputRoomWords() % bankWords, "whole banks"),
          () -> assertTrue(m.inputRoomWords() <= 24 * bankWords, "the tiles take a bank or more"),
          () -> assertTrue(m.bufferOccupancy() > 0));
    }
  }

  @Test
  void withHandOff_dropsExactlyTheDramWordsOfItsStreams() {
    HardwareSpec hw =
        new HardwareSpec(
            "h",
            new ArraySpec(4, 4),
            new SramSpec(64, 64, 64, 1, 1),
            new DramSpec(BandwidthMode.CALC, 10),
            DataflowKind.find("os").orElseThrow(),
            100);
    Simulation sim = new Simulation(hw);
    Layer l = Layer.conv("c", 9, 9, 4, 3, 1, 1, 6, 1);
    LayerResult r =
        sim.run(
            0,
            l,
            Dataflows.of(hw.dataflow()),
            sim.map(l, 1, Dataflows.of(hw.dataflow())).orElseThrow());
    EnergyTable t = new EnergyTable(1, 2, 3, 5, 200);
    long in = r.report().dramIfmap().words();
    long out = r.report().dramOfmap().words();
    LayerResult both = r.withHandOff(true, true);
    LayerResult onlyIn = r.withHandOff(true, false);
    assertAll(
        () -> assertTrue(in > 0 && out > 0),
        () -> assertEquals(9 * 9 * 6, out, "every output word once"),
        () -> assertSame(r, r.withHandOff(false, false)),
        () -> assertEquals(0, both.report().dramIfmap().words()),
        () -> assertEquals(0, both.report().dramOfmap().words()),
        () -> assertEquals(r.report().dramFilter(), both.report().dramFilter()),
        () -> assertEquals(r.energy().dramAccesses() - in - out, both.energy().dramAccesses()),
        () -> assertEquals(r.energy().totalPj(t) - 200.0 * in, onlyIn.energy().totalPj(t), 1e-6),
        () -> assertEquals(out, onlyIn.report().dramOfmap().words()),
        () -> assertEquals(r.cycles(), both.cycles()),
        () -> assertEquals(r.stallCycles(), both.stallCycles()));
  }
}
