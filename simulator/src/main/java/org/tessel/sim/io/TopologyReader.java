package org.tessel.sim.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.config.Numbers;
import org.tessel.sim.config.TextFiles;
import org.tessel.sim.limits.Limits;
import org.tessel.sim.workload.Layer;
import org.tessel.sim.workload.Network;

/**
 * Reads SCALE-Sim topology CSVs: one header line, then one layer per line. Convolution files
 * ({@code -i conv}) have {@code name, ifmap height, ifmap width, filter height, filter width,
 * channels, filters, stride}; GEMM files ({@code -i gemm}) have {@code name, M, N, K}. A trailing
 * comma and blank lines are allowed, as in SCALE-Sim's own files. A ninth convolution column gives
 * a separate horizontal stride (SCALE-Sim v2), or, written {@code N:M}, the layer's structured
 * sparsity ratio (SCALE-Sim v3; a fifth GEMM column likewise): read and checked, and listed as
 * ignored when it is not dense, since sparsity is not modelled (SCALE-Sim v3 too ignores it unless
 * {@code SparsitySupport} is on, which Tessel refuses). As SCALE-Sim does, a convolution whose name
 * contains {@code DP} is depthwise: it becomes one single-channel layer per input channel, named
 * {@code <name>Channel_<i>}.
 */
public final class TopologyReader {
  /** Which columns the file has (SCALE-Sim's {@code -i conv|gemm}). */
  public enum Mode {
    /** Convolution layers. */
    CONV,
    /** M, N, K matrix multiplies. */
    GEMM
  }

  private static final String[] CONV_FIELDS = {
    "IFMAP Height",
    "IFMAP Width",
    "Filter Height",
    "Filter Width",
    "Channels",
    "Num Filter",
    "Strides"
  };
  private static final String[] GEMM_FIELDS = {"M", "N", "K"};

  private TopologyReader() {}

  /**
   * Reads {@code path} as a chain network named after the file.
   *
   * @throws ConfigException naming the file, line and column of the first mistake
   */
  public static Network read(Path path, Mode mode) {
    return read(path, mode, new ArrayList<>());
  }

  /**
   * Reads {@code path} as a chain network named after the file, adding one line per ignored setting
   * (a sparsity ratio that is not dense) to {@code ignored}.
   *
   * @throws ConfigException naming the file, line and column of the first mistake
   */
  public static Network read(Path path, Mode mode, List<String> ignored) {
    String file = path.toString();
    List<String> lines = TextFiles.lines(path);
    String[] fields = mode == Mode.CONV ? CONV_FIELDS : GEMM_FIELDS;
    List<Layer> layers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean header = true;
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (header) {
        header = false; // the first non-blank line is the header, as SCALE-Sim skips it
        continue;
      }
      if (layers.size() >= Limits.MAX_LAYERS) {
        throw new ConfigException(
            file, n, "", "more than " + Limits.MAX_LAYERS + " layers in one network");
      }
      List<String> cells = split(line);
      if (cells.size() == fields.length + 2 && cells.get(cells.size() - 1).contains(":")) {
        sparsity(file, n, cells.remove(cells.size() - 1), ignored);
      }
      boolean twoStrides = mode == Mode.CONV && cells.size() == fields.length + 2;
      if (cells.size() != fields.length + 1 && !twoStrides) {
        throw new ConfigException(
            file,
            n,
            "",
            "expected "
                + (fields.length + 1)
                + " columns"
                + " (name, "
                + String.join(", ", fields)
                + ") for -i "
                + mode.name().toLowerCase(java.util.Locale.ROOT)
                + ", found "
                + cells.size());
      }
      String name = cells.get(0);
      if (name.isEmpty()) {
        throw new ConfigException(file, n, "Layer name", "must not be empty");
      }
      if (!names.add(name)) {
        throw new ConfigException(file, n, "Layer name", "duplicate name '" + name + "'");
      }
      int[] v = new int[cells.size() - 1];
      for (int j = 0; j < v.length; j++) {
        v[j] = positive(file, n, j < fields.length ? fields[j] : "Stride Width", cells.get(j + 1));
      }
      try {
        if (mode == Mode.GEMM) {
          layers.add(Layer.gemm(name, v[0], v[1], v[2]));
        } else if (name.contains("DP")) {
          if (layers.size() + (long) v[4] > Limits.MAX_LAYERS) {
            throw new ConfigException(
                file,
                n,
                "Channels",
                "a depthwise layer becomes one layer"
                    + " per channel: "
                    + v[4]
                    + " more layers, past the limit of "
                    + Limits.MAX_LAYERS
                    + " layers per network");
          }
          for (int c = 0; c < v[4]; c++) {
            String channelName = name + "Channel_" + c;
            if (!names.add(channelName)) {
              throw new ConfigException(
                  file, n, "Layer name", "duplicate name '" + channelName + "'");
            }
            layers.add(
                Layer.scaleSimConv(
                    channelName, v[0], v[1], v[2], v[3], 1, v[5], v[6], twoStrides ? v[7] : v[6]));
          }
        } else {
          layers.add(
              Layer.scaleSimConv(
                  name, v[0], v[1], v[2], v[3], v[4], v[5], v[6], twoStrides ? v[7] : v[6]));
        }
      } catch (IllegalArgumentException e) {
        // the name is text, not a pattern (a name such as 'C(3' once broke a regex here)
        String m = ConfigException.messageOf(e);
        String prefix = name + ": ";
        throw new ConfigException(
            file, n, name, m.startsWith(prefix) ? m.substring(prefix.length()) : m);
      }
    }
    if (layers.isEmpty()) {
      throw new ConfigException(
          file,
          0,
          "",
          "the topology has no layers (expected a header line" + " and at least one layer line)");
    }
    String base = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return Network.chain(base, layers);
  }

  /** Checks a SCALE-Sim v3 sparsity ratio {@code N:M} ({@code 0 < N <= M}). */
  private static void sparsity(String file, int line, String cell, List<String> ignored) {
    String[] nm = cell.split(":", -1);
    int n = -1;
    int m = -1;
    if (nm.length == 2) {
      try {
        n = Integer.parseInt(nm[0].strip());
        m = Integer.parseInt(nm[1].strip());
      } catch (NumberFormatException e) {
        n = -1;
      }
    }
    if (n <= 0 || m < n) {
      throw new ConfigException(
          file,
          line,
          "Sparsity",
          "expected N:M with 0 < N <= M (SCALE-Sim"
              + " v3's structured sparsity ratio), was '"
              + cell
              + "'");
    }
    if (n < m) {
      ignored.add(
          file
              + ":"
              + line
              + ": Sparsity: ignored ("
              + cell
              + "; sparsity is not"
              + " modelled, and SCALE-Sim v3 uses it only with [sparsity] SparsitySupport: true)");
    }
  }

  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    for (String c : line.split(",", -1)) {
      cells.add(c.strip());
    }
    if (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
      cells.remove(cells.size() - 1); // trailing comma
    }
    return cells;
  }

  private static int positive(String file, int line, String field, String cell) {
    long v;
    try {
      v = Numbers.whole(cell);
    } catch (NumberFormatException e) {
      throw new ConfigException(
          file, line, field, "expected a whole number > 0, was '" + cell + "'");
    }
    if (v <= 0 || v > Integer.MAX_VALUE) {
      throw new ConfigException(
          file, line, field, "must be between 1 and " + Integer.MAX_VALUE + ", was " + v);
    }
    return (int) v;
  }
}
