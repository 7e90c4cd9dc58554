package org.tessel.sim.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tessel.sim.arch.HardwareSpec;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.workload.Network;

/** Picks the right reader for a file by its form: SCALE-Sim INI/CSV or Tessel YAML. */
public final class Inputs {
  private Inputs() {}

  /** A hardware spec from a SCALE-Sim {@code .cfg} or a Tessel YAML file. */
  public static HardwareSpec hardwareFile(Path path) {
    return hardwareFile(path, 0, new java.util.ArrayList<>());
  }

  /** Whether {@code path} is read as a SCALE-Sim {@code .cfg} file. */
  public static boolean isScaleSimConfig(Path path) {
    String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".cfg") || n.endsWith(".ini") || ScaleSimConfigReader.looksLikeIni(path);
  }

  /**
   * A hardware spec from a SCALE-Sim {@code .cfg} (with SCALE-Sim {@code scaleSimVersion} 2 or 3
   * forced, or 0 to let the file decide; its ignored settings added to {@code ignored}) or a Tessel
   * YAML file.
   */
  public static HardwareSpec hardwareFile(Path path, int scaleSimVersion, List<String> ignored) {
    if (isScaleSimConfig(path)) {
      ScaleSimConfig c = ScaleSimConfigReader.readConfig(path, scaleSimVersion);
      ignored.addAll(c.ignored());
      return c.hardware();
    }
    if (scaleSimVersion != 0) {
      throw new ConfigException(
          "--scalesim", 0, "", "applies to SCALE-Sim .cfg files only, not" + " " + path);
    }
    return HardwareReader.read(path);
  }

  /** A hardware spec from a preset name or, when it names an existing file, that file. */
  public static HardwareSpec hardware(String presetOrFile) {
    return hardware(presetOrFile, 0, new java.util.ArrayList<>());
  }

  /**
   * A hardware spec from a preset name or, when it names an existing file, that file ({@link
   * #hardwareFile(Path, int, List)}).
   */
  public static HardwareSpec hardware(
      String presetOrFile, int scaleSimVersion, List<String> ignored) {
    Path p = Path.of(presetOrFile);
    if (java.nio.file.Files.exists(p) && !java.nio.file.Files.isDirectory(p)) {
      return hardwareFile(p, scaleSimVersion, ignored);
    }
    if (scaleSimVersion != 0) {
      throw new ConfigException(
          "--scalesim",
          0,
          "",
          "applies to SCALE-Sim .cfg files only, not" + " the preset " + presetOrFile);
    }
    if (presetOrFile.contains("/") || presetOrFile.contains(".")) {
      throw new ConfigException(presetOrFile, 0, "", "file not found");
    }
    return HardwareReader.preset(presetOrFile);
  }

  /** A network from a topology CSV (SCALE-Sim) or a Tessel YAML file. */
  public static Network network(Path path, TopologyReader.Mode mode) {
    return network(path, mode, new java.util.ArrayList<>());
  }

  /**
   * A network from a topology CSV (SCALE-Sim; its ignored settings added to {@code ignored}) or a
   * Tessel YAML file.
   */
  public static Network network(Path path, TopologyReader.Mode mode, List<String> ignored) {
    String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return TopologyReader.read(path, mode, ignored);
    }
    return NetworkReader.read(path);
  }
}
