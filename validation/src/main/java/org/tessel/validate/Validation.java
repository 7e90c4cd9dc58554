package org.tessel.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.tessel.sim.config.ConfigException;

/** Runs the reference suites the project knows and gathers their results. */
public final class Validation {
  private Validation() {}

  /**
   * Runs the named suite of {@code known}, or all of them in order ({@code all}).
   *
   * @param known the suites there are
   * @param suite which suite, or {@code all}
   * @param dataDir the validation data directory ({@code ../shared/validation})
   * @param root the repository root (for {@code traces/})
   * @param progress receives one line per suite
   * @throws ConfigException when the suite is unknown, or the data directory or a suite's files are
   *     missing or malformed
   */
  public static ValidationReport run(
      List<Suite> known, String suite, Path dataDir, Path root, Consumer<String> progress) {
    List<Suite> suites =
        known.stream().filter(s -> suite.equals("all") || s.name().equals(suite)).toList();
    if (suites.isEmpty()) {
      throw new ConfigException(
          "--suite",
          0,
          "",
          "expected "
              + String.join(", ", known.stream().map(Suite::name).toList())
              + " or all, was '"
              + suite
              + "'");
    }
    if (!Files.isDirectory(dataDir) || !Files.isReadable(dataDir)) {
      throw new ConfigException(
          dataDir.toString(),
          0,
          "",
          "validation data directory not found" + " or not readable (give it with --data)");
    }
    List<CaseResult> all = new ArrayList<>();
    for (Suite s : suites) {
      long t0 = System.nanoTime();
      List<CaseResult> rs = s.run(dataDir, root);
      long failed = rs.stream().filter(r -> !r.passed()).count();
      progress.accept(
          String.format(
              Locale.ROOT,
              "validate: %s: %d cases, %d failed (%.1f s)",
              s.name(),
              rs.size(),
              failed,
              (System.nanoTime() - t0) / 1e9));
      all.addAll(rs);
    }
    return new ValidationReport(all);
  }
}
