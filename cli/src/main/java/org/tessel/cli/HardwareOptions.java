package org.tessel.cli;

import java.nio.file.Path;
import java.util.Iterator;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.io.HardwareReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The hardware options every command that runs a network shares: {@code -c FILE}, {@code --hw}. */
final class HardwareOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Hardware: a SCALE-Sim .cfg or a Tessel hardware YAML file.")
  Path config;

  @Option(names = "--hw", paramLabel = "PRESET|FILE",
      description = "Hardware preset (${COMPLETION-CANDIDATES}) or file; default: "
          + HardwareReader.DEFAULT_PRESET + ".",
      completionCandidates = Presets.class)
  String hw;

  /** Preset names for help and completion. */
  static final class Presets implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return HardwareReader.PRESETS.iterator();
    }
  }

  /** The hardware these options name (the default preset if neither is given). */
  HardwareSpec load(CommandSpec spec) {
    return Loads.hardware(spec, config, hw);
  }
}
