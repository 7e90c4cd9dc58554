package org.tessel.bench;

import java.util.ArrayList;
import java.util.List;
import org.tessel.sched.CandidateSpace;
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.LayerScheduler;
import org.tessel.sched.NetworkScheduler;
import org.tessel.sched.Objective;
import org.tessel.sched.profile.Param;
import org.tessel.sched.profile.Point;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/** Inputs and operations shared by the scaling benchmarks. */
final class ScalingFixtures {
  private ScalingFixtures() {}

  /**
   * The {@code default} preset with a {@code side x side} array and nothing else changed, as {@code
   * tessel profile --hw default --sweep array.size=SIDE} builds it (one buffer port per edge
   * register follows the array).
   */
  static HardwareSpec defaultWithSide(int side) {
    return new Point(0, List.of(Param.ARRAY_SIZE), List.of(Integer.toString(side)))
        .hardware(HardwareReader.preset("default"));
  }

  /**
   * A chain of {@code layers} layers: ResNet-18's 21 convolution and FC layers (SCALE-Sim's
   * topology) repeated in order, each copy under its own names.
   */
  static Network repeatedResnet18(int layers) {
    List<Layer> base = Fixtures.resnet18ScaleSim().layers();
    List<Layer> out = new ArrayList<>(layers);
    for (int i = 0; i < layers; i++) {
      Layer l = base.get(i % base.size());
      out.add(
          new Layer(
              "L" + i,
              l.kind(),
              l.inH(),
              l.inW(),
              l.inC(),
              l.kernelH(),
              l.kernelW(),
              l.strideH(),
              l.strideW(),
              l.padH(),
              l.padW(),
              l.outH(),
              l.outW(),
              l.outC(),
              l.groups()));
    }
    return Network.chain("resnet18x" + layers, out);
  }

  /** A whole simulation from scratch (network compiled, every layer mapped and run): cycles. */
  static long simulate(HardwareSpec hw, Network net) {
    return new org.tessel.sim.Simulation(hw).simulate(net, 1).cycles();
  }

  /** A whole schedule from a cold cache on one thread, minimising cycles: cycles. */
  static long schedule(HardwareSpec hw, Network net) {
    return new NetworkScheduler(
            new LayerScheduler(
                hw, Objective.CYCLES, CandidateSpace.dataflows(hw), new EvaluationCache()),
            1)
        .schedule(net, 1)
        .cycles();
  }
}
