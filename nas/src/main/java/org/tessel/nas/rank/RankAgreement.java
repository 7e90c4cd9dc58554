package org.tessel.nas.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tessel.nas.objective.AccuracyTable;
import org.tessel.nas.search.Candidate;
import org.tessel.nas.space.SearchSpace;

/**
 * How well Tessel's latency ranks a search's architectures as a reference column does: Kendall's
 * tau-b over the architectures that run.
 */
public final class RankAgreement {
  private RankAgreement() {}

  /** Tau-b between the latency of each candidate that runs and {@code reference}'s value for it. */
  public static double tau(List<Candidate> cs, AccuracyTable reference, SearchSpace space) {
    List<double[]> pairs = new ArrayList<>();
    for (Candidate c : cs) {
      if (c.metrics().runs()) {
        pairs.add(new double[] {c.metrics().latencyMs(), reference.accuracy(c.genome(), space)});
      }
    }
    double[] x = new double[pairs.size()];
    double[] y = new double[pairs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = pairs.get(i)[0];
      y[i] = pairs.get(i)[1];
    }
    return x.length < 2 ? Double.NaN : KendallTau.tauB(x, y);
  }

  /** One line: tau-b, the columns compared and the architectures counted. */
  public static String line(List<Candidate> cs, AccuracyTable reference, SearchSpace space) {
    int n = 0;
    for (Candidate c : cs) {
      n += c.metrics().runs() ? 1 : 0;
    }
    return String.format(
        Locale.ROOT,
        "kendall tau-b, Tessel latency_ms against %s: %.4f over" + " %d architectures",
        reference.column(),
        tau(cs, reference, space),
        n);
  }
}
