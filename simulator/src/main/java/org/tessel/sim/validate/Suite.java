package org.tessel.sim.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A reference suite {@code tessel validate} can run: a name for {@code --suite} and the cases it
 * compares. Modules above the simulator (the NAS front end's HW-NAS-Bench ranking) add their own.
 */
public interface Suite {
  /** The name {@code --suite} selects it by. */
  String name();

  /**
   * Runs every case.
   *
   * @param dataDir the validation data directory ({@code ../shared/validation})
   * @param root the repository root (for {@code traces/})
   * @throws org.tessel.sim.config.ConfigException when the suite's files are missing or malformed
   */
  List<CaseResult> run(Path dataDir, Path root);

  /**
   * The simulator's own suites: SCALE-Sim v2 reports, SCALE-Sim v3 reports, then Eyeriss JSSC
   * 2017.
   */
  static List<Suite> simulatorSuites() {
    return List.of(named(ScaleSimSuite.NAME, (data, root) -> ScaleSimSuite.run(data)),
        named(ScaleSim3Suite.NAME, (data, root) -> ScaleSim3Suite.run(data)),
        named(EyerissSuite.NAME, EyerissSuite::run));
  }

  /** A suite from its name and what runs it. */
  static Suite named(String name, BiFunction<Path, Path, List<CaseResult>> run) {
    return new Suite() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<CaseResult> run(Path dataDir, Path root) {
        return run.apply(dataDir, root);
      }
    };
  }
}
