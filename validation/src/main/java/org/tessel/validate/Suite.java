package org.tessel.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A reference suite {@code tessel validate} can run: a name for {@code --suite} and the cases it
 * compares. The suites live in sub-packages, one per reference; {@code
 * org.tessel.validate.catalog.Suites} lists them.
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
