package org.tessel.nas.search;

import java.util.Locale;
import org.tessel.nas.space.SearchSpace;

/** The strategies, by name. */
public enum StrategyKind {
  /** Every genome in index order (small spaces only). */
  EXHAUSTIVE("exhaustive"),
  /** Uniform random samples without repeats. */
  RANDOM("random"),
  /** Regularised evolution on the first objective. */
  EVOLUTION("evolution"),
  /** NSGA-II on every objective. */
  NSGA2("nsga2");

  private final String key;

  StrategyKind(String key) {
    this.key = key;
  }

  /** The name on the command line. */
  public String key() {
    return key;
  }

  /**
   * A fresh strategy over {@code space} with these settings.
   *
   * @throws IllegalArgumentException when the settings do not suit it (exhaustive on a space too
   *     large to enumerate, a population too small)
   */
  public Strategy create(SearchSpace space, SearchSettings s) {
    return switch (this) {
      case EXHAUSTIVE -> new Exhaustive(space);
      case RANDOM -> new RandomSearch(space, s.seed());
      case EVOLUTION ->
          new RegularizedEvolution(space, s.seed(), s.population(), s.sample(), s.batch());
      default -> new Nsga2(space, s.seed(), s.population());
    };
  }

  /**
   * The strategy called {@code name}.
   *
   * @throws IllegalArgumentException listing the names
   */
  public static StrategyKind parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (StrategyKind k : values()) {
      if (k.key.equals(n)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown strategy '" + name + "' (expected evolution|exhaustive|nsga2|random)");
  }
}
