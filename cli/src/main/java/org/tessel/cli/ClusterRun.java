package org.tessel.cli;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.tessel.cluster.ClusterNode;
import org.tessel.cluster.ClusterPointRunner;
import org.tessel.cluster.ClusterPricer;
import org.tessel.cluster.ClusterSettings;
import org.tessel.cluster.Dispatcher;
import org.tessel.cluster.JobSpec;
import org.tessel.cluster.Work;
import org.tessel.cluster.WorkFactory;
import org.tessel.nas.eval.CachedEvaluator;
import org.tessel.nas.eval.CodeFingerprint;
import org.tessel.nas.eval.ScheduleEvaluator;
import org.tessel.nas.search.Pricer;
import org.tessel.nas.space.SearchSpace;
import org.tessel.sched.EvaluationCache;
import org.tessel.sched.NetworkScheduler;
import org.tessel.sched.profile.PointRunner;
import org.tessel.sched.profile.ProfileWork;
import org.tessel.sim.Simulation;
import org.tessel.sim.config.ConfigException;
import org.tessel.sim.io.HardwareReader;
import picocli.CommandLine;

/**
 * Everything of the CLI that touches the cluster, in one class that is loaded only when a command
 * is given {@code --cluster} (or is {@code tessel worker}): joining, the jobs' specs (options and
 * input files shipped to the members), and building a job's work on a member.
 */
final class ClusterRun implements AutoCloseable {
  /** Units of a first batch, before a batch has been timed. */
  private static final int FIRST_PROFILE_BATCH = 2;

  private static final int FIRST_SEARCH_BATCH = 16;

  /** How long a worker that names other members waits alone before it joins again. */
  static final long REJOIN_NANOS = 30_000_000_000L;

  private final ClusterNode node;
  private final PrintWriter err;
  private @Nullable Dispatcher dispatcher;

  private ClusterRun(ClusterNode node, PrintWriter err) {
    this.node = node;
    this.err = err;
  }

  /** The digest of the code every member must share: the jars (or class folders) of Tessel. */
  static String fingerprint() {
    return CodeFingerprint.of(
        Simulation.class,
        NetworkScheduler.class,
        ScheduleEvaluator.class,
        ClusterNode.class,
        Main.class);
  }

  /**
   * Joins the cluster of {@code o} as {@code role} running {@code threads} batches at once.
   *
   * @throws ConfigException for a missing secret or a bind address not of this machine
   */
  static ClusterRun join(ClusterOptions o, int threads, String role, PrintWriter err) {
    o.check();
    String name = o.cluster;
    if (name == null) {
      throw new IllegalStateException("joining a cluster without --cluster");
    }
    ClusterSettings s;
    try {
      s =
          new ClusterSettings(
              name, o.secret(), o.bind, o.port, o.members, threads, fingerprint(), role);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--cluster", 0, "", ConfigException.messageOf(e));
    }
    ClusterNode node;
    try {
      node = ClusterNode.start(s, new Jobs());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--bind", 0, "", ConfigException.messageOf(e));
    } catch (RuntimeException e) {
      throw new ConfigException(
          "--cluster",
          0,
          "",
          "cannot start the member on " + o.bind + ":" + o.port + ": " + e.getMessage());
    }
    ClusterRun run = new ClusterRun(node, err);
    err.printf(
        Locale.ROOT,
        "cluster %s: this %s is %s; %d member%s%n",
        o.cluster,
        role,
        ClusterNode.address(node.self()),
        node.members().size(),
        node.members().size() == 1
            ? (role.equals("coordinator")
                ? " (waiting for workers to join)"
                : " (waiting for the others; members with another secret or cluster name are never"
                    + " let in)")
            : "s");
    err.flush();
    return run;
  }

  /** The member. */
  ClusterNode node() {
    return node;
  }

  private Dispatcher dispatcher(int firstBatch) {
    dispatcher =
        new Dispatcher(
            node,
            line -> {
              synchronized (err) {
                err.println(line);
                err.flush();
              }
            },
            firstBatch);
    return dispatcher;
  }

  /** A runner of a sweep's points on the cluster; {@code args} and {@code files} define it. */
  PointRunner profileRunner(List<String> args, Map<String, byte[]> files) {
    JobSpec job = new JobSpec("profile", args, files, node.settings().fingerprint());
    return new ClusterPointRunner(job, dispatcher(FIRST_PROFILE_BATCH));
  }

  /** A pricer of a search's batches on the cluster; {@code args} and {@code files} define it. */
  Pricer pricer(
      List<String> args,
      Map<String, byte[]> files,
      SearchSpace space,
      CachedEvaluator cached,
      ScheduleEvaluator evaluator) {
    JobSpec job = new JobSpec("search", args, files, node.settings().fingerprint());
    return new ClusterPricer(
        job,
        dispatcher(FIRST_SEARCH_BATCH),
        cached,
        ClusterPricer.work(space, evaluator, node),
        node.cache());
  }

  /** The members that worked and their rates, for the progress line. */
  String membersLine() {
    return dispatcher == null ? "" : dispatcher.membersLine();
  }

  /** What the cluster did: per member, batches, and the overhead per batch. */
  void report() {
    if (dispatcher == null || dispatcher.batches() == 0) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (Dispatcher.MemberStats m : dispatcher.members()) {
      sb.append(sb.length() == 0 ? "" : ", ")
          .append(
              String.format(
                  Locale.ROOT, "%s %d in %d batches", m.address(), m.units(), m.batches()));
    }
    err.printf(
        Locale.ROOT,
        "cluster: %s; %.1f units per batch, %.1f ms overhead per batch,"
            + " %d batches run again after their member left%n",
        sb,
        dispatcher.unitsPerBatch(),
        dispatcher.overheadMsPerBatch(),
        dispatcher.retried());
    err.flush();
  }

  @Override
  public void close() {
    node.close();
  }

  /** Joins as a control member, tells every worker to stop, and leaves. */
  static void stopWorkers(ClusterOptions o, PrintWriter err) {
    try (ClusterRun run = join(o, 1, "control", err)) {
      int workers = 0;
      for (Member m : run.node.members()) {
        workers += "worker".equals(m.getAttribute(ClusterNode.ROLE)) ? 1 : 0;
      }
      run.node.control().publish("stop");
      long end = System.nanoTime() + 10_000_000_000L;
      int left = workers;
      while (left > 0 && System.nanoTime() < end) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        left = 0;
        for (Member m : run.node.members()) {
          left += "worker".equals(m.getAttribute(ClusterNode.ROLE)) ? 1 : 0;
        }
      }
      err.printf(
          "worker: told %d worker%s to stop; %d still in the cluster%n",
          workers, workers == 1 ? "" : "s", left);
      err.flush();
    }
  }

  /**
   * Works as a member of the cluster until told to stop (the control topic or a signal); returns
   * null then, or why this worker was refused (a coordinator of other code). A worker that names
   * other members but has been alone for {@link #REJOIN_NANOS} joins again: a member that started
   * at the same moment as it may have formed a cluster of its own, which a new join finds.
   */
  static @Nullable String serve(ClusterOptions o, int threads, PrintWriter err)
      throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    AtomicReference<String> refused = new AtomicReference<>();
    Thread hook = new Thread(stop::countDown, "tessel-worker-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
    boolean first = true;
    try {
      while (stop.getCount() > 0) {
        try (ClusterRun run = join(o, threads, "worker", first ? err : quiet)) {
          first = false;
          ClusterNode node = run.node;
          node.control()
              .addMessageListener(
                  m -> {
                    if ("stop".equals(m.getMessageObject())) {
                      stop.countDown();
                    }
                  });
          node.hazelcast()
              .getCluster()
              .addMembershipListener(
                  new MembershipListener() {
                    @Override
                    public void memberAdded(MembershipEvent e) {
                      synchronized (err) {
                        err.println(
                            "worker: "
                                + ClusterNode.address(e.getMember())
                                + " joined ("
                                + e.getMembers().size()
                                + " members)");
                        err.flush();
                      }
                      refuse(node, e.getMember(), refused, stop);
                    }

                    @Override
                    public void memberRemoved(MembershipEvent e) {
                      synchronized (err) {
                        err.println(
                            "worker: "
                                + ClusterNode.address(e.getMember())
                                + " left ("
                                + e.getMembers().size()
                                + " members)");
                        err.flush();
                      }
                    }
                  });
          for (Member m : node.members()) {
            refuse(node, m, refused, stop);
          }
          long lastSeen = System.nanoTime();
          while (!stop.await(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            boolean coordinator = false;
            for (Member m : node.members()) {
              coordinator |= "coordinator".equals(m.getAttribute(ClusterNode.ROLE));
            }
            if (coordinator || node.members().size() > 1 || o.members.isEmpty()) {
              lastSeen = System.nanoTime();
            } else if (System.nanoTime() - lastSeen > REJOIN_NANOS) {
              break;
            }
          }
        }
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down already
      }
    }
    return refused.get();
  }

  /** Refuses to work with a coordinator of other code: its numbers could differ. */
  private static void refuse(
      ClusterNode node, Member m, AtomicReference<String> refused, CountDownLatch done) {
    if (!"coordinator".equals(m.getAttribute(ClusterNode.ROLE)) || node.sameCode(m)) {
      return;
    }
    refused.compareAndSet(
        null,
        "refused by coordinator "
            + ClusterNode.address(m)
            + ": this worker's code ("
            + ClusterNode.shortDigest(node.settings().fingerprint())
            + ") differs from the coordinator's ("
            + ClusterNode.shortDigest(String.valueOf(m.getAttribute(ClusterNode.CODE)))
            + "); run the same tessel.jar on every member");
    done.countDown();
  }

  /** Adds {@code file}'s content to {@code files} and returns the name the options use. */
  static String ship(Map<String, byte[]> files, String tag, Path file) {
    try {
      String name = tag + "/" + file.getFileName();
      files.put(name, Files.readAllBytes(file));
      return "@" + name;
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** The hardware options of {@code h} for a job, shipping a file it names. */
  static void ship(List<String> args, Map<String, byte[]> files, HardwareOptions h) {
    if (h.config != null) {
      args.add("-c");
      args.add(ship(files, "c", h.config));
    } else if (h.hw != null) {
      args.add("--hw");
      args.add(HardwareReader.PRESETS.contains(h.hw) ? h.hw : ship(files, "hw", Path.of(h.hw)));
    }
  }

  /** Builds a job's work on a member from its spec: the options parsed as the command does. */
  static final class Jobs implements WorkFactory {
    @Override
    public Work create(JobSpec job, ClusterNode node) {
      Path dir = null;
      try {
        dir = Files.createTempDirectory("tessel-job");
        List<String> args = new ArrayList<>();
        Map<String, Path> paths = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : job.files().entrySet()) {
          Path p = dir.resolve(f.getKey()).normalize();
          if (!p.startsWith(dir)) {
            throw new IllegalArgumentException("bad file name in job: " + f.getKey());
          }
          Files.createDirectories(p.getParent());
          Files.write(p, f.getValue());
          paths.put("@" + f.getKey(), p);
        }
        for (String a : job.args()) {
          args.add(paths.containsKey(a) ? paths.get(a).toString() : a);
        }
        return switch (job.kind()) {
          case "profile" -> {
            ProfileCommand c = new ProfileCommand();
            new CommandLine(c).parseArgs(with(args, "-p", dir.toString()));
            yield ClusterPointRunner.work(new ProfileWork(c.profileSpec(), new EvaluationCache()));
          }
          case "search" -> {
            SearchCommand c = new SearchCommand();
            new CommandLine(c).parseArgs(args.toArray(new String[0]));
            SearchSetup s = SearchSetup.of(c);
            yield ClusterPricer.work(s.space(), s.evaluator(), node);
          }
          default -> throw new IllegalArgumentException("unknown job kind " + job.kind());
        };
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        delete(dir);
      }
    }

    private static String[] with(List<String> args, String... more) {
      List<String> all = new ArrayList<>(args);
      all.addAll(List.of(more));
      return all.toArray(new String[0]);
    }

    private static void delete(@Nullable Path dir) {
      if (dir == null) {
        return;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary folder left behind
      }
    }
  }
}
