package org.tessel.nas.space;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.LayerKind;
import org.tessel.sim.workload.Network;

final class Nb201SpaceTest {
  private static final Nb201Space ALL = new Nb201Space(Nb201Space.Liveness.ALL_OPS, "nasbench201");
  private static final Nb201Space PRUNED =
      new Nb201Space(Nb201Space.Liveness.PRUNED, "nasbench201-pruned");

  /** Skeleton (stem, two reduction blocks, classifier) by hand; see the class comment. */
  private static final long SKELETON_PARAMS =
      432 + (4608 + 9216 + 512) + (18432 + 36864 + 2048) + 640;

  private static final long SKELETON_MACS = 442_368 + 2 * (1_179_648 + 2_359_296 + 131_072) + 640;

  /** One edge's op in all 15 cells: 5 cells each at C = 16, 32, 64. */
  private static final long CONV3_PARAMS = 5 * 9 * (16 * 16 + 32 * 32 + 64 * 64);

  private static final long CONV1_PARAMS = 5 * (16 * 16 + 32 * 32 + 64 * 64);
  private static final long CONV3_MACS = 15L * 2_359_296;
  private static final long CONV1_MACS = 15L * 262_144;

  @Test
  void everyCell_roundTripsThroughArchStringIndexAndCode() {
    Set<String> archs = new HashSet<>();
    for (int i = 0; i < 15_625; i++) {
      Genome g = ALL.genome(i);
      String arch = ALL.archString(g);
      assertTrue(archs.add(arch), arch);
      assertEquals(g, ALL.parseArch(arch), arch);
      assertEquals(i, ALL.index(g), arch);
      assertEquals(g, Nb201Space.decode(Nb201Space.code(g)), arch);
    }
  }

  @Test
  void indexOrder_isTheBenchmarks() {
    assertAll(
        () ->
            assertEquals(
                "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|"
                    + "skip_connect~1|skip_connect~2|",
                ALL.archString(ALL.genome(0))),
        () ->
            assertEquals(
                "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|"
                    + "nor_conv_3x3~1|skip_connect~2|",
                ALL.archString(ALL.genome(1))),
        () ->
            assertEquals(
                "|avg_pool_3x3~0|+|skip_connect~0|none~1|+|none~0|none~1|" + "skip_connect~2|",
                ALL.archString(ALL.genome(3))));
  }

  @Test
  void indexOrder_matchesTheSharedTableOnEveryRow() throws IOException {
    Path csv =
        Shared.validationDir().resolve("nasbench201/nb201_accuracy_and_hwnasbench_latency.csv");
    List<String> lines = Files.readAllLines(csv);
    assertEquals(15_626, lines.size());
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertEquals(f[1], ALL.archString(ALL.genome(Long.parseLong(f[0]))), line);
    }
  }

  @Test
  void parse_rejectsUnknownOpsAndMalformedStrings() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ALL.parseArch("|conv_5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
    assertEquals(
        "unknown op 'conv_5x5' (expected avg_pool_3x3|none|nor_conv_1x1|nor_conv_3x3|"
            + "skip_connect)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ALL.parseArch("|none~0|+|none~0|"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ALL.parseArch("|none~1|+|none~0|none~1|+|none~0|none~1|none~2|"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ALL.parseArch("|none~0|+|none~0|+|none~0|none~1|none~2|"));
  }

  @Test
  void macsAndParams_equalHandDerivedCounts() {
    // index 0: two 1x1 convolutions, one pooling, skips; every op live
    Network n0 = ALL.network(ALL.genome(0));
    assertEquals(SKELETON_PARAMS + 2 * CONV1_PARAMS, ScheduleEvaluator.params(n0));
    assertEquals(SKELETON_MACS + 2 * CONV1_MACS, n0.macs());
    assertEquals(n0.macs(), PRUNED.network(PRUNED.genome(0)).macs());
    // all six edges 3x3: the largest cell (NAS-Bench-201's 1.53 MB of parameters, with BN)
    Genome big =
        ALL.parseArch(
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+"
                + "|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");
    assertEquals(1_524_272, ScheduleEvaluator.params(ALL.network(big)));
    assertEquals(SKELETON_PARAMS + 6 * CONV3_PARAMS, ScheduleEvaluator.params(ALL.network(big)));
    assertEquals(SKELETON_MACS + 6 * CONV3_MACS, ALL.network(big).macs());
  }

  @Test
  void pruned_dropsOpsWhoseResultNeverReachesTheOutput() {
    // node 1 = conv(node 0) feeds nothing: dead; node 3 = node 0
    Genome g = ALL.parseArch("|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|");
    assertEquals(SKELETON_MACS + CONV3_MACS, ALL.network(g).macs());
    assertEquals(SKELETON_MACS, PRUNED.network(g).macs());
    // node 1 is zero, so the 1x1 convolution on it computes zeros: dead when pruned
    Genome z =
        ALL.parseArch(
            "|none~0|+|none~0|nor_conv_1x1~1|+|skip_connect~0|none~1|" + "skip_connect~2|");
    assertEquals(SKELETON_MACS + CONV1_MACS, ALL.network(z).macs());
    assertEquals(SKELETON_MACS, PRUNED.network(z).macs());
  }

  @Test
  void cell_sumsItsInputsAndKeepsTheBenchmarksSkeleton() {
    Network n = ALL.network(ALL.genome(0));
    Layer stem = n.layer("stem");
    assertEquals(List.of(32, 32, 3, 16), List.of(stem.inH(), stem.inW(), stem.inC(), stem.outC()));
    Layer add = n.layer("c01.n3.add");
    assertEquals(LayerKind.ADD, add.kind());
    assertEquals(3, n.inputsOf(add).size());
    assertEquals(LayerKind.AVGPOOL, n.layer("r1.down.pool").kind());
    assertEquals(8, n.layer("c15.e30.conv1x1").inH());
    assertEquals(64, n.layer("fc").inC());
    assertEquals(10, n.layer("fc").outC());
    // a cell whose output is zero passes its input's shape on
    Genome dead =
        ALL.parseArch(
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|none~0|" + "none~1|none~2|");
    assertEquals(SKELETON_MACS + 3 * CONV3_MACS, ALL.network(dead).macs());
    assertEquals(SKELETON_MACS, PRUNED.network(dead).macs());
  }
}
