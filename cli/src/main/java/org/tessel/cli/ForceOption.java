package org.tessel.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.output.OutputPolicy;
import picocli.CommandLine.Option;

/** {@code --force}, for the commands that write a run folder, and the output policy it gives. */
final class ForceOption {
  @Option(
      names = "--force",
      description =
          "Also replace files in the output folder that Tessel did not write (the"
              + " files it wrote are replaced anyway; other files, inputs, links, pipes and devices"
              + " never are).")
  boolean force;

  /** The output policy: never replace {@code inputs} (null entries skipped). */
  OutputPolicy policy(@Nullable Path... inputs) {
    return OutputPolicy.of(force, inputs);
  }
}
