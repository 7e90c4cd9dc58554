package org.tessel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.workload.Layer;

/**
 * Layer options survive their text exactly: every kind of layer, systolic and row-stationary
 * candidates, hand-off figures (energy objectives).
 */
final class LayerOptionsCodecTest {
  @Test
  void options_roundTripExactly_onRandomHardwareAndLayers() {
    SplittableRandom rnd = new SplittableRandom(16);
    int rowStationary = 0;
    int handOffs = 0;
    for (int i = 0; i < 24; i++) {
      HardwareSpec hw = (i % 2 == 0 ? RandomHardware.mesh(rnd) : RandomHardware.buses(rnd)).build();
      Objective objective = Objective.values()[i % 3];
      LayerScheduler s =
          new LayerScheduler(hw, objective, CandidateSpace.dataflows(hw), new EvaluationCache());
      for (int j = 0; j < 4; j++) {
        Layer l = EvaluationKeysTest.layer(rnd, "l" + j);
        LayerOptions o = s.options(l, 1 + rnd.nextInt(2));
        LayerOptions back = LayerOptionsCodec.decode(LayerOptionsCodec.encode(o));
        assertEquals(o, back);
        assertEquals(o.toString(), back.toString());
        for (Evaluation e : o.evaluated()) {
          rowStationary += e.candidate().tiling().equals(Candidate.SYSTOLIC_TILING) ? 0 : 1;
          handOffs += e.handOff().equals(HandOffWords.NONE) ? 0 : 1;
        }
      }
    }
    assertTrue(
        rowStationary > 0 && handOffs > 0, rowStationary + " rs, " + handOffs + " hand-offs");
  }

  @Test
  void optionsGivenToAScheduler_areWhatItAnswers_andComputeNothing() {
    HardwareSpec hw = Fixtures.eyeriss();
    Layer l = Layer.conv("c", 14, 14, 32, 3, 1, 1, 64, 1);
    LayerOptions o =
        new LayerScheduler(hw, Objective.EDP, CandidateSpace.dataflows(hw), new EvaluationCache())
            .options(l, 1);
    EvaluationCache cache = new EvaluationCache();
    LayerScheduler other =
        new LayerScheduler(hw, Objective.EDP, CandidateSpace.dataflows(hw), cache);
    assertEquals(null, other.heldOptions(l, 1));
    other.giveOptions(
        Layer.conv("renamed", 14, 14, 32, 3, 1, 1, 64, 1),
        1,
        LayerOptionsCodec.decode(LayerOptionsCodec.encode(o)));
    assertEquals(o, other.heldOptions(l, 1));
    assertEquals(o, other.options(l, 1));
    assertEquals(0, cache.hits() + cache.misses(), "nothing simulated");
    assertEquals(null, other.heldOptions(l, 2), "another batch is another shape");
  }

  @Test
  void otherText_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> LayerOptionsCodec.decode("AAAAAg=="));
    assertThrows(IllegalArgumentException.class, () -> LayerOptionsCodec.decode("not base64!"));
  }
}
