package org.tessel.sim.dataflow.rs;

import org.tessel.sim.stats.AccessCounts;

/**
 * Word accesses of one layer group under a row-stationary mapping, as the prototype counts them for
 * its energy proxy.
 *
 * <p>Global buffer, per pass: the ifmap rows the pass streams ({@code n q r rows W}), the filter
 * words it loads ({@code p t q r R S}); per strip, the partial sums written after every channel
 * group and read back before every channel group but the first. DRAM: the filters once per strip
 * and batch group, the ifmap rows of every strip once per group of {@code m} output channels, the
 * outputs once.
 *
 * @param glbIfmapReads ifmap words read from the global buffer
 * @param glbFilterReads filter words read from the global buffer
 * @param glbPsumWrites partial sums (and finally outputs) written to the global buffer
 * @param glbPsumReads partial sums read back from the global buffer
 * @param dramIfmapReads ifmap words fetched from DRAM
 * @param dramFilterReads filter words fetched from DRAM
 * @param dramOfmapWrites output words written to DRAM
 */
public record Accesses(
    long glbIfmapReads,
    long glbFilterReads,
    long glbPsumWrites,
    long glbPsumReads,
    long dramIfmapReads,
    long dramFilterReads,
    long dramOfmapWrites) {

  /** The accesses of {@code mp} on one group of {@code shape} for {@code batch} inputs. */
  public static Accesses of(RsShape shape, RsMapping mp, int batch) {
    long nb = mp.batchGroups(batch);
    long cg = mp.channelGroups(shape);
    long perCg = (long) mp.outputGroups(shape) * mp.filterGroupsPerM();
    long strips = mp.strips(shape);
    long full = shape.e() / mp.e();
    int last = shape.e() - (int) full * mp.e();
    long rowsSum = full * shape.rowsFor(mp.e()) + (last > 0 ? shape.rowsFor(last) : 0);
    long w = shape.w();
    long glbIf = nb * cg * perCg * mp.n() * mp.q() * mp.r() * rowsSum * w;
    long outputs = (long) batch * shape.m() * shape.e() * shape.f();
    long glbF =
        nb * cg * perCg * (long) mp.p() * mp.t() * mp.q() * mp.r() * shape.r() * shape.s() * strips;
    long dramF = (long) shape.c() * shape.m() * shape.r() * shape.s() * nb * strips;
    long dramI = (long) batch * shape.c() * rowsSum * w * mp.outputGroups(shape);
    return new Accesses(glbIf, glbF, outputs * cg, outputs * (cg - 1), dramI, dramF, outputs);
  }

  /** All global-buffer accesses. */
  public long glbWords() {
    return glbIfmapReads + glbFilterReads + glbPsumWrites + glbPsumReads;
  }

  /** All DRAM accesses. */
  public long dramWords() {
    return dramIfmapReads + dramFilterReads + dramOfmapWrites;
  }

  /** The mapping's energy proxy: {@code dramPj * DRAM + glbPj * GLB} words. */
  public double energy(RsHardware hw) {
    return hw.energy().dramPj() * dramWords() + hw.energy().glbPj() * glbWords();
  }

  /** These counts times {@code groups}. */
  public Accesses times(int groups) {
    return new Accesses(
        glbIfmapReads * groups,
        glbFilterReads * groups,
        glbPsumWrites * groups,
        glbPsumReads * groups,
        dramIfmapReads * groups,
        dramFilterReads * groups,
        dramOfmapWrites * groups);
  }

  /**
   * These counts with the ifmap reads times {@code ifmapRatio} and the ofmap writes times {@code
   * ofmapRatio}, rounded up: what crosses the link when feature maps are run-length coded.
   */
  public Accesses compressed(double ifmapRatio, double ofmapRatio) {
    if (ifmapRatio == 1 && ofmapRatio == 1) {
      return this;
    }
    return new Accesses(
        glbIfmapReads,
        glbFilterReads,
        glbPsumWrites,
        glbPsumReads,
        (long) Math.ceil(dramIfmapReads * ifmapRatio),
        dramFilterReads,
        (long) Math.ceil(dramOfmapWrites * ofmapRatio));
  }

  /** The report's view: buffer reads and writes, DRAM reads and writes. */
  public AccessCounts counts() {
    return new AccessCounts(
        glbIfmapReads,
        glbFilterReads,
        glbPsumWrites,
        dramIfmapReads,
        dramFilterReads,
        dramOfmapWrites);
  }
}
