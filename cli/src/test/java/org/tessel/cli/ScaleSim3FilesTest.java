package org.tessel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's proof, as a user runs it: every case of {@code ../shared/validation/scalesim3/cases}
 * through {@code tessel simulate -c scale.cfg -t topology.csv -i $(cat mode) -p out}, the files
 * unchanged, and the three reports written equal to SCALE-Sim v3's, byte for byte. Skipped without
 * {@code ../shared}.
 */
final class ScaleSim3FilesTest {
  @TempDir Path tmp;

  @Test
  void everyV3Case_runsUnchanged_reportsEqualV3() throws IOException {
    String prop = System.getProperty("tessel.shared.dir");
    Path cases = Path.of(prop == null ? "../../shared" : prop, "validation/scalesim3/cases");
    assumeTrue(Files.isDirectory(cases), "../shared/validation is not present: test skipped");
    List<Path> dirs = new ArrayList<>();
    try (var s = Files.list(cases)) {
      s.filter(Files::isDirectory).sorted().forEach(dirs::add);
    }
    assertFalse(dirs.isEmpty(), "no cases in " + cases);
    for (Path d : dirs) {
      String name = d.getFileName().toString();
      Path out = tmp.resolve(name);
      Cli r =
          Cli.run(
              "simulate",
              "-c",
              d.resolve("scale.cfg").toString(),
              "-t",
              d.resolve("topology.csv").toString(),
              "-i",
              Files.readString(d.resolve("mode")).strip(),
              "-p",
              out.toString(),
              "-q");
      assertEquals(0, r.exitCode, r::toString);
      for (String f :
          new String[] {
            "COMPUTE_REPORT.csv", "BANDWIDTH_REPORT.csv", "DETAILED_ACCESS_REPORT.csv"
          }) {
        assertEquals(
            Files.readString(d.resolve(f)),
            Files.readString(out.resolve(name).resolve(f)),
            name + " " + f);
      }
    }
  }
}
