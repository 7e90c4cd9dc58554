package org.tessel.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one CSV field codec: quoting round-trips, quoted fields are reported, open quotes refused.
 */
final class CsvTest {
  @Test
  void fields_splitOutsideQuotes_andUndoubleQuotes() {
    BitSet quoted = new BitSet();
    List<String> f = Csv.fields("a, \"b,c\" ,\"say \"\"hi\"\"\",,4", "t.csv", 7, quoted);
    assertEquals(List.of("a", " b,c ", "say \"hi\"", "", "4"), f);
    assertEquals(BitSet.valueOf(new long[] {0b110}), quoted);
  }

  @Test
  void quoteInsideAField_isText() {
    BitSet quoted = new BitSet();
    assertEquals(List.of("5\"", "x"), Csv.fields("5\",x", "t.csv", 1, quoted));
    assertEquals(0, quoted.cardinality());
  }

  @Test
  void row_thenFields_roundTrips() {
    List<String> in = List.of("plain", "with,comma", "with \"quote\"", "");
    assertEquals(in, Csv.fields(Csv.row(in), "t.csv", 1));
  }

  @Test
  void openQuote_isOneLineWithFileAndLine() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> Csv.fields("a,\"b,c", "t.csv", 3));
    assertEquals("t.csv:3: quote not closed", e.getMessage());
  }
}
