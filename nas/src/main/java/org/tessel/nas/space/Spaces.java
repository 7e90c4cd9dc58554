package org.tessel.nas.space;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tessel.sim.config.ConfigException;

/** The built-in spaces by name, or a user's space file. */
public final class Spaces {
  /** The names of the built-in spaces. */
  public static final String NAMES =
      "mobile|nasbench201[:pruned][,pool-as-conv] (e.g. nasbench201:pruned,pool-as-conv)";

  private Spaces() {}

  /**
   * The space called {@code nameOrFile}: {@code nasbench201} (every op of a cell runs, as in the
   * benchmark's model and in HW-NAS-Bench) with options after a colon, {@code pruned} (only ops
   * whose result reaches the cell's output run) and {@code pool-as-conv} (cell pooling priced as a
   * 3x3 convolution, HW-NAS-Bench's convention); {@code mobile}; or a YAML space file.
   *
   * @throws ConfigException for an unknown name or a mistake in the file
   */
  public static SearchSpace of(String nameOrFile) {
    String base = nameOrFile;
    List<String> options = List.of();
    int colon = nameOrFile.indexOf(':');
    if (colon > 0 && !Files.exists(Path.of(nameOrFile))) {
      base = nameOrFile.substring(0, colon);
      options = List.of(nameOrFile.substring(colon + 1).split(","));
    }
    switch (base) {
      case "nasbench201", "nb201" -> {
        return nb201(nameOrFile, options);
      }
      case "mobile" -> {
        noOptions(nameOrFile, options);
        return new MobileSpace();
      }
      default -> {
        Path p = Path.of(nameOrFile);
        if (Files.isRegularFile(p)) {
          return FileSpaceReader.read(p);
        }
        throw new ConfigException(
            "--space",
            0,
            "",
            "unknown space '" + nameOrFile + "' (expected " + NAMES + ", or a space file)");
      }
    }
  }

  private static SearchSpace nb201(String spec, List<String> options) {
    boolean pruned = false;
    boolean poolAsConv = false;
    for (String o : options) {
      switch (o.trim()) {
        case "pruned" -> pruned = true;
        case "pool-as-conv" -> poolAsConv = true;
        default ->
            throw new ConfigException(
                "--space",
                0,
                "",
                "unknown option '"
                    + o.trim()
                    + "' of"
                    + " nasbench201 (expected pruned|pool-as-conv)");
      }
    }
    return new Nb201Space(
        pruned ? Nb201Space.Liveness.PRUNED : Nb201Space.Liveness.ALL_OPS,
        poolAsConv,
        spec.startsWith("nb201") ? "nasbench201" + spec.substring(5) : spec);
  }

  private static void noOptions(String spec, List<String> options) {
    if (!options.isEmpty()) {
      throw new ConfigException(
          "--space", 0, "", "'" + spec + "': the mobile space takes no" + " options");
    }
  }
}
