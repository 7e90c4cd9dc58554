package org.tessel.cluster;

import org.tessel.nas.eval.Metrics;
import org.tessel.nas.eval.MetricsCodec;

/**
 * {@link Metrics} as text between members, exactly: the log's encoding, then a line end and the
 * error text as it is (the log's encoding blanks tabs, line ends and semicolons in it).
 */
final class MetricsWire {
  private MetricsWire() {}

  static String encode(Metrics m) {
    return MetricsCodec.encode(m) + "\n" + m.error();
  }

  static Metrics decode(String text) {
    int nl = text.indexOf('\n');
    Metrics m = nl < 0 ? null : MetricsCodec.decode(text.substring(0, nl));
    if (m == null) {
      throw new IllegalStateException("not metrics: " + text);
    }
    return new Metrics(
        m.cycles(),
        m.latencyMs(),
        m.energyPj(),
        m.reconfigurations(),
        m.dataflowSwitches(),
        m.maladaptation(),
        m.maladaptiveLayers(),
        m.dominantDataflow(),
        m.macs(),
        m.params(),
        m.fixedLatencyMs(),
        text.substring(nl + 1));
  }
}
