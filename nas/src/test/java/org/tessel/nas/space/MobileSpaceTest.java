package org.tessel.nas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.sim.workload.Network;

final class MobileSpaceTest {
  private static final MobileSpace SPACE = new MobileSpace();

  @Test
  void randomGenomes_roundTripThroughArchStrings() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 500; i++) {
      Genome g = SPACE.random(rnd);
      assertEquals(g, SPACE.parseArch(SPACE.archString(g)), () -> "seed 11, genome " + g);
      Genome m = SPACE.mutate(g, rnd);
      assertEquals(g.length() - 1, countEqual(g, m));
    }
    assertEquals(21, SPACE.radices().length);
    assertEquals(Long.MAX_VALUE, SPACE.size());
  }

  @Test
  void shallowest_hasHandDerivedParameters() {
    // first block of each stage k3e1, every other block skipped
    String arch =
        "k3e1-skip-skip-skip|k3e1-skip-skip-skip|k3e1-skip-skip-skip|"
            + "k3e1-skip-skip-skip|k3e1-skip-skip-skip|k3e1";
    Network n = SPACE.network(SPACE.parseArch(arch));
    // stem 864; b0 dw 288 + project 512; per stage dw 9 c_in + project c_in c_out; head 409,600;
    // fc 1,280,000
    assertEquals(1_787_392, ScheduleEvaluator.params(n));
    assertNull(n.layer("s4b1.add"));
  }

  @Test
  void block_expandsDepthwiseProjects_andAddsTheResidual() {
    String arch =
        "k5e6-k7e3-skip-skip|k3e1-skip-skip-skip|k3e1-skip-skip-skip|"
            + "k3e1-skip-skip-skip|k3e1-skip-skip-skip|k3e1";
    Network n = SPACE.network(SPACE.parseArch(arch));
    assertEquals(16 * 6, n.layer("s1b1.expand").outC());
    assertEquals(5, n.layer("s1b1.dw").kernelH());
    assertEquals(96, n.layer("s1b1.dw").groups());
    assertEquals(56, n.layer("s1b1.dw").outH());
    assertEquals(7, n.layer("s1b2.dw").kernelH());
    assertNotNull(n.layer("s1b2.add"));
    assertNull(n.layer("s1b1.add"));
    assertEquals(1000, n.layer("fc").outC());
  }

  @Test
  void parse_rejectsUnknownOpsAndSkippedFirstBlocks() {
    assertEquals(
        "unknown op 'k9e6' (expected k3e1|k3e3|k3e6|k5e1|k5e3|k5e6|k7e1|k7e3|k7e6|skip)",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SPACE.parseArch(
                        "k9e6-skip-skip-skip|k3e1-skip-skip-skip|k3e1-skip-skip-skip|k3e1-skip-skip-skip|"
                            + "k3e1-skip-skip-skip|k3e1"))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SPACE.parseArch(
                "skip-skip-skip-skip|k3e1-skip-skip-skip|k3e1-skip-skip-skip|k3e1-skip-skip-skip|"
                    + "k3e1-skip-skip-skip|k3e1"));
    assertThrows(IllegalArgumentException.class, () -> SPACE.parseArch("k3e1|k3e1"));
  }

  private static int countEqual(Genome a, Genome b) {
    int n = 0;
    for (int i = 0; i < a.length(); i++) {
      n += a.gene(i) == b.gene(i) ? 1 : 0;
    }
    return n;
  }
}
