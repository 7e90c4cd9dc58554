package org.tessel.sim.io;

import org.tessel.sim.config.ConfigException;
import java.nio.file.Path;
import java.util.Locale;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.workload.Network;

/** Picks the right reader for a file by its form: SCALE-Sim INI/CSV or Tessel YAML. */
public final class Inputs {
  private Inputs() {}

  /** A hardware spec from a SCALE-Sim {@code .cfg} or a Tessel YAML file. */
  public static HardwareSpec hardwareFile(Path path) {
    String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".cfg") || n.endsWith(".ini") || ScaleSimConfigReader.looksLikeIni(path)) {
      return ScaleSimConfigReader.read(path);
    }
    return HardwareReader.read(path);
  }

  /** A hardware spec from a preset name or, when it names an existing file, that file. */
  public static HardwareSpec hardware(String presetOrFile) {
    Path p = Path.of(presetOrFile);
    if (java.nio.file.Files.isRegularFile(p)) {
      return hardwareFile(p);
    }
    if (presetOrFile.contains("/") || presetOrFile.contains(".")) {
      throw new ConfigException(presetOrFile, 0, "", "file not found");
    }
    return HardwareReader.preset(presetOrFile);
  }

  /** A network from a topology CSV (SCALE-Sim) or a Tessel YAML file. */
  public static Network network(Path path, TopologyReader.Mode mode) {
    String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return TopologyReader.read(path, mode);
    }
    return NetworkReader.read(path);
  }
}
