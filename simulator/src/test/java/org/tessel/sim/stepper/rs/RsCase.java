package org.tessel.sim.stepper.rs;

import java.util.List;
import java.util.SplittableRandom;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.CgraSpec;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.GlbSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.MemoryModel;
import org.tessel.sim.arch.NocSpec;
import org.tessel.sim.arch.NocTopology;
import org.tessel.sim.arch.ScratchpadSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.dataflow.rs.RsEstimator;
import org.tessel.sim.dataflow.rs.RsLayerMapping;
import org.tessel.sim.dataflow.rs.RsMapping;
import org.tessel.sim.dataflow.rs.RsShape;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;

/**
 * A random small convolution, random Eyeriss-like hardware (array, scratchpads, bus widths per
 * network, read ports) and a random legal row-stationary mapping of it.
 *
 * @param layer the layer
 * @param batch inputs
 * @param hw the hardware (rs, X/Y buses, multicast, no hop latency, CALC DRAM)
 * @param mapping a legal mapping of the layer on {@code hw}
 */
record RsCase(Layer layer, int batch, HardwareSpec hw, RsMapping mapping) {
  private static final int WORD_BYTES = 2;

  /** A random case; null when the drawn layer has no legal mapping on the drawn hardware. */
  static RsCase random(SplittableRandom rnd, int scale) {
    int kh = rnd.nextInt(1, 4);
    int kw = rnd.nextInt(1, 4);
    int inH = rnd.nextInt(kh, kh + 6 * scale + 1);
    int inW = rnd.nextInt(kw, kw + 6 * scale + 1);
    int inC = rnd.nextInt(1, 5);
    int outC = rnd.nextInt(1, 7);
    int sh = rnd.nextInt(1, 3);
    int sw = rnd.nextInt(1, 3);
    int outH = (inH - kh) / sh + 1;
    int outW = (inW - kw) / sw + 1;
    Layer layer =
        new Layer("rs", LayerKind.CONV, inH, inW, inC, kh, kw, sh, sw, 0, 0, outH, outW, outC, 1);
    int batch = rnd.nextInt(1, 3);
    HardwareSpec hw = hardware(rnd, scale);
    RsEstimator est = estimator(layer, batch, hw);
    List<RsMapping> legal = est.legal();
    if (legal.isEmpty()) {
      return null;
    }
    return new RsCase(layer, batch, hw, legal.get(rnd.nextInt(legal.size())));
  }

  static HardwareSpec hardware(SplittableRandom rnd, int scale) {
    HardwareSpec eyeriss = HardwareReader.preset("eyeriss");
    int rows = rnd.nextInt(2, 6 * scale + 1);
    int cols = rnd.nextInt(1, 5 * scale + 1);
    int[] bus = new int[4];
    for (int k = 0; k < 4; k++) {
      bus[k] = rnd.nextInt(1, rnd.nextInt(1, 5) + 1) * WORD_BYTES;
    }
    NocSpec noc = new NocSpec(NocTopology.XY_BUS, 8, 0, true, bus[0], bus[1], bus[2], bus[3]);
    GlbSpec glb = new GlbSpec(25, rnd.nextInt(1, 4), rnd.nextInt(1, 5) * WORD_BYTES);
    ScratchpadSpec spads =
        new ScratchpadSpec(rnd.nextInt(8, 65), rnd.nextInt(3, 13), rnd.nextInt(2, 25));
    CgraSpec c = eyeriss.cgra();
    return new HardwareSpec(
            "rs-stepper",
            new ArraySpec(rows, cols),
            new SramSpec(100, 8, 100, WORD_BYTES, 25),
            new DramSpec(BandwidthMode.CALC, 1),
            DataflowKind.RS,
            200.0,
            MemoryModel.TILES)
        .withCgra(
            new CgraSpec(
                noc, glb, spads, org.tessel.sim.arch.ReconfigSpec.FREE, c.energy(), c.mapping()));
  }

  static RsEstimator estimator(Layer layer, int batch, HardwareSpec hw) {
    return RsEstimator.of(layer, batch, new Simulation(hw).mappingContext()).orElseThrow();
  }

  /** The engine's mapping of the layer. */
  RsLayerMapping engine() {
    return estimator(layer, batch, hw).mapping(mapping);
  }

  RsShape shape() {
    return RsShape.of(layer);
  }

  /** The pass over a strip {@code eS} rows wide, for the stepper, on {@code hw}. */
  RsPassStepper.Pass pass(int stripRows, RsPassStepper.Hardware h) {
    RsShape s = shape();
    return new RsPassStepper.Pass(
        s.r(),
        s.s(),
        s.w(),
        s.f(),
        s.strideH(),
        s.strideW(),
        stripRows,
        mapping.e(),
        mapping.p(),
        mapping.q(),
        mapping.r(),
        mapping.t(),
        mapping.n(),
        h);
  }

  /** What the stepper reads of {@code hw}, worked out from the spec's fields. */
  static RsPassStepper.Hardware stepperHardware(HardwareSpec hw) {
    NocSpec noc = hw.cgra().noc();
    int wb = hw.sram().wordBytes();
    int[] bus = {
      Math.max(1, noc.ifmapBytesPerCycle() / wb),
      Math.max(1, noc.filterBytesPerCycle() / wb),
      Math.max(1, noc.psumInBytesPerCycle() / wb),
      Math.max(1, noc.psumOutBytesPerCycle() / wb)
    };
    GlbSpec glb = hw.cgra().glb();
    ScratchpadSpec sp = hw.cgra().scratchpads();
    return new RsPassStepper.Hardware(
        hw.array().rows(),
        hw.array().cols(),
        sp.ifmapWords(),
        sp.psumWords(),
        1,
        2,
        bus,
        glb.ports(),
        Math.max(1, glb.bytesPerPortPerCycle() / wb));
  }
}
