package org.tessel.nas.space;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * NAS-Bench-201's index order: the benchmark numbers its 15,625 cells in the order of its own arch
 * list, which follows no formula, so the order ships as a resource ({@code nb201-index.txt}: per
 * index, the op of each edge). A cell's code is {@code sum op(k) * 5^k} over the edges {@code k} in
 * arch-string order.
 */
final class Nb201Index {
  static final int CELLS = 15_625;
  private static final int[] CODE_OF_INDEX = new int[CELLS];
  private static final int[] INDEX_OF_CODE = new int[CELLS];

  static {
    Arrays.fill(INDEX_OF_CODE, -1);
    try (InputStream in = Nb201Index.class.getResourceAsStream("nb201-index.txt")) {
      if (in == null) {
        throw new IllegalStateException("nb201-index.txt is missing from the jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      int i = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        int code = 0;
        for (int k = line.length() - 1; k >= 0; k--) {
          code = code * 5 + (line.charAt(k) - '0');
        }
        CODE_OF_INDEX[i] = code;
        INDEX_OF_CODE[code] = i;
        i++;
      }
      if (i != CELLS) {
        throw new IllegalStateException("nb201-index.txt lists " + i + " cells, not " + CELLS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Nb201Index() {}

  /** The code of the cell at benchmark index {@code index}. */
  static int code(int index) {
    return CODE_OF_INDEX[index];
  }

  /** The benchmark index of the cell with {@code code}. */
  static int index(int code) {
    return INDEX_OF_CODE[code];
  }
}
