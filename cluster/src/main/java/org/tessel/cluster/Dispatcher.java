package org.tessel.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs a job's units on the members of the cluster in batches and hands each result back once.
 *
 * <p>Each member of this node's code keeps its threads plus one batches in flight, so it never
 * waits for the coordinator. Batches are sized so that one takes about {@link #TARGET_NANOS}
 * (measured from the batches done so far; never so large that the last ones leave members idle). A
 * batch whose member leaves or dies before answering goes back to the front of the queue and runs
 * elsewhere: units are pure, so a batch run twice is harmless and its result is taken once. Results
 * do not depend on which member ran what, or when.
 */
public final class Dispatcher {
  /** Work per batch aimed at: large against the milliseconds a task costs to send and answer. */
  public static final long TARGET_NANOS = 200_000_000L;

  /** Receives each unit's result once, from any thread. */
  public interface ResultSink {
    /** Unit {@code index} gave {@code result}. */
    void done(int index, String result);
  }

  /** What one member did for a job. */
  public record MemberStats(String address, int units, int batches, double unitsPerSecond) {}

  private final ClusterNode node;
  private final Consumer<String> notices;
  private final int firstBatch;
  private final Object lock = new Object();
  private final Set<UUID> refused = new HashSet<>();
  private final Map<UUID, Integer> inFlight = new LinkedHashMap<>();
  private final Map<UUID, int[]> counts = new LinkedHashMap<>();
  private final Map<UUID, String> addresses = new LinkedHashMap<>();
  private final ArrayDeque<int[]> requeued = new ArrayDeque<>();
  private long start;
  private int cursor;
  private int total;
  private int done;
  private int retried;
  private long batches;
  private long computeNanos;
  private long computeUnits;
  private long roundTripNanos;
  private @Nullable Throwable fatal;
  private boolean[] got = new boolean[0];

  /**
   * A dispatcher on {@code node}'s cluster; {@code notices} receives lines worth telling the user
   * (a member refused or lost); {@code firstBatch} units go in each batch until a batch has been
   * timed.
   */
  public Dispatcher(ClusterNode node, Consumer<String> notices, int firstBatch) {
    this.node = node;
    this.notices = notices;
    this.firstBatch = Math.max(1, firstBatch);
  }

  /**
   * Runs {@code units} of {@code job} (published with this member's {@code work}) and returns when
   * every result has been handed to {@code sink}.
   *
   * @throws IllegalStateException when a unit fails on a member (not for a member that leaves)
   */
  public void run(JobSpec job, Work work, List<String> units, ResultSink sink) {
    node.publish(job, work);
    IExecutorService executor = node.hazelcast().getExecutorService(ClusterNode.EXECUTOR);
    synchronized (lock) {
      start = System.nanoTime();
      cursor = 0;
      total = units.size();
      done = 0;
      got = new boolean[units.size()];
      fatal = null;
      requeued.clear();
    }
    UUID listener =
        node.hazelcast()
            .getCluster()
            .addMembershipListener(
                new MembershipListener() {
                  @Override
                  public void memberAdded(MembershipEvent e) {
                    synchronized (lock) {
                      lock.notifyAll();
                    }
                  }

                  @Override
                  public void memberRemoved(MembershipEvent e) {
                    String a = ClusterNode.address(e.getMember());
                    synchronized (lock) {
                      if (!refused.contains(e.getMember().getUuid())
                          && counts.containsKey(e.getMember().getUuid())) {
                        notices.accept("cluster: member " + a + " left; its batches run elsewhere");
                      }
                      lock.notifyAll();
                    }
                  }
                });
    try {
      synchronized (lock) {
        while (done < total && fatal == null) {
          for (Member m : node.members()) {
            fill(m, job, units, executor, sink);
          }
          try {
            lock.wait(500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
          }
        }
        if (fatal != null) {
          throw new IllegalStateException(fatal.getMessage(), fatal);
        }
      }
    } finally {
      node.hazelcast().getCluster().removeMembershipListener(listener);
    }
  }

  /** Sends {@code m} batches until it has its threads plus one in flight (lock held). */
  private void fill(
      Member m, JobSpec job, List<String> units, IExecutorService executor, ResultSink sink) {
    UUID id = m.getUuid();
    if (refused.contains(id) || "control".equals(m.getAttribute(ClusterNode.ROLE))) {
      return;
    }
    if (!node.sameCode(m)) {
      refused.add(id);
      notices.accept(
          "cluster: refused member "
              + ClusterNode.address(m)
              + ": its code ("
              + ClusterNode.shortDigest(String.valueOf(m.getAttribute(ClusterNode.CODE)))
              + ") differs from this coordinator's ("
              + ClusterNode.shortDigest(node.settings().fingerprint())
              + "); run the same tessel.jar on every member");
      return;
    }
    int slots = threads(m) + 1;
    addresses.putIfAbsent(id, ClusterNode.address(m));
    counts.putIfAbsent(id, new int[2]);
    while (inFlight.getOrDefault(id, 0) < slots) {
      int[] range = next();
      if (range == null) {
        return;
      }
      inFlight.merge(id, 1, Integer::sum);
      String[] batch = units.subList(range[0], range[1]).toArray(new String[0]);
      long sent = System.nanoTime();
      executor.submitToMember(
          new BatchTask(job.id(), job.fingerprint(), batch),
          m,
          new ExecutionCallback<BatchResult>() {
            @Override
            public void onResponse(BatchResult r) {
              List<Integer> fresh = new ArrayList<>();
              synchronized (lock) {
                for (int i = 0; i < r.results.length; i++) {
                  if (!got[range[0] + i]) {
                    got[range[0] + i] = true;
                    fresh.add(i);
                  }
                }
              }
              for (int i : fresh) {
                sink.done(range[0] + i, r.results[i]);
              }
              synchronized (lock) {
                inFlight.merge(id, -1, Integer::sum);
                int[] c = counts.get(id);
                c[0] += r.results.length;
                c[1]++;
                done += fresh.size();
                batches++;
                computeNanos += r.computeNanos;
                computeUnits += r.results.length;
                roundTripNanos += System.nanoTime() - sent - r.queuedNanos;
                lock.notifyAll();
              }
            }

            @Override
            public void onFailure(Throwable t) {
              synchronized (lock) {
                inFlight.merge(id, -1, Integer::sum);
                if (lost(t)) {
                  requeued.addFirst(range);
                  retried++;
                } else if (cause(t) instanceof CodeMismatchException) {
                  requeued.addFirst(range);
                  refused.add(id);
                  notices.accept(
                      "cluster: member "
                          + ClusterNode.address(m)
                          + " refused: "
                          + cause(t).getMessage());
                } else if (fatal == null) {
                  fatal =
                      new IllegalStateException(
                          "member " + ClusterNode.address(m) + ": " + cause(t), cause(t));
                }
                lock.notifyAll();
              }
            }
          });
    }
  }

  /** The next batch's unit range, or null when none is left to send (lock held). */
  private int @Nullable [] next() {
    if (!requeued.isEmpty()) {
      return requeued.pollFirst();
    }
    if (cursor >= total) {
      return null;
    }
    int size = firstBatch;
    if (computeUnits > 0) {
      double perUnit = (double) computeNanos / computeUnits;
      size = (int) Math.max(1, Math.min(100_000, Math.round(TARGET_NANOS / perUnit)));
    }
    int slots = 0;
    for (Member m : node.members()) {
      slots += node.sameCode(m) ? threads(m) + 1 : 0;
    }
    int remaining = total - cursor;
    size = Math.max(1, Math.min(size, (remaining + 2 * slots - 1) / (2 * Math.max(1, slots))));
    int[] range = {cursor, Math.min(total, cursor + size)};
    cursor = range[1];
    return range;
  }

  private static int threads(Member m) {
    try {
      return Math.max(1, Integer.parseInt(String.valueOf(m.getAttribute(ClusterNode.THREADS))));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static boolean lost(Throwable t) {
    Throwable c = cause(t);
    return t instanceof MemberLeftException
        || c instanceof MemberLeftException
        || c instanceof TargetNotMemberException
        || c instanceof HazelcastInstanceNotActiveException
        || c instanceof RejectedExecutionException;
  }

  private static Throwable cause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null
        && c.getCause() != c
        && (c instanceof java.util.concurrent.ExecutionException
            || c instanceof java.util.concurrent.CompletionException)) {
      c = c.getCause();
    }
    return c;
  }

  /** Units done so far in the current or last run. */
  public int done() {
    synchronized (lock) {
      return done;
    }
  }

  /** Batches sent again because their member left. */
  public int retried() {
    synchronized (lock) {
      return retried;
    }
  }

  /** Batches answered. */
  public long batches() {
    synchronized (lock) {
      return batches;
    }
  }

  /**
   * Mean time from sending a batch to its answer, minus the member's compute time and the time it
   * waited there for a thread (the batches kept in flight): what a batch costs to send, start and
   * answer, in milliseconds (0 before any batch).
   */
  public double overheadMsPerBatch() {
    synchronized (lock) {
      return batches == 0 ? 0 : (roundTripNanos - computeNanos) / 1e6 / batches;
    }
  }

  /** Mean units per batch (0 before any batch). */
  public double unitsPerBatch() {
    synchronized (lock) {
      return batches == 0 ? 0 : (double) computeUnits / batches;
    }
  }

  /** Per member that got work: units, batches and rate since the run started. */
  public List<MemberStats> members() {
    synchronized (lock) {
      double s = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
      List<MemberStats> out = new ArrayList<>();
      counts.forEach( // every member counted has its address (both put together)
          (id, c) ->
              out.add(
                  new MemberStats(
                      addresses.getOrDefault(id, id.toString()), c[0], c[1], c[0] / s)));
      return out;
    }
  }

  /** The members and their rates in one line: {@code 2 members: a:5701 10.1/s, b:5702 9.8/s}. */
  public String membersLine() {
    List<MemberStats> ms = members();
    StringBuilder sb = new StringBuilder();
    sb.append(ms.size()).append(ms.size() == 1 ? " member: " : " members: ");
    for (int i = 0; i < ms.size(); i++) {
      MemberStats m = ms.get(i);
      sb.append(i == 0 ? "" : ", ")
          .append(m.address())
          .append(String.format(Locale.ROOT, " %.1f/s", m.unitsPerSecond()));
    }
    return sb.toString();
  }
}
