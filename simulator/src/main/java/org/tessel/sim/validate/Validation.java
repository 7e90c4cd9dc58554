package org.tessel.sim.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.tessel.sim.config.ConfigException;

/** Runs the reference suites the project knows and gathers their results. */
public final class Validation {
  /** The suites, in the order they run. */
  public static final List<String> SUITES = List.of(ScaleSimSuite.NAME, EyerissSuite.NAME);

  private Validation() {}

  /**
   * Runs the named suites ({@code scalesim}, {@code eyeriss}, or {@code all}).
   *
   * @param suite which suite(s)
   * @param dataDir the validation data directory ({@code ../shared/validation})
   * @param root the repository root (for {@code traces/})
   * @param progress receives one line per suite
   * @throws ConfigException when the data directory or a suite's files are missing or malformed
   */
  public static ValidationReport run(String suite, Path dataDir, Path root,
      Consumer<String> progress) {
    List<String> suites = suite.equals("all") ? SUITES : List.of(suite);
    if (!SUITES.contains(suites.get(0))) {
      throw new ConfigException("--suite", 0, "", "expected " + String.join(", ", SUITES)
          + " or all, was '" + suite + "'");
    }
    if (!Files.isDirectory(dataDir) || !Files.isReadable(dataDir)) {
      throw new ConfigException(dataDir.toString(), 0, "", "validation data directory not found"
          + " or not readable (give it with --data)");
    }
    List<CaseResult> all = new ArrayList<>();
    for (String s : suites) {
      long t0 = System.nanoTime();
      List<CaseResult> rs = s.equals(ScaleSimSuite.NAME)
          ? ScaleSimSuite.run(dataDir) : EyerissSuite.run(dataDir, root);
      long failed = rs.stream().filter(r -> !r.passed()).count();
      progress.accept(String.format(Locale.ROOT, "validate: %s: %d cases, %d failed (%.1f s)",
          s, rs.size(), failed, (System.nanoTime() - t0) / 1e9));
      all.addAll(rs);
    }
    return new ValidationReport(all);
  }
}
