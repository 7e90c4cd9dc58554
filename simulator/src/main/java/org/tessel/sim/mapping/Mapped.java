package org.tessel.sim.mapping;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of mapping a layer: the mapping, or the {@link Infeasibility} that prevents it.
 * Exactly one of the two is present.
 *
 * @param <T> the mapping type
 */
public final class Mapped<T> {
  private final @Nullable T value;
  private final @Nullable Infeasibility infeasibility;

  private Mapped(@Nullable T value, @Nullable Infeasibility infeasibility) {
    this.value = value;
    this.infeasibility = infeasibility;
  }

  /** A mapping that fits. */
  public static <T> Mapped<T> of(T value) {
    return new Mapped<>(Objects.requireNonNull(value, "value"), null);
  }

  /** No mapping fits, for {@code why}. */
  public static <T> Mapped<T> infeasible(Infeasibility why) {
    return new Mapped<>(null, Objects.requireNonNull(why, "why"));
  }

  /** True when a mapping fits. */
  public boolean fits() {
    return value != null;
  }

  /**
   * The mapping.
   *
   * @throws IllegalStateException when none fits (check {@link #fits()} first)
   */
  public T value() {
    if (value == null) {
      throw new IllegalStateException("no mapping: " + why().detail());
    }
    return value;
  }

  /**
   * Why no mapping fits.
   *
   * @throws IllegalStateException when one does
   */
  public Infeasibility infeasibility() {
    if (infeasibility == null) {
      throw new IllegalStateException("the mapping fits");
    }
    return infeasibility;
  }

  /** The infeasibility of an outcome without a mapping (exactly one of the two is present). */
  private Infeasibility why() {
    return Objects.requireNonNull(infeasibility, "neither a mapping nor an infeasibility");
  }

  /**
   * The mapping, for a run that asked for exactly this one: its infeasibility is the user's
   * mistake.
   *
   * @throws org.tessel.sim.config.ConfigException naming the layer and the reason when none fits
   */
  public T orElseThrow() {
    if (value == null) {
      throw why().toException();
    }
    return value;
  }

  /** The same outcome with the mapping converted; an infeasibility is kept. */
  public <U> Mapped<U> map(java.util.function.Function<? super T, ? extends U> f) {
    return value == null ? infeasible(why()) : of(f.apply(value));
  }

  @Override
  public String toString() {
    return value != null ? "fits " + value : "infeasible: " + why().detail();
  }
}
