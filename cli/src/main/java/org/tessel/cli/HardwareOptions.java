package org.tessel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.HardwareReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The hardware options every command that runs a network shares: {@code -c FILE}, {@code --hw}. */
final class HardwareOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Hardware: a SCALE-Sim .cfg or a Tessel hardware YAML file.")
  @Nullable Path config;

  @Option(
      names = "--hw",
      paramLabel = "PRESET|FILE",
      description =
          "Hardware preset (${COMPLETION-CANDIDATES}) or file; default: "
              + HardwareReader.DEFAULT_PRESET
              + ".",
      completionCandidates = Presets.class)
  @Nullable String hw;

  @Option(
      names = "--scalesim",
      paramLabel = "2|3",
      description =
          "With a SCALE-Sim .cfg: reproduce SCALE-Sim v2's or v3's numbers (default:"
              + " v3 when the file has v3's [layout] or [sparsity] sections or keys, else v2).")
  @Nullable Integer scaleSim;

  @Option(
      names = {"-l", "--layout"},
      paramLabel = "FILE",
      description =
          "SCALE-Sim v3's layout file; read only with custom layouts, which Tessel"
              + " does not model (accepted and reported as ignored).")
  @Nullable Path layout;

  /** Preset names for help and completion. */
  static final class Presets implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return HardwareReader.PRESETS.iterator();
    }
  }

  /** The hardware file these options name, or null for a preset. */
  @Nullable Path file() {
    if (config != null) {
      return config;
    }
    return hw != null && java.nio.file.Files.exists(Path.of(hw)) ? Path.of(hw) : null;
  }

  /** Settings of the files read by {@link #load} that have no effect, one line each. */
  final List<String> notes = new ArrayList<>();

  /**
   * The hardware these options name (the default preset if neither is given); settings without
   * effect go to {@link #notes}, for {@link Loads#report} once every input has been read.
   */
  HardwareSpec load(CommandSpec spec) {
    return Loads.hardware(spec, config, hw, scaleSim == null ? 0 : scaleSim, layout, notes);
  }
}
