package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/validation.md holds the table {@code ./tessel validate --markdown docs/validation.md}
 * writes today (run in-process on a copy; skipped when ../shared/validation is absent).
 */
final class ValidationDocTest {
  @TempDir Path tmp;

  @Test
  void generatedRegionOfValidationMd_isUpToDate() throws IOException {
    Path root = Path.of(System.getProperty("tessel.root.dir", ".."));
    String prop = System.getProperty("tessel.shared.dir");
    Path data = Path.of(prop != null ? prop : "../../shared").resolve("validation");
    assumeTrue(Files.isDirectory(data), "../shared/validation is not present: test skipped");
    Path doc = root.resolve("docs/validation.md");
    Path copy = tmp.resolve("validation.md");
    Files.copy(doc, copy);
    Cli r = Cli.run("validate", "--data", data.toString(), "--root", root.toString(),
        "--markdown", copy.toString());
    List<String> want = Files.readAllLines(copy);
    List<String> have = Files.readAllLines(doc);
    int line = 0;
    while (line < Math.min(want.size(), have.size()) && want.get(line).equals(have.get(line))) {
      line++;
    }
    int first = line + 1;
    assertAll(
        () -> assertEquals(0, r.exitCode, r::toString),
        () -> assertTrue(have.stream().anyMatch(l -> l.startsWith(MarkdownRegion.BEGIN)),
            "docs/validation.md has no generated region"),
        () -> assertEquals(want, have, () -> "docs/validation.md is out of date from line "
            + first + "; regenerate it from the repository root with: ./tessel validate"
            + " --markdown docs/validation.md"));
  }
}
