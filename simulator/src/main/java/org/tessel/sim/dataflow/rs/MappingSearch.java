package org.tessel.sim.dataflow.rs;

import static org.tessel.sim.util.IntMath.ceilDiv;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.MappingSearchSpec;

/**
 * Chooses a layer group's row-stationary mapping with the rule of the hardware's {@link
 * MappingSearchSpec}. Both rules search the same legal mappings:
 *
 * <ol>
 *   <li>Enumerate {@code e = 1..E}; a set wider than the array is folded ({@link Placement}) and
 *       needs {@code R * fold <= rows}. Enumerate {@code q} with {@code q S <= ifmapWords}, {@code
 *       p <= psumWords} with {@code p q S <= filterWords}, {@code r} and {@code t} whose copies can
 *       be placed, {@code n} dividing the batch and {@code m}, a multiple of {@code p t} dividing
 *       {@code M}; {@code q} and {@code q r} divide {@code C}, {@code p t} divides {@code M} (the
 *       scratchpad and mapping constraints of JSSC 2017 Sec. IV and Table III).
 *   <li>Keep the mappings whose tiles fit the global buffer: the ifmap tile {@code n q r rows W}
 *       and the partial-sum tile {@code n m e F} take whole banks and share the banks (the "global
 *       buffer allocation" columns of JSSC 2017 Table III); the filters of a pass, {@code p t q r R
 *       S} words, fit the filter region.
 * </ol>
 *
 * <p>{@link MappingSearchSpec.Policy#BEST}: minimise the energy proxy ({@link Accesses#energy});
 * among the mappings within 2 % of the minimum, which the proxy cannot tell apart, take the one
 * with the fewest cycles ({@link PassTimer}), then the lower energy, then the first in enumeration
 * order.
 *
 * <p>{@link MappingSearchSpec.Policy#CHIP}: keep the mappings whose pass reads no more channels
 * than one global-buffer bank holds of an image's strip, or a single channel ({@link
 * #channelsFitOneBank}); of them, keep those that switch on at least {@code minUtilisation} of the
 * most PEs any of them switches on; among those take the fewest DRAM words, then the lowest energy
 * at every level ({@link RsLayerMapping#energyCounts()} under the hardware's energy table:
 * scratchpads, partial sums climbing the array, buffer and DRAM), then the most active PEs, then
 * the first in enumeration order. DRAM first because the chip's compiler optimises "the energy
 * efficiency of the entire system, including the accelerator chip and off-chip DRAM" (JSSC 2017,
 * abstract and Sec. II) and a DRAM access costs 200 MACs against 6 for the buffer (ISCA 2016, Table
 * IV). Energy, then the most PEs, is the objective and the tie rule of the authors' own mapping
 * optimiser (Yu-Hsin Chen's ISCA 2016 analysis code, {@code rs_flow.m}: minimise the summed access
 * energy at all levels, on a tie take the largest {@code f r t}). No timing enters the choice: a
 * compiler that minimises energy does not look at cycles. On AlexNet this rule chooses Table III's
 * five mappings exactly, where the proxy does not (CONV3).
 */
final class MappingSearch {
  /** Mappings within this fraction of the lowest energy count as equally good. */
  static final double ENERGY_TIE = 0.02;

  private final RsShape shape;
  private final int batch;
  private final RsHardware hw;

  /** Times passes for {@link #best()}; null for a search that only lists or explains. */
  private final @Nullable PassTimer timer;

  private final int[] divisorsOfM;
  private int legal;

  MappingSearch(RsShape shape, int batch, RsHardware hw, @Nullable PassTimer timer) {
    this.shape = shape;
    this.batch = batch;
    this.hw = hw;
    this.timer = timer;
    List<Integer> d = new ArrayList<>();
    for (int k = 1; k <= shape.m(); k++) {
      if (shape.m() % k == 0) {
        d.add(k);
      }
    }
    divisorsOfM = d.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The pass timer {@link #best()} needs. */
  private PassTimer timer() {
    if (timer == null) {
      throw new IllegalStateException("a search without a pass timer cannot choose a mapping");
    }
    return timer;
  }

  /** Called for each legal mapping, in enumeration order. */
  private interface Visitor {
    void visit(int e, int q, int p, int r, int t, int n, int m, Accesses accesses);
  }

  /** Legal mappings seen by the last {@link #best()} (for reports and tests). */
  int legalMappings() {
    return legal;
  }

  /**
   * The chosen mapping.
   *
   * @return the mapping, or null when no mapping is legal ({@link #whyNone()} says why)
   */
  @Nullable RsMapping best() {
    legal = 0;
    return hw.search().policy() == MappingSearchSpec.Policy.CHIP ? chip() : lowestEnergy();
  }

  /** {@link MappingSearchSpec.Policy#BEST}: the energy proxy, then cycles. */
  private @Nullable RsMapping lowestEnergy() {
    double[] min = {Double.POSITIVE_INFINITY};
    enumerate(
        (e, q, p, r, t, n, m, a) -> {
          legal++;
          min[0] = Math.min(min[0], a.energy(hw));
        });
    PassTimer passTimer = timer();
    double limit = (1 + ENERGY_TIE) * min[0];
    RsMapping[] best = {null};
    long[] bestCycles = {Long.MAX_VALUE};
    double[] bestEnergy = {Double.POSITIVE_INFINITY};
    enumerate(
        (e, q, p, r, t, n, m, a) -> {
          double energy = a.energy(hw);
          if (energy > limit) {
            return;
          }
          RsMapping mp = new RsMapping(m, n, e, p, q, r, t);
          long cycles = passTimer.groupCycles(mp, batch);
          if (cycles < bestCycles[0] || (cycles == bestCycles[0] && energy < bestEnergy[0])) {
            best[0] = mp;
            bestCycles[0] = cycles;
            bestEnergy[0] = energy;
          }
        });
    return best[0];
  }

  /**
   * {@link MappingSearchSpec.Policy#CHIP}: the utilisation floor, then DRAM words, energy and
   * active PEs.
   */
  private @Nullable RsMapping chip() {
    int[] most = {0};
    enumerate(
        (e, q, p, r, t, n, m, a) -> {
          legal++;
          if (channelsFitOneBank(e, q, r)) {
            most[0] = Math.max(most[0], activePes(e, r, t));
          }
        });
    double floor = hw.search().minUtilisation() * most[0];
    long[] fewest = {Long.MAX_VALUE};
    enumerate(
        (e, q, p, r, t, n, m, a) -> {
          if (activePes(e, r, t) >= floor && channelsFitOneBank(e, q, r)) {
            fewest[0] = Math.min(fewest[0], a.dramWords());
          }
        });
    RsMapping[] best = {null};
    double[] bestEnergy = {Double.POSITIVE_INFINITY};
    int[] bestPes = {0};
    enumerate(
        (e, q, p, r, t, n, m, a) -> {
          int pes = activePes(e, r, t);
          if (pes < floor || a.dramWords() != fewest[0] || !channelsFitOneBank(e, q, r)) {
            return;
          }
          RsMapping mp = new RsMapping(m, n, e, p, q, r, t);
          double energy =
              RsLayerMapping.energyCounts(shape, mp, batch, a.times(shape.groups()))
                  .totalPj(hw.energy());
          if (energy < bestEnergy[0] || (energy == bestEnergy[0] && pes > bestPes[0])) {
            best[0] = mp;
            bestEnergy[0] = energy;
            bestPes[0] = pes;
          }
        });
    return best[0];
  }

  /**
   * The chip compiler's channel limit: the {@code q r} channels of one image that a pass reads (the
   * strip's rows of each) fit in one global-buffer bank, or the pass takes a single channel. The
   * bank is the unit the buffer is assigned and read in: "Each bank is assigned entirely to ifmaps
   * or psums ... the PE array can access both ifmaps and psums simultaneously, each from one of the
   * 25 banks" (JSSC 2017 Sec. V-A). Not a capacity rule: the tiles of all {@code n} images still
   * share banks as Table III's allocation shows. Found against the chip's published counters of its
   * second network (JSSC 2017 Table VI), see docs/models/eyeriss/model.md section (a).
   */
  private boolean channelsFitOneBank(int e, int q, int r) {
    long stripBytes = (long) shape.rowsFor(e) * shape.w() * hw.wordBytes();
    return q * r == 1 || (long) q * r * stripBytes <= hw.glbBankBytes();
  }

  private int activePes(int e, int r, int t) {
    return shape.r() * e * r * t;
  }

  /** Every legal mapping, in enumeration order. */
  List<RsMapping> legal() {
    List<RsMapping> all = new ArrayList<>();
    enumerate((e, q, p, r, t, n, m, a) -> all.add(new RsMapping(m, n, e, p, q, r, t)));
    return all;
  }

  private void enumerate(Visitor v) {
    int rows = hw.rows();
    int cols = hw.cols();
    int s = shape.s();
    int c = shape.c();
    int mm = shape.m();
    long wb = hw.wordBytes();
    long bank = hw.glbBankBytes();
    for (int e = 1; e <= shape.e(); e++) {
      int slotRows = Placement.slotRows(shape, e, rows, cols);
      int sets = Placement.slots(shape, e, rows, cols);
      if (sets == 0) {
        continue;
      }
      long rowsE = shape.rowsFor(e);
      for (int q = 1; q <= hw.ifmapSpadWords() / s; q++) {
        if (c % q != 0) {
          continue;
        }
        int pMax = Math.min(hw.psumSpadWords(), hw.filterSpadWords() / (q * s));
        for (int p = 1; p <= pMax; p++) {
          for (int r = 1; r <= Math.min(sets, slotRows); r++) {
            if (c % (q * r) != 0) {
              continue;
            }
            for (int t = 1; t <= sets / r; t++) {
              if (mm % (p * t) != 0 || Placement.of(shape, e, r, t, rows, cols) == null) {
                continue;
              }
              long filterBytes = (long) p * t * q * r * shape.r() * s * wb;
              if (filterBytes > hw.filterGlbBytes()) {
                continue;
              }
              for (int n = 1; n <= batch; n++) {
                if (batch % n != 0) {
                  continue;
                }
                long ifmapBanks = ceilDiv((long) n * q * r * rowsE * shape.w() * wb, bank);
                for (int m : divisorsOfM) {
                  if (m % (p * t) != 0) {
                    continue;
                  }
                  long psumBanks = ceilDiv((long) n * m * e * shape.f() * wb, bank);
                  if (ifmapBanks + psumBanks > hw.glbBanks()) {
                    break; // larger m only needs more banks
                  }
                  RsMapping mp = new RsMapping(m, n, e, p, q, r, t);
                  v.visit(e, q, p, r, t, n, m, Accesses.of(shape, mp, batch));
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * Why no mapping is legal: the first constraint that even the smallest mapping ({@code e = n = p
   * = q = r = t = m = 1}) breaks, and by how much.
   */
  String whyNone() {
    int s = shape.s();
    if (s > hw.ifmapSpadWords()) {
      return "filter row of "
          + s
          + " words needs q*S <= "
          + hw.ifmapSpadWords()
          + " ifmap scratchpad words ("
          + (s - hw.ifmapSpadWords())
          + " too many)";
    }
    if (shape.r() > hw.rows()) {
      return "filter of "
          + shape.r()
          + " rows needs R <= "
          + hw.rows()
          + " PE rows ("
          + (shape.r() - hw.rows())
          + " too many)";
    }
    if (s > hw.filterSpadWords()) {
      return "filter row of "
          + s
          + " words needs p*q*S <= "
          + hw.filterSpadWords()
          + " filter scratchpad words ("
          + (s - hw.filterSpadWords())
          + " too many)";
    }
    long wb = hw.wordBytes();
    long filterBytes = (long) shape.r() * s * wb;
    if (filterBytes > hw.filterGlbBytes()) {
      return "one channel of one filter ("
          + filterBytes
          + " bytes) needs more than the "
          + hw.filterGlbBytes()
          + "-byte filter buffer ("
          + (filterBytes - hw.filterGlbBytes())
          + " bytes too many)";
    }
    long bank = hw.glbBankBytes();
    long ifmapBytes = (long) shape.rowsFor(1) * shape.w() * wb;
    long psumBytes = (long) shape.f() * wb;
    long banks = ceilDiv(ifmapBytes, bank) + ceilDiv(psumBytes, bank);
    if (banks > hw.glbBanks()) {
      return "the smallest tile ("
          + shape.rowsFor(1)
          + " ifmap rows of "
          + shape.w()
          + " words and one output row of "
          + shape.f()
          + " words) needs "
          + banks
          + " banks of "
          + bank
          + " bytes, the global buffer has "
          + hw.glbBanks()
          + " ("
          + (banks - hw.glbBanks())
          + " too many)";
    }
    return "no legal mapping on the " + hw.rows() + "x" + hw.cols() + " array";
  }
}
