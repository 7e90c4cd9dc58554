package org.tessel.sched.profile;

import java.io.IOException;
import java.util.List;

/**
 * Runs the points a sweep still needs, wherever they run: on the threads of this process ({@link
 * Profiler}'s default) or elsewhere (a cluster). Each row must come from {@link ProfileWork#row},
 * so that where a point ran never shows in the output.
 */
public interface PointRunner {
  /** Receives rows as points finish, in any order. */
  interface RowSink {
    /** Point {@code index} gave {@code row}. */
    void done(int index, String row) throws IOException;
  }

  /**
   * Computes every point of {@code todo} (grid indices) and hands each row to {@code sink}; returns
   * how many points took another point's schedule (0 when not known).
   *
   * @throws IOException when the sink cannot write
   */
  long run(ProfileWork work, List<Integer> todo, RowSink sink) throws IOException;
}
