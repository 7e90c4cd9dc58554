package org.tessel.validate.catalog;

import java.util.ArrayList;
import java.util.List;
import org.tessel.validate.Suite;
import org.tessel.validate.eyeriss.EyerissSuite;
import org.tessel.validate.nas.HwNasBenchSuite;
import org.tessel.validate.scalesim.ScaleSim3Suite;
import org.tessel.validate.scalesim.ScaleSimSuite;

/** Every reference suite {@code tessel validate} knows, in the order {@code all} runs them. */
public final class Suites {
  private Suites() {}

  /** The simulator's suites: SCALE-Sim v2 reports, SCALE-Sim v3 reports, Eyeriss JSSC 2017. */
  public static List<Suite> simulator() {
    return List.of(
        Suite.named(ScaleSimSuite.NAME, (data, root) -> ScaleSimSuite.run(data)),
        Suite.named(ScaleSim3Suite.NAME, (data, root) -> ScaleSim3Suite.run(data)),
        Suite.named(EyerissSuite.NAME, EyerissSuite::run));
  }

  /** Every suite: the simulator's, then HW-NAS-Bench's latency ranking. */
  public static List<Suite> all() {
    List<Suite> all = new ArrayList<>(simulator());
    all.add(HwNasBenchSuite.SUITE);
    return List.copyOf(all);
  }
}
