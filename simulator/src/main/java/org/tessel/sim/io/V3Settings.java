package org.tessel.sim.io;

import java.util.List;
import org.tessel.sim.arch.BandwidthMode;
import org.tessel.sim.config.ConfigException;

/**
 * The SCALE-Sim v3 settings of a {@code .cfg} file ({@code scale_config.py} of scale-sim-v3
 * fab89b7): which ones Tessel refuses because they would change the numbers and are not modelled,
 * which ones have no effect, and v3's ifmap and filter DRAM read bandwidths in USER mode (its
 * {@code [layout]} bank bandwidths, {@code single_layer_sim.py}).
 *
 * @param ifmapReadWordsPerCycle {@code IfmapSRAMBankBandwidth} (0 when not used)
 * @param filterReadWordsPerCycle {@code FilterSRAMBankBandwidth} (0 when not used)
 */
record V3Settings(int ifmapReadWordsPerCycle, int filterReadWordsPerCycle) {
  private static final String BANK_ONLY = "SCALE-Sim v3 uses it only with a custom layout";

  /**
   * Checks the v3 settings of {@code f} for a run of SCALE-Sim {@code version} in {@code mode},
   * adding one line per setting without effect to {@code ignored}.
   *
   * @throws ConfigException for a setting Tessel does not model, or one v3 rejects
   */
  static V3Settings check(
      ScaleSimConfigReader.Field f, int version, BandwidthMode mode, List<String> ignored) {
    if (f.has("useramulatortrace")) {
      // v3 compares the string with 'True'; anything else leaves the trace off
      if (f.value("useramulatortrace").equals("True")) {
        throw f.error(
            "useramulatortrace",
            "Ramulator DRAM traces are not modelled; their"
                + " latencies change the numbers (set it to False)");
      }
      if (!f.value("useramulatortrace").equals("False")) {
        ignored.add(
            f.note("useramulatortrace", "SCALE-Sim v3 turns the trace on only for" + " 'True'"));
      }
    }
    for (String k : List.of("readrequestbuffer", "writerequestbuffer")) {
      if (f.has(k)) {
        f.nonNegativeLong(k);
        ignored.add(f.note(k, "SCALE-Sim v3 uses it only with UseRamulatorTrace: True"));
      }
    }
    if (f.has("memorybanks") && version == 3) {
      ignored.add(f.note("memorybanks", "SCALE-Sim v3 does not read it"));
    }
    for (String k : List.of("ifmapcustomlayout", "filtercustomlayout")) {
      if (f.has(k) && f.bool(k)) {
        throw f.error(
            k, "custom layouts are not modelled; they change the numbers (set it to" + " False)");
      }
    }
    int ifmapBw = operand(f, "ifmap", version, mode, ignored);
    int filterBw = operand(f, "filter", version, mode, ignored);
    if (f.has("sparsitysupport")) {
      if (f.value("sparsitysupport").equalsIgnoreCase("true")) {
        throw f.error(
            "sparsitysupport",
            "sparsity is not modelled yet; it changes the numbers" + " (set it to false)");
      }
      for (String k :
          List.of(
              "sparserep",
              "optimizedmapping",
              "blocksize",
              "randomnumbergeneratorseed",
              "nonzeroelems")) {
        if (f.has(k)) {
          ignored.add(f.note(k, "SCALE-Sim v3 uses it only with SparsitySupport: true"));
        }
      }
    }
    return new V3Settings(ifmapBw, filterBw);
  }

  /** Checks one operand's bank settings; returns its DRAM read bandwidth under v3 USER, or 0. */
  private static int operand(
      ScaleSimConfigReader.Field f,
      String op,
      int version,
      BandwidthMode mode,
      List<String> ignored) {
    String bwKey = op + "srambankbandwidth";
    String numKey = op + "srambanknum";
    String portKey = op + "srambankport";
    boolean used = version == 3 && mode == BandwidthMode.USER;
    int num = f.has(numKey) ? f.positiveInt(numKey) : 1;
    if (f.has(portKey)) {
      f.positiveInt(portKey);
      ignored.add(f.note(portKey, BANK_ONLY));
    }
    if (!f.has(bwKey)) {
      if (used) {
        throw new ConfigException(
            f.file,
            0,
            op.equals("ifmap") ? "IfmapSRAMBankBandwidth" : "FilterSRAMBankBandwidth",
            "missing in [layout] (SCALE-Sim v3 reads the "
                + op
                + " DRAM bandwidth from it in USER mode)");
      }
      if (f.has(numKey)) {
        ignored.add(f.note(numKey, BANK_ONLY));
      }
      return 0;
    }
    int bw = f.positiveInt(bwKey);
    if (!used) {
      ignored.add(
          f.note(
              bwKey,
              version == 2
                  ? "SCALE-Sim v2 reads every operand at Bandwidth"
                  : "SCALE-Sim v3 reads at 10 words per cycle in CALC mode"));
      if (f.has(numKey)) {
        ignored.add(f.note(numKey, BANK_ONLY));
      }
      return 0;
    }
    if (bw % num != 0) {
      throw f.error(
          bwKey,
          "must be divisible by "
              + f.name(numKey)
              + " ("
              + num
              + "), as"
              + " SCALE-Sim v3's read buffer asserts; was "
              + bw);
    }
    if (f.has(numKey)) {
      ignored.add(f.note(numKey, BANK_ONLY + ", beyond dividing the bandwidth"));
    }
    return bw;
  }
}
