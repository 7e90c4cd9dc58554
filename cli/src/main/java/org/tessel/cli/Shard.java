package org.tessel.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tessel.sim.config.ConfigException;

/**
 * {@code --shard K/N}: slice {@code K} (from 0) of {@code N}.
 *
 * @param index K
 * @param count N
 */
record Shard(int index, int count) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

  /** Requires {@code 0 <= index < count}. */
  Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(index + "/" + count);
    }
  }

  /**
   * The shard {@code text} names, or null for null.
   *
   * @throws ConfigException unless it reads K/N with 0 <= K < N
   */
  static @Nullable Shard parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    Matcher m = FORM.matcher(text.trim());
    if (m.matches()) {
      int k = Integer.parseInt(m.group(1));
      int n = Integer.parseInt(m.group(2));
      if (n >= 1 && k < n) {
        return new Shard(k, n);
      }
    }
    throw new ConfigException(
        "--shard",
        0,
        "",
        "expected K/N with 0 <= K < N (e.g. 0/4 for the"
            + " first of four; SLURM: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT), was '"
            + text
            + "'");
  }
}
