package org.tessel.sim.util.svg;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a plot (the Pareto plot's, and the benchmarks' scaling plot): a data range mapped
 * onto pixels, logarithmic when the data spans more than a factor of 20, with ticks at 1, 2 and 5
 * times powers of ten.
 */
public final class PlotAxis {
  private final double lo;
  private final double hi;
  private final boolean log;
  private final double px0;
  private final double px1;

  /** An axis over the data {@code min..max} from pixel {@code px0} to pixel {@code px1}. */
  public PlotAxis(double min, double max, double px0, double px1) {
    this.log = min > 0 && max / min > 20;
    if (log) {
      lo = min / 1.15;
      hi = max * 1.15;
    } else if (max > min) {
      double pad = (max - min) * 0.06;
      lo = min - pad;
      hi = max + pad;
    } else {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      lo = min - pad;
      hi = max + pad;
    }
    this.px0 = px0;
    this.px1 = px1;
  }

  /** Whether the axis is logarithmic. */
  public boolean log() {
    return log;
  }

  /** The pixel of {@code v}. */
  public double pixel(double v) {
    double t =
        log ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
    return px0 + t * (px1 - px0);
  }

  /** Tick values inside the range. */
  public List<Double> ticks() {
    List<Double> out = new ArrayList<>();
    if (log) {
      int k0 = (int) Math.floor(Math.log10(lo));
      int k1 = (int) Math.ceil(Math.log10(hi));
      int[] mult = Math.log10(hi / lo) < 2.5 ? new int[] {1, 2, 5} : new int[] {1};
      for (int k = k0; k <= k1; k++) {
        for (int m : mult) {
          double v = m * Math.pow(10, k);
          if (v >= lo && v <= hi) {
            out.add(v);
          }
        }
      }
      return out;
    }
    double raw = (hi - lo) / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step =
        raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
    for (double v = Math.ceil(lo / step) * step; v <= hi; v += step) {
      out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return out;
  }

  /** {@code v} to three significant digits, without exponent or trailing zeros. */
  public static String label(double v) {
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /** A display unit: values are divided by {@code divisor}. */
  public record Unit(double divisor, String name) {}

  /**
   * The unit among {@code names} (each {@code factor} times the one before, the first with divisor
   * 1) that puts {@code max} below {@code factor}.
   */
  public static Unit unit(double max, double factor, String... names) {
    double div = 1;
    int i = 0;
    while (i + 1 < names.length && max / div >= factor) {
      div *= factor;
      i++;
    }
    return new Unit(div, names[i]);
  }
}
