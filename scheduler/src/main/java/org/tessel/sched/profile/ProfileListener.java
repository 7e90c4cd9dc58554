package org.tessel.sched.profile;

/** Hears how a sweep advances (for a progress bar); called from the sweep's worker threads. */
public interface ProfileListener {
  /** A listener that ignores everything. */
  ProfileListener NONE = new ProfileListener() {};

  /** The sweep starts: {@code points} in all, {@code reused} of them already in the file. */
  default void started(int points, int reused) {}

  /** Another point is done: {@code done} of {@code points} (reused ones included). */
  default void pointDone(int done, int points) {}
}
