package org.tessel.nas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tessel.sim.config.ConfigException;

final class SpacesTest {
  @Test
  void names_andOptions() {
    Nb201Space plain = (Nb201Space) Spaces.of("nasbench201");
    assertEquals(Nb201Space.Liveness.ALL_OPS, plain.liveness());
    Nb201Space both = (Nb201Space) Spaces.of("nasbench201:pruned,pool-as-conv");
    assertEquals(Nb201Space.Liveness.PRUNED, both.liveness());
    assertTrue(both.poolAsConv());
    assertEquals("nasbench201:pruned,pool-as-conv", both.name());
    assertEquals("mobile", Spaces.of("mobile").name());
  }

  @Test
  void unknownNamesAndOptions_areOneLine() {
    assertEquals(
        "--space: unknown option 'fast' of nasbench201 (expected pruned|pool-as-conv)",
        assertThrows(ConfigException.class, () -> Spaces.of("nasbench201:fast")).getMessage());
    assertTrue(
        assertThrows(ConfigException.class, () -> Spaces.of("darts"))
            .getMessage()
            .startsWith("--space: unknown space 'darts' (expected mobile|nasbench201"));
    assertThrows(ConfigException.class, () -> Spaces.of("mobile:pruned"));
  }
}
