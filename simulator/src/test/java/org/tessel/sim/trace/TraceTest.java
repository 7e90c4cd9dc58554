package org.tessel.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.ArraySpec;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.arch.CgraSpec;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.DramSpec;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.arch.ReconfigSpec;
import org.tessel.sim.arch.SramSpec;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/** The timeline accounts for every cycle: folds, stalls and layers add up to the results. */
final class TraceTest {
  @ParameterizedTest
  @ValueSource(strings = {"os", "ws", "is"})
  void spans_addUpToTheResults(String df) {
    Network net =
        Network.chain(
            "t",
            List.of(
                Layer.conv("c1", 12, 12, 3, 3, 1, 1, 8, 1),
                Layer.conv("c2", 12, 12, 8, 3, 2, 1, 16, 2),
                Layer.gemm("g", 20, 9, 30)));
    HardwareSpec base =
        new HardwareSpec(
            "h",
            new ArraySpec(4, 4),
            new SramSpec(2, 2, 2, 64, 1),
            new DramSpec(BandwidthMode.USER, 3),
            DataflowKind.find(df).orElseThrow(),
            100);
    HardwareSpec hw =
        base.withCgra(
            CgraSpec.systolic(base.array(), 64).withReconfig(new ReconfigSpec(100, 8, 3)));
    TraceRecorder rec = new TraceRecorder();
    SimResult r = new Simulation(hw, rec).simulate(net, 2);
    long[] sum = new long[Track.VALUES.length];
    long prevLayerEnd = 0;
    for (int i = 0; i < rec.size(); i++) {
      sum[rec.track(i).ordinal()] += rec.end(i) - rec.start(i);
      if (rec.track(i) == Track.LAYERS) {
        assertEquals(prevLayerEnd, rec.start(i), "layers (and reconfigurations) are back to back");
        prevLayerEnd = rec.end(i);
      } else if (rec.track(i) == Track.RECONFIG) {
        assertEquals(prevLayerEnd, rec.start(i), "a reconfiguration precedes its layer");
        prevLayerEnd = rec.end(i);
      }
    }
    long compute = 0;
    long stall = 0;
    for (LayerResult l : r.layers()) {
      compute += l.computeCycles();
      stall += l.stallCycles();
    }
    assertTrue(stall > 0, "the case must stall to test stall spans");
    assertEquals(r.reconfigCycles(), sum[Track.RECONFIG.ordinal()]);
    assertEquals(16, r.reconfigCycles(), "one initial load of ceil(100 / 8) + 3 cycles");
    assertEquals(r.cycles(), sum[Track.LAYERS.ordinal()] + sum[Track.RECONFIG.ordinal()]);
    assertEquals(r.cycles(), prevLayerEnd);
    assertEquals(compute, sum[Track.ARRAY.ordinal()]);
    assertEquals(stall, sum[Track.STALL.ordinal()]);
    String json = ChromeTrace.json(rec, hw.clockMHz(), "t on h");
    assertTrue(json.startsWith("{\"displayTimeUnit\":\"ns\",\"traceEvents\":["), json);
    assertTrue(json.contains("\"name\":\"fold 0\"") || json.contains("\"name\":\"folds 0-"), json);
    assertEquals(
        json.chars().filter(c -> c == '{').count(),
        json.chars().filter(c -> c == '}').count(),
        "balanced braces");
  }
}
