package org.tessel.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.tessel.sched.profile.PointRunner;
import org.tessel.sched.profile.ProfileWork;

/**
 * A sweep's points run by the cluster: the unit is a grid index, its result the point's {@code
 * PROFILE.csv} row from {@link ProfileWork#row} on whichever member ran it. Points are sent in
 * groups of equal simulated hardware, so a batch mostly holds whole groups (one schedule each).
 */
public final class ClusterPointRunner implements PointRunner {
  private final JobSpec job;
  private final Dispatcher dispatcher;

  /** A runner of {@code job}'s points on {@code dispatcher}'s cluster. */
  public ClusterPointRunner(JobSpec job, Dispatcher dispatcher) {
    this.job = job;
    this.dispatcher = dispatcher;
  }

  /** The member-side work of a sweep: a grid index in, its row out. */
  public static Work work(ProfileWork work) {
    return unit -> work.row(Integer.parseInt(unit));
  }

  @Override
  public long run(ProfileWork work, List<Integer> todo, RowSink sink) throws IOException {
    List<Integer> order = new ArrayList<>(todo.size());
    work.groups(todo).forEach(order::addAll);
    List<String> units = new ArrayList<>(order.size());
    order.forEach(i -> units.add(Integer.toString(i)));
    try {
      dispatcher.run(
          job,
          work(work),
          units,
          (j, row) -> {
            try {
              sink.done(order.get(j), row);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return work.shared();
  }
}
