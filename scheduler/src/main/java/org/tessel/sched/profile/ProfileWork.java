package org.tessel.sched.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessel.sched.EvaluationCache;
import org.tessel.sim.arch.HardwareSpec;

/**
 * A sweep's unit of work as a pure function: the {@code PROFILE.csv} row of a point, by its grid
 * index. Every process that runs points (the threads of one {@link Profiler}, a shard, a cluster
 * member) computes rows with this class, so a row is the same bytes wherever it was computed.
 * Thread-safe; points of equal simulated hardware share one schedule.
 */
public final class ProfileWork {
  private final List<Point> points;
  private final List<HardwareSpec> hardware;
  private final PointEvaluator evaluator;

  /**
   * The work of {@code spec}, sharing {@code cache}.
   *
   * @throws org.tessel.sim.config.ConfigException when a point's values make no valid hardware
   */
  public ProfileWork(ProfileSpec spec, EvaluationCache cache) {
    this.points = spec.grid().points();
    this.hardware = spec.pointHardware();
    this.evaluator = new PointEvaluator(spec, cache);
  }

  /** The number of points of the grid. */
  public int size() {
    return points.size();
  }

  /** The row of point {@code index} (grid order, from 0), without a line end. */
  public String row(int index) {
    return ProfileCsv.row(evaluator.evaluate(points.get(index), hardware.get(index)));
  }

  /**
   * {@code todo} grouped by simulated hardware, groups in order of first appearance: points of a
   * group share one schedule, so a group is best run by one worker.
   */
  public List<List<Integer>> groups(List<Integer> todo) {
    Map<HardwareSpec, List<Integer>> groups = new LinkedHashMap<>();
    for (int i : todo) {
      groups.computeIfAbsent(evaluator.canonical(hardware.get(i)), h -> new ArrayList<>()).add(i);
    }
    return new ArrayList<>(groups.values());
  }

  /** Points answered by the schedule of an earlier point with the same simulated hardware. */
  public long shared() {
    return evaluator.shared();
  }
}
