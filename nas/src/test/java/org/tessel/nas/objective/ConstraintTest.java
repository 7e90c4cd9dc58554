package org.tessel.nas.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class ConstraintTest {
  @Test
  void parse_andViolation() {
    Constraint c = Constraint.parse(" latency <= 2.5 ");
    assertEquals(Metric.LATENCY, c.metric());
    assertEquals(0, c.violation(2.5));
    assertEquals(0.2, c.violation(3.0), 1e-12);
    Constraint a = Constraint.parse("accuracy>=90");
    assertEquals(0, a.violation(91));
    assertEquals(1.0 / 90, a.violation(89), 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, a.violation(Double.NaN));
    assertEquals("accuracy>=90", a.toString());
  }

  @Test
  void parse_rejectsOneLine() {
    assertEquals(
        "'latency<5' is not METRIC<=VALUE or METRIC>=VALUE",
        assertThrows(IllegalArgumentException.class, () -> Constraint.parse("latency<5"))
            .getMessage());
    assertEquals(
        "unknown objective 'speed' (expected accuracy|energy|latency|macs|"
            + "maladaptation|params|reconfigurations)",
        assertThrows(IllegalArgumentException.class, () -> Constraint.parse("speed<=5"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> Constraint.parse("latency<=fast"));
  }
}
