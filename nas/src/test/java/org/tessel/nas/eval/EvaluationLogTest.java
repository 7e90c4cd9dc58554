package org.tessel.nas.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessel.sim.config.ConfigException;

/** The log survives cut-short and garbled records, and its records come back as written. */
final class EvaluationLogTest {
  @TempDir Path tmp;

  private Path write(int n) throws IOException {
    Path f = tmp.resolve("log");
    try (EvaluationLog log = EvaluationLog.open(f)) {
      for (int i = 0; i < n; i++) {
        log.append("k" + i, "value " + i);
      }
    }
    return f;
  }

  @Test
  void records_comeBackInOrder() throws IOException {
    Path f = write(5);
    try (EvaluationLog log = EvaluationLog.open(f)) {
      assertEquals(List.of("k0", "k1", "k2", "k3", "k4"), List.copyOf(log.records().keySet()));
      assertEquals("value 3", log.records().get("k3"));
      assertEquals(0, log.damaged());
    }
  }

  @Test
  void truncatedAtEveryByte_keepsEveryWholeRecord_andAppendsCleanly() throws IOException {
    Path f = write(3);
    byte[] all = Files.readAllBytes(f);
    int header = EvaluationLog.HEADER.length() + 1;
    for (int cut = header; cut <= all.length; cut++) {
      Files.write(f, Arrays.copyOf(all, cut));
      int whole = 0;
      for (int i = header; i < cut; i++) {
        whole += all[i] == '\n' ? 1 : 0;
      }
      // a record cut just before its newline is still whole: its checksum holds
      whole += cut < all.length && all[cut] == '\n' ? 1 : 0;
      try (EvaluationLog log = EvaluationLog.open(f)) {
        assertEquals(whole, log.records().size(), "cut at " + cut);
        log.append("new", "after the cut");
      }
      try (EvaluationLog log = EvaluationLog.open(f)) {
        assertEquals(whole + 1, log.records().size(), "cut at " + cut);
        assertEquals("after the cut", log.records().get("new"));
      }
    }
  }

  @Test
  void garbledLine_isSkippedAndCounted() throws IOException {
    Path f = write(3);
    String text = Files.readString(f).replace("value 1", "valuE 1");
    Files.writeString(f, text + "random junk\n");
    try (EvaluationLog log = EvaluationLog.open(f)) {
      assertEquals(Map.of("k0", "value 0", "k2", "value 2"), log.records());
      assertEquals(2, log.damaged());
    }
  }

  @Test
  void foreignFile_isRefused_andLeftAlone() throws IOException {
    Path f = tmp.resolve("notes.txt");
    Files.writeString(f, "my notes\n");
    ConfigException e = assertThrows(ConfigException.class, () -> EvaluationLog.open(f));
    assertTrue(
        e.getMessage().startsWith(f + ":1: not a Tessel NAS evaluation log"), e.getMessage());
    assertEquals("my notes\n", Files.readString(f));
  }

  @Test
  void tabsAndNewlines_areRefused() throws IOException {
    try (EvaluationLog log = EvaluationLog.open(tmp.resolve("l"))) {
      assertThrows(IllegalArgumentException.class, () -> log.append("a\tb", "v"));
      assertThrows(IllegalArgumentException.class, () -> log.append("a", "v\n"));
    }
  }
}
