package org.tessel.sim.mapping;

import java.util.Objects;

/**
 * The outcome of mapping a layer: the mapping, or the {@link Infeasibility} that prevents it.
 * Exactly one of the two is present.
 *
 * @param <T> the mapping type
 */
public final class Mapped<T> {
  private final T value;
  private final Infeasibility infeasibility;

  private Mapped(T value, Infeasibility infeasibility) {
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
      throw new IllegalStateException("no mapping: " + infeasibility.detail());
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

  /**
   * The mapping, for a run that asked for exactly this one: its infeasibility is the user's
   * mistake.
   *
   * @throws org.tessel.sim.config.ConfigException naming the layer and the reason when none fits
   */
  public T orElseThrow() {
    if (value == null) {
      throw infeasibility.toException();
    }
    return value;
  }

  /** The same outcome with the mapping converted; an infeasibility is kept. */
  public <U> Mapped<U> map(java.util.function.Function<? super T, ? extends U> f) {
    return value == null ? infeasible(infeasibility) : of(f.apply(value));
  }

  @Override
  public String toString() {
    return value != null ? "fits " + value : "infeasible: " + infeasibility.detail();
  }
}
