package org.tessel.cli.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The minimal JSON reader: values, escapes, order, and errors that name the offset. */
final class JsonReaderTest {
  @Test
  void values_objectsKeepOrder_numbersAreDoubles() {
    Object v = JsonReader.parse(" {\"b\" : [1, -2.5E3, 0.0], \"a\":{\"t\":true,\"f\":false,"
        + "\"n\":null}, \"s\" : \"x\\\"y\\\\z\\n\\u00b1\\/\" } ");
    Map<?, ?> m = (Map<?, ?>) v;
    Map<?, ?> a = (Map<?, ?>) m.get("a");
    assertAll(
        () -> assertEquals(List.of("b", "a", "s"), List.copyOf(m.keySet())),
        () -> assertEquals(List.of(1.0, -2500.0, 0.0), m.get("b")),
        () -> assertEquals(true, a.get("t")),
        () -> assertEquals(false, a.get("f")),
        () -> assertSame(JsonReader.NULL, a.get("n")),
        () -> assertEquals("x\"y\\z\n\u00b1/", m.get("s")),
        () -> assertEquals(List.of(), JsonReader.parse("[ ]")),
        () -> assertEquals(Map.of(), JsonReader.parse("{}")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[1,", "{\"a\" 1}", "{1:2}", "[1] x", "\"abc", "[tru]", "-",
      "[1.]", "\"\\q\"", "[\"a\nb\"]"})
  void malformed_isAnErrorNamingTheOffset(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JsonReader.parse(text));
    assertTrue(e.getMessage().startsWith("JSON at offset "), e.getMessage());
  }

  @Test
  void deepNesting_isRefused() {
    String deep = "[".repeat(100) + "]".repeat(100);
    assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(deep));
  }
}
