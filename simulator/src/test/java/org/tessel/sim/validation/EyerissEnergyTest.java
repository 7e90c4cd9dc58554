package org.tessel.sim.validation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tessel.sim.Simulation;
import org.tessel.sim.arch.DataflowKind;
import org.tessel.sim.arch.EnergyTable;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.HardwareReader;
import org.tessel.sim.io.NetworkReader;
import org.tessel.sim.result.LayerResult;
import org.tessel.sim.result.SimResult;
import org.tessel.sim.stats.EnergyCounts;
import org.tessel.sim.testing.Shared;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * Per-layer energy of AlexNet (traces/networks/alexnet.yaml, batch 16) on the Eyeriss ISCA 2016
 * design point ({@code docs/examples/eyeriss_isca16.yaml}: 16x16 PEs, 128 KiB buffer, 512 B of
 * scratchpad per PE, normalised costs MAC 1, RF 1, array 2, buffer 6, DRAM 200) with the
 * row-stationary dataflow, against the ALU, DRAM and RF energies of the paper's Fig. 10 in {@code
 * ../shared/validation/eyeriss/alexnet_isca2016_energy_breakdown.csv} (in 1e9 MAC energies, read
 * off the figure to +-0.1). The paper's fc1-fc3 are AlexNet's fc6-fc8. Docs: {@code
 * docs/validation.md}, "Energy (Eyeriss ISCA 2016)".
 *
 * <p>What is asserted, and why only that:
 *
 * <ul>
 *   <li><b>ALU</b>: equal to the layer's MAC count as computed here from the network file (batch x
 *       output pixels x filters x window over one group's channels), exactly; and within the
 *       reading tolerance (0.1) of the paper's value on all eight layers. The layer definitions
 *       agree on all eight: Caffe's AlexNet with the 227x227 input (conv1 has a 55x55 output
 *       without padding), conv2, conv4 and conv5 grouped in two, the FC layers dense. An ungrouped
 *       conv2 would double its ALU energy and fail.
 *   <li><b>RF</b>: exactly four scratchpad accesses per MAC (filter, ifmap and partial-sum reads,
 *       partial-sum write: Tessel's row-stationary accounting), and within 0.1 of the paper on all
 *       eight layers. This tests the accounting rule, not the mapping: the paper's RF energy is 4.0
 *       times its ALU energy on every layer within the reading tolerance, so a per-MAC constant
 *       other than 4 (3 would give conv2 10.7 against 14.33) fails.
 *   <li><b>DRAM</b> depends on the mapping's reuse (which operand is refetched how often), and
 *       Tessel's mapping search is not the paper's: its buffer is 120 KiB of ifmap and psum banks
 *       plus an 8 KiB filter region where the paper's is one 128 kB store, and the two searches
 *       choose among different loop orders. So agreement to the reading tolerance is not claimed in
 *       general. Asserted: (1) at least the compulsory traffic, every input, weight and output word
 *       once (an exact physical bound; a mapping that lost traffic would break it); (2) within 10 %
 *       of the paper per layer, the per-layer tolerance the Eyeriss model already has for latency
 *       ({@link EyerissAlexNetTest}), not chosen from these results (the largest difference
 *       measured is 6.7 %, conv1; the same model with the chip's 100 KiB buffer instead of 120 KiB
 *       puts conv2 20 % above the paper, so the check does see the buffer); (3) the layers outside
 *       the reading tolerance are exactly {@link #DRAM_DEVIATIONS}, which docs/validation.md
 *       discusses: a change either way (another layer drifting out, or one of these coming within
 *       0.1) fails, so that the document is updated with it.
 * </ul>
 *
 * <p>Tessel's array (NoC) and buffer energies are printed but not compared: the reference holds
 * only the figure's ALU, DRAM and RF bars.
 */
final class EyerissEnergyTest {
  /** Fig. 10 read off by the nn_dataflow authors: +-0.1 in 1e9 MAC energies. */
  private static final double READING_TOLERANCE = 0.1;

  /** Per-layer relative tolerance of the Eyeriss model (as in EyerissAlexNetTest). */
  private static final double DRAM_RELATIVE_TOLERANCE = 0.10;

  /** Layers whose DRAM energy differs from the figure by more than the reading tolerance. */
  private static final Set<String> DRAM_DEVIATIONS = Set.of("conv1", "fc6");

  private static final int BATCH = 16;
  private static final Map<String, String> PAPER_NAME =
      Map.of("fc6", "fc1", "fc7", "fc2", "fc8", "fc3");

  /** Reference rows by the paper's layer name: ALU, DRAM, RF in 1e9 MAC energies. */
  private static Map<String, double[]> reference(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int alu = header.indexOf("ALU_energy_1e9_MACunits");
    int dram = header.indexOf("DRAM_energy_1e9_MACunits");
    int rf = header.indexOf("RF_energy_1e9_MACunits");
    Map<String, double[]> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] c = line.split(",", -1); // the quoted config column comes after these
      rows.put(
          c[0].strip(),
          new double[] {
            Double.parseDouble(c[alu]), Double.parseDouble(c[dram]), Double.parseDouble(c[rf])
          });
    }
    return rows;
  }

  /** MACs of {@code l} for the batch, from the layer's shape. */
  private static long macs(Layer l) {
    return (long) BATCH
        * l.outH()
        * l.outW()
        * l.outC()
        * l.kernelH()
        * l.kernelW()
        * (l.inC() / l.groups());
  }

  /** Every input word (unpadded), weight and output word once. */
  private static long compulsoryDramWords(Layer l) {
    long weights = (long) l.kernelH() * l.kernelW() * (l.inC() / l.groups()) * l.outC();
    return (long) BATCH * l.inH() * l.inW() * l.inC()
        + weights
        + (long) BATCH * l.outH() * l.outW() * l.outC();
  }

  @Test
  void alexnetBatch16_aluExact_rfFourPerMac_dramWithinTheMappingsReach() throws IOException {
    Map<String, double[]> ref =
        reference(Shared.validationDir().resolve("eyeriss/alexnet_isca2016_energy_breakdown.csv"));
    Network net = NetworkReader.read(Shared.rootDir().resolve("traces/networks/alexnet.yaml"));
    HardwareSpec hw =
        HardwareReader.read(Shared.rootDir().resolve("docs/examples/eyeriss_isca16.yaml"));
    SimResult r = new Simulation(hw.withDataflow(DataflowKind.RS)).simulate(net, BATCH);
    EnergyTable t = hw.cgra().energy();

    List<Executable> checks = new ArrayList<>();
    checks.add(() -> assertEquals(EnergyTable.EYERISS_NORMALISED, t, "normalised costs"));
    checks.add(() -> assertEquals(256, hw.array().pes()));
    StringBuilder table =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-6s %8s %8s %8s %8s %7s %8s %8s %7s %8s %8s%n",
                "layer",
                "ALU",
                "paper",
                "DRAM",
                "paper",
                "ratio",
                "RF",
                "paper",
                "ratio",
                "NoC",
                "GLB"));
    Set<String> outside = new TreeSet<>();
    List<String> compared = new ArrayList<>();
    for (LayerResult l : r.layers()) {
      if (!l.layer().kind().usesArray()) {
        continue;
      }
      String name = l.layer().name();
      String paperName = PAPER_NAME.getOrDefault(name, name);
      double[] p = ref.get(paperName);
      compared.add(paperName);
      EnergyCounts e = l.energy();
      double alu = e.macPj(t) / 1e9;
      double dram = e.dramPj(t) / 1e9;
      double rf = e.rfPj(t) / 1e9;
      table.append(
          String.format(
              Locale.ROOT,
              "%-6s %8.4f %8.2f %8.4f %8.2f %7.3f %8.4f %8.2f %7.3f %8.4f %8.4f%n",
              name,
              alu,
              p[0],
              dram,
              p[1],
              dram / p[1],
              rf,
              p[2],
              rf / p[2],
              e.nocPj(t) / 1e9,
              e.glbPj(t) / 1e9));
      long macs = macs(l.layer());
      checks.add(() -> assertEquals(macs, e.macs(), name + " MACs"));
      checks.add(() -> assertEquals(macs, l.macs(), name + " layer MACs"));
      checks.add(
          () ->
              assertTrue(
                  Math.abs(alu - p[0]) <= READING_TOLERANCE,
                  String.format(Locale.ROOT, "%s ALU %.4f vs paper %.2f", name, alu, p[0])));
      checks.add(() -> assertEquals(4 * macs, e.rfAccesses(), name + " RF accesses"));
      checks.add(
          () ->
              assertTrue(
                  Math.abs(rf - p[2]) <= READING_TOLERANCE,
                  String.format(Locale.ROOT, "%s RF %.4f vs paper %.2f", name, rf, p[2])));
      long compulsory = compulsoryDramWords(l.layer());
      checks.add(
          () ->
              assertTrue(
                  e.dramAccesses() >= compulsory,
                  name
                      + " DRAM "
                      + e.dramAccesses()
                      + " words, less than the compulsory "
                      + compulsory));
      checks.add(
          () ->
              assertTrue(
                  Math.abs(dram / p[1] - 1) <= DRAM_RELATIVE_TOLERANCE,
                  String.format(
                      Locale.ROOT,
                      "%s DRAM %.4f vs paper %.2f (%+.1f %%)",
                      name,
                      dram,
                      p[1],
                      100 * (dram / p[1] - 1))));
      if (Math.abs(dram - p[1]) > READING_TOLERANCE) {
        outside.add(name);
      }
    }
    System.out.print(table);
    checks.add(
        () ->
            assertEquals(
                List.of("conv1", "conv2", "conv3", "conv4", "conv5", "fc1", "fc2", "fc3"),
                compared,
                "every layer of the figure mapped and compared"));
    checks.add(
        () ->
            assertEquals(
                new TreeSet<>(DRAM_DEVIATIONS),
                outside,
                "layers whose DRAM differs from the figure by more than 0.1 (update"
                    + " docs/validation.md and DRAM_DEVIATIONS together)"));
    assertAll(table.toString(), checks);
  }
}
