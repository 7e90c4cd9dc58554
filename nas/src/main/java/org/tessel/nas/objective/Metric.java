package org.tessel.nas.objective;

import java.util.List;
import java.util.Locale;
import org.tessel.nas.eval.Metrics;

/** A quantity a search can optimise or constrain, with the direction that is better. */
public enum Metric {
  /** Accuracy from the accuracy table (higher is better). */
  ACCURACY("accuracy", "accuracy", false),
  /** Latency in milliseconds under the layer-adaptive schedule. */
  LATENCY("latency", "latency_ms", true),
  /** Energy in microjoules under the hardware's energy table. */
  ENERGY("energy", "energy_uj", true),
  /** Reconfigurations of the array the schedule pays. */
  RECONFIGURATIONS("reconfigurations", "reconfigurations", true),
  /** Layer-dataflow maladaptation (see {@link Metrics#maladaptation()}). */
  MALADAPTATION("maladaptation", "maladaptation", true),
  /** Multiply-accumulates per input. */
  MACS("macs", "macs", true),
  /** Weights. */
  PARAMS("params", "params", true);

  private static final List<Metric> ALL = List.of(values());

  private final String key;
  private final String column;
  private final boolean minimise;

  Metric(String key, String column, boolean minimise) {
    this.key = key;
    this.column = column;
    this.minimise = minimise;
  }

  /** The name on the command line. */
  public String key() {
    return key;
  }

  /** The column in output CSVs (with its unit). */
  public String column() {
    return column;
  }

  /** Whether lower values are better. */
  public boolean minimise() {
    return minimise;
  }

  /** The value for a network with {@code m} and {@code accuracy} (NaN without a table). */
  public double of(Metrics m, double accuracy) {
    return switch (this) {
      case ACCURACY -> accuracy;
      case LATENCY -> m.latencyMs();
      case ENERGY -> m.energyUj();
      case RECONFIGURATIONS -> m.reconfigurations();
      case MALADAPTATION -> m.maladaptation();
      case MACS -> m.macs();
      default -> m.params();
    };
  }

  /** {@code value} turned so that lower is better (accuracy is negated). */
  public double cost(double value) {
    return minimise ? value : -value;
  }

  /** Every metric. */
  public static List<Metric> all() {
    return ALL;
  }

  /**
   * The metric called {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException listing the names
   */
  public static Metric parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (Metric m : ALL) {
      if (m.key.equals(n)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown objective '"
            + name
            + "' (expected "
            + "accuracy|energy|latency|macs|maladaptation|params|reconfigurations)");
  }
}
