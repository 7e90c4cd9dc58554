package org.tessel.sched.profile;

/** Stops a sweep, as a crash or Ctrl-C would, once a given number of points are done. */
final class Interruption extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A listener that throws an {@code Interruption} when point {@code after} is done. */
  static ProfileListener after(int after) {
    return new ProfileListener() {
      @Override
      public void pointDone(int done, int points) {
        if (done == after) {
          throw new Interruption();
        }
      }
    };
  }
}
