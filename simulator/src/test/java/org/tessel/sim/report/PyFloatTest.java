package org.tessel.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link PyFloat#repr} against Python's definition and against values Python printed. */
final class PyFloatTest {
  /** Python's repr by its definition: the first digit count from 1 up that reads back. */
  private static String byDefinition(double x) {
    BigDecimal shortest = null;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal bd = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (bd.doubleValue() == x) {
        shortest = bd;
        break;
      }
    }
    BigDecimal stripped = shortest.stripTrailingZeros();
    int exponent = stripped.precision() - stripped.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String s = stripped.toPlainString();
      return s.contains(".") ? s : s + ".0";
    }
    String digits = stripped.unscaledValue().abs().toString();
    String mantissa =
        digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits.substring(0, 1);
    int a = Math.abs(exponent);
    return (x < 0 ? "-" : "")
        + mantissa
        + "e"
        + (exponent < 0 ? '-' : '+')
        + (a < 10 ? "0" : "")
        + a;
  }

  @Test
  void valuesPythonPrinted() {
    // python3 -c 'print(repr(x))' for each
    assertEquals("26.162790697674417", PyFloat.repr(344.0 * 26.162790697674417 / 344.0));
    assertEquals("0.1", PyFloat.repr(0.1));
    assertEquals("0.30000000000000004", PyFloat.repr(0.1 + 0.2));
    assertEquals("1e+16", PyFloat.repr(1e16));
    assertEquals("1234567890123456.8", PyFloat.repr(1234567890123456.8));
    assertEquals("0.0001", PyFloat.repr(1e-4));
    assertEquals("1e-05", PyFloat.repr(1e-5));
    assertEquals("5e-324", PyFloat.repr(Double.MIN_VALUE));
    assertEquals("1.7976931348623157e+308", PyFloat.repr(Double.MAX_VALUE));
    assertEquals("2e+23", PyFloat.repr(Double.parseDouble("2e23"))); // the double nearest 2e23
    assertEquals("-62.5", PyFloat.repr(-62.5));
    assertEquals("100.0", PyFloat.repr(100.0));
    assertEquals("-3275.0", PyFloat.repr(-3275.0));
    assertEquals("9999999999999998.0", PyFloat.repr(9999999999999998.0));
    assertEquals("1.0000000000000002e+16", PyFloat.repr(10000000000000002.0));
  }

  @Test
  void agreesWithTheDefinition_onRandomDoubles() {
    SplittableRandom rnd = new SplittableRandom(17);
    for (int i = 0; i < 20_000; i++) {
      // random bit patterns (every exponent), report-like ratios of integers, and whole numbers
      // of every size around the 1e16 switch to exponent notation (cycle counts, negative starts)
      double x =
          switch (i % 3) {
            case 0 -> Double.longBitsToDouble(rnd.nextLong());
            case 1 -> (double) rnd.nextLong(1, 1L << 40) / rnd.nextLong(1, 1L << 20);
            default -> (double) (rnd.nextLong(-(1L << 62), 1L << 62) >> rnd.nextInt(63));
          };
      if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
        continue;
      }
      assertEquals(byDefinition(x), PyFloat.repr(x), "bits " + Double.doubleToRawLongBits(x));
    }
  }
}
