package org.tessel.sim.util;

/** Integer arithmetic used across the simulator, the scheduler and the NAS (one copy of each). */
public final class IntMath {
  private IntMath() {}

  /**
   * {@code a / b} rounded towards positive infinity, for {@code b > 0} (Java 18's {@code
   * Math.ceilDiv}); exact for every {@code a}, with no overflow of {@code a + b - 1}.
   */
  public static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }

  /** As {@link #ceilDiv(int, int)} for longs. */
  public static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** Whether every value of {@code values} is the same (true for none or one). */
  public static boolean allEqual(long[] values) {
    for (long v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return true;
  }

  /** The greatest common divisor of {@code a} and {@code b}, for {@code a, b >= 0}. */
  public static long gcd(long a, long b) {
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }
}
